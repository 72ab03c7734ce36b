// One submission through the Create Custom Image panel's host controller, as a user makes it:
// the webview says ready, submits the draft, and presses Retry while the banner offers it.
import type { RegionData } from '../../src/core/model';
import type { SwasApi } from '../../src/core/swasApi';
import type { CreateImageUi } from '../../src/panels/createImageController';
import { CreateImageController } from '../../src/panels/createImageController';
import type { CreateImageDeps } from '../../src/panels/createImageDeps';
import { memoryDraftStore } from '../../src/panels/createImageDeps';
import type { HostMessage, SubmitState } from '../../src/protocol/createImageMessages';
import { FORM_STRINGS_EN } from '../../src/protocol/formStrings';
import type { SubmissionResult, Target } from './createCampaign';
import { silentLogger } from '../../src/core/logger';

export async function submitThroughForm(
  api: SwasApi,
  regionData: Map<string, RegionData>,
  target: Target,
  name: string,
  userRetries: number,
  errors: string[],
): Promise<SubmissionResult> {
  const data = regionData.get(target.regionId);
  if (!data) throw new Error(`no region data for ${target.regionId}`);
  const posts: HostMessage[] = [];
  const deps = campaignDeps(api, { loadRegion: () => Promise.resolve(data), listRegions: () => Promise.resolve([]), logger: silentLogger });
  const ui = recordingUi(posts);
  const controller = new CreateImageController(
    { regionId: target.regionId, instanceId: target.instanceId },
    deps,
    ui,
    memoryDraftStore(),
    target.regionId,
    data,
    'default',
  );
  const last = (): SubmitState | undefined => {
    for (let i = posts.length - 1; i >= 0; i--) {
      const p = posts[i];
      if (p?.type === 'submitState') return p.state;
    }
    return undefined;
  };
  try {
    await controller.handle({ type: 'ready' });
    await controller.handle({
      type: 'submit',
      draft: {
        imageName: name,
        systemSnapshotId: target.systemSnapshotId,
        dataSnapshotId: '',
        description: 'reliability campaign',
        resourceGroupId: '',
        tags: [],
      },
    });
    for (let press = 0; ; press++) {
      const state = last();
      if (state?.phase === 'succeeded')
        return { name, regionId: target.regionId, outcome: 'created', imageId: state.imageId, userRetries: press };
      if (state?.phase !== 'failed')
        return {
          name,
          regionId: target.regionId,
          outcome: 'unclear',
          code: `form ended in ${state?.phase ?? 'nothing'}`,
          userRetries: press,
        };
      errors.push(`${state.code}: ${state.message} (${state.requestId})`);
      if (!state.retryable) return { name, regionId: target.regionId, outcome: 'rejected', code: state.code, userRetries: press };
      if (press >= userRetries) return { name, regionId: target.regionId, outcome: 'unclear', code: state.code, userRetries: press };
      await controller.handle({ type: 'retry' });
    }
  } finally {
    controller.dispose();
  }
}

/** The panel's UI side for a controller driven without VS Code: posts are recorded, nothing is shown. */
/** The panel's host dependencies in a campaign: profile "default", no tree behind it (nothing cached or watched, reveal and refresh do nothing), no snapshot step. */
export function campaignDeps(api: SwasApi, reads: Pick<CreateImageDeps, 'loadRegion' | 'listRegions' | 'logger'>): CreateImageDeps {
  return {
    getApi: () => api,
    ...reads,
    revealImage: () => Promise.resolve(),
    refreshImages: () => undefined,
    profile: () => 'default',
    cachedRegion: () => undefined,
    watchRegion: () => ({ dispose: () => undefined }),
    createSnapshot: () => Promise.resolve(undefined),
  };
}

export function recordingUi(posts: HostMessage[]): CreateImageUi {
  return {
    post: (m) => void posts.push(m),
    strings: { ...FORM_STRINGS_EN },
    locale: 'en',
    withProgress: (_n, task) => task(),
    notifyCreated: () => Promise.resolve(false),
    copyCli: () => Promise.resolve(),
    reveal: () => undefined,
    close: () => undefined,
    closeForSession: () => undefined,
  };
}
