// Host-side set-up for the form's contract tests: the real emulator, the real core client,
// the tree's real region store (whose change events the form follows), a switchable session
// (profile A = the demo account's key, profile B = another account's key), and the vscode-free
// controller with a recording `ui`.
import type { SwasClientOptions } from '../../../src/core/swasClient';
import type { SwasApi } from '../../../src/core/swasApi';
import type { CustomImage, RegionData } from '../../../src/core/model';
import type { CreateImageDeps, CreateImageTarget, DraftStore, RequestedSnapshot } from '../../../src/panels/createImageDeps';
import { memoryDraftStore } from '../../../src/panels/createImageDeps';
import type { CreateImageUi } from '../../../src/panels/createImageController';
import { CreateImageController } from '../../../src/panels/createImageController';
import type { HostMessage, SubmitState } from '../../../src/protocol/createImageMessages';
import { FORM_STRINGS_EN } from '../../../src/protocol/formStrings';
import { RegionStore } from '../../../src/tree/regionStore';
import { OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET } from '../../emulator/seeds/credentials';
import type { Harness, RecordingLogger } from '../client/harness';
import { recordingLogger } from '../client/harness';

export const PROFILE_A = 'work';
export const PROFILE_B = 'other';

export interface FormHost {
  controller: CreateImageController;
  /** The active profile's client (A's unless switched). */
  api: SwasApi;
  store: RegionStore;
  drafts: DraftStore;
  posts: HostMessage[];
  logger: RecordingLogger;
  refreshed: string[];
  /** Images handed to the tree after a successful create (deps.imageCreated). */
  created: Array<{ regionId: string; image: CustomImage }>;
  /** Overrides what the tree has loaded (deps.cachedRegion; else the store's data). */
  cache: Map<string, RegionData>;
  copied: string[];
  closed: boolean;
  /** Messages the panel showed when the session closed it. */
  sessionClosed: string[];
  /** ImageIds of the "is being created" notifications. */
  notified: string[];
  /** Switch the session's profile (undefined = signed out); the form is NOT told. */
  setProfile(profile: string | undefined): void;
  lastSubmit(): SubmitState | undefined;
  snapshotStates(): string[];
}

/** No client-side rate limit in tests (the emulator's own limits are off by default). */
export const NO_LIMITS: Partial<SwasClientOptions> = { limiter: { rules: {} } };

export type SnapshotStep = (
  api: SwasApi,
  t: { regionId: string; instanceId: string; diskId: string },
  store: RegionStore,
) => Promise<RequestedSnapshot | undefined>;

export async function openFormHost(
  h: Harness,
  target: CreateImageTarget,
  clientOverrides: Partial<SwasClientOptions> = {},
  createSnapshot: SnapshotStep = () => Promise.resolve(undefined),
  drafts: DraftStore = memoryDraftStore(),
  uiOverrides: Partial<CreateImageUi> = {},
): Promise<FormHost> {
  const logger = recordingLogger();
  const apis: Record<string, SwasApi> = {
    [PROFILE_A]: h.client({ ...NO_LIMITS, logger, ...clientOverrides }),
    [PROFILE_B]: h.client({
      ...NO_LIMITS,
      logger,
      ...clientOverrides,
      credentials: {
        getCredentials: () => Promise.resolve({ accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET }),
      },
    }),
  };
  const session: { profile: string | undefined } = { profile: PROFILE_A };
  const current = (): SwasApi | undefined => (session.profile === undefined ? undefined : apis[session.profile]);
  const store = new RegionStore(current, () => 'en-US');
  const posts: HostMessage[] = [];
  const refreshed: string[] = [];
  const created: Array<{ regionId: string; image: CustomImage }> = [];
  const cache = new Map<string, RegionData>();
  const copied: string[] = [];
  const sessionClosed: string[] = [];
  const notified: string[] = [];
  const host = { closed: false };
  const deps: CreateImageDeps = {
    getApi: current,
    profile: () => session.profile,
    loadRegion: (regionId, opts) => store.load(regionId, { fresh: opts?.fresh ?? true }),
    listRegions: () => store.listRegions(),
    logger,
    revealImage: () => Promise.resolve(),
    refreshImages: (regionId) => void refreshed.push(regionId),
    cachedRegion: (regionId) => cache.get(regionId) ?? store.get(regionId),
    watchRegion: (regionId, listener) => store.onDidChange((r) => r === regionId && listener()),
    imageCreated: (regionId, image) => void created.push({ regionId, image }),
    createSnapshot: (t) => {
      const api = current();
      return api ? createSnapshot(api, t, store) : Promise.resolve(undefined);
    },
  };
  const ui: CreateImageUi = {
    post: (m) => void posts.push(JSON.parse(JSON.stringify(m)) as HostMessage),
    strings: { ...FORM_STRINGS_EN },
    locale: 'en',
    withProgress: (_name, task) => task(),
    notifyCreated: (_name, imageId) => {
      notified.push(imageId);
      return Promise.resolve(false);
    },
    copyCli: (c) => {
      copied.push(c);
      return Promise.resolve();
    },
    reveal: () => undefined,
    close: () => {
      host.closed = true;
    },
    closeForSession: (message) => {
      sessionClosed.push(message);
      host.closed = true;
    },
    ...uiOverrides,
  };
  // The tree's store holds the region as loaded when the form opened; `cache` can override it.
  const data = await deps.loadRegion(target.regionId);
  const controller = new CreateImageController(target, deps, ui, drafts, target.regionId, data, PROFILE_A);
  return {
    controller,
    get api() {
      return current() ?? (apis[PROFILE_A] as SwasApi);
    },
    store,
    drafts,
    posts,
    logger,
    refreshed,
    created,
    cache,
    copied,
    get closed() {
      return host.closed;
    },
    sessionClosed,
    notified,
    setProfile(profile) {
      session.profile = profile;
    },
    lastSubmit() {
      const states = posts.filter((p): p is Extract<HostMessage, { type: 'submitState' }> => p.type === 'submitState');
      return states[states.length - 1]?.state;
    },
    snapshotStates() {
      return posts.filter((p): p is Extract<HostMessage, { type: 'snapshotState' }> => p.type === 'snapshotState').map((p) => p.state);
    },
  };
}
