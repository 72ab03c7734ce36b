// Host-side set-up for the form's contract tests: the real emulator, the real core client,
// the real region loader, and the vscode-free controller with a recording `ui`.
import { loadRegion } from '../../../src/core/regionLoader';
import type { SwasClientOptions } from '../../../src/core/swasClient';
import type { SwasApi } from '../../../src/core/swasApi';
import type { CustomImage, RegionData } from '../../../src/core/model';
import type { CreateImageDeps, CreateImageTarget } from '../../../src/panels/createImageDeps';
import { memoryDraftStore } from '../../../src/panels/createImageDeps';
import type { CreateImageUi } from '../../../src/panels/createImageController';
import { CreateImageController } from '../../../src/panels/createImageController';
import type { HostMessage, SubmitState } from '../../../src/protocol/createImageMessages';
import { FORM_STRINGS_EN } from '../../../src/protocol/formStrings';
import type { Harness, RecordingLogger } from '../client/harness';
import { recordingLogger } from '../client/harness';

export interface FormHost {
  controller: CreateImageController;
  api: SwasApi;
  posts: HostMessage[];
  logger: RecordingLogger;
  refreshed: string[];
  /** Images handed to the tree after a successful create (deps.imageCreated). */
  created: Array<{ regionId: string; image: CustomImage }>;
  /** What the tree has loaded (deps.cachedRegion): the region as loaded when the form opened. */
  cache: Map<string, RegionData>;
  copied: string[];
  closed: boolean;
  lastSubmit(): SubmitState | undefined;
}

/** No client-side rate limit in tests (the emulator's own limits are off by default). */
export const NO_LIMITS: Partial<SwasClientOptions> = { limiter: { rules: {} } };

export async function openFormHost(
  h: Harness,
  target: CreateImageTarget,
  clientOverrides: Partial<SwasClientOptions> = {},
  createSnapshot: (api: SwasApi, t: { regionId: string; instanceId: string; diskId: string }) => Promise<boolean> = () => Promise.resolve(false),
): Promise<FormHost> {
  const logger = recordingLogger();
  const api = h.client({ ...NO_LIMITS, logger, ...clientOverrides });
  const posts: HostMessage[] = [];
  const refreshed: string[] = [];
  const created: Array<{ regionId: string; image: CustomImage }> = [];
  const cache = new Map<string, RegionData>();
  const copied: string[] = [];
  const host = { closed: false };
  const deps: CreateImageDeps = {
    getApi: () => api,
    loadRegion: (regionId, opts) => loadRegion(api, regionId, { fresh: opts?.fresh ?? true }),
    listRegions: () => api.listRegions('en-US'),
    logger,
    revealImage: () => Promise.resolve(),
    refreshImages: (regionId) => void refreshed.push(regionId),
    cachedRegion: (regionId) => cache.get(regionId),
    imageCreated: (regionId, image) => void created.push({ regionId, image }),
    createSnapshot: (t) => createSnapshot(api, t),
  };
  const ui: CreateImageUi = {
    post: (m) => void posts.push(JSON.parse(JSON.stringify(m)) as HostMessage),
    strings: { ...FORM_STRINGS_EN },
    locale: 'en',
    withProgress: (_name, task) => task(),
    notifyCreated: () => Promise.resolve(false),
    copyCli: (c) => {
      copied.push(c);
      return Promise.resolve();
    },
    showError: () => undefined,
    reveal: () => undefined,
    close: () => {
      host.closed = true;
    },
  };
  const data = await deps.loadRegion(target.regionId);
  cache.set(target.regionId, data);
  const controller = new CreateImageController(target, deps, ui, memoryDraftStore(), target.regionId, data);
  return {
    controller,
    api,
    posts,
    logger,
    refreshed,
    created,
    cache,
    copied,
    get closed() {
      return host.closed;
    },
    lastSubmit() {
      const states = posts.filter((p): p is Extract<HostMessage, { type: 'submitState' }> => p.type === 'submitState');
      return states[states.length - 1]?.state;
    },
  };
}
