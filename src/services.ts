// Composition root: builds the logger, settings, credential store, session (API client),
// region cache and explorer tree, wired through constructor arguments. No API call here.
//
// For the Create Custom Image form (src/commands/createCustomImage.ts, src/panels/):
//   services.api()                         active SwasApi, or undefined when signed out
//   services.regions.listRegions()         regions (cached; localized by the display language)
//   services.regions.load(regionId, {fresh}) RegionData through the tree's cache
//   services.regions.get(regionId)         RegionData already loaded, if any
//   services.logger                        core Logger (LogOutputChannel "SWAS")
//   services.explorer.refreshImages(regionId)   re-read and redraw a region's Custom Images node
//   services.explorer.imageCreated(regionId, image)  add a just-created image locally (no call)
//   services.explorer.revealImage(regionId, imageId?)  reveal Custom Images or one image
//   services.explorer.poller.track(regionId, instanceId, { expect: 'Stopped' })  follow a server just
//                                           told to change (ListInstanceStatus) until it settles
//   services.createSnapshot({ regionId, instanceId, diskId? | diskType? })  runs "Create Snapshot…"
//                                           (asks only for the name) and resolves with the snapshot
//                                           once it settled (status Accomplished or Failed), with
//                                           status Progressing when the wait ended first (cancel,
//                                           deadline, unreadable), or undefined when the session changed
//
// A CreateImageDeps for src/panels can be built as:
//   { getApi: () => services.api(), loadRegion: (r) => services.regions.load(r),
//     listRegions: () => services.regions.listRegions(), logger: services.logger,
//     revealImage: async (r, i) => void (await services.explorer.revealImage(r, i)),
//     refreshImages: (r) => void services.explorer.refreshImages(r).catch(() => undefined),
//     cachedRegion: (r) => services.regions.get(r),
//     imageCreated: (r, image) => services.explorer.imageCreated(r, image),
//     createSnapshot: async (t) => (await services.createSnapshot(t)) !== undefined }
import * as vscode from 'vscode';
import { ActivityStore } from './activity/activityStore';
import { ServerOperations } from './activity/serverOperations';
import type { ServerPrompts } from './commands/servers/prompts';
import { windowPrompts } from './commands/servers/prompts';
import type { SwasApi } from './core/swasApi';
import { CredentialStore } from './platform/credentialStore';
import { OutputLogger } from './platform/outputLogger';
import { Session } from './platform/session';
import { Settings } from './platform/settings';
import { ExplorerProvider } from './tree/explorerProvider';
import { RateLimitNotice } from './tree/rateLimitNotice';
import { RegionSelection } from './tree/regionSelection';
import type { AcceptLanguage } from './tree/regionStore';
import { RegionStore } from './tree/regionStore';

export interface SnapshotTarget {
  regionId: string;
  instanceId: string;
  /** Pre-select the disk by ID, or by type ('System' or 'Data'); otherwise the user picks. */
  diskId?: string;
  diskType?: 'System' | 'Data';
  /** A valid name skips the name input box (programmatic use, tests). */
  snapshotName?: string;
}

export interface CreatedSnapshot {
  regionId: string;
  instanceId: string;
  snapshotId: string;
  status: string;
}

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly logger: OutputLogger;
  readonly settings: Settings;
  readonly credentials: CredentialStore;
  readonly session: Session;
  readonly regions: RegionStore;
  readonly selection: RegionSelection;
  readonly explorer: ExplorerProvider;
  /** The Activity view's log (globalState) and the long server operations it shows. */
  readonly activity: ActivityStore;
  readonly serverOps: ServerOperations;
  /** The questions server commands ask (replaceable by the integration tests). */
  prompts: ServerPrompts;
  api(): SwasApi | undefined;
  language(): AcceptLanguage;
  createSnapshot(target?: SnapshotTarget): Promise<CreatedSnapshot | undefined>;
}

export function acceptLanguage(displayLanguage: string): AcceptLanguage {
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function createServices(context: vscode.ExtensionContext): Services {
  const logger = new OutputLogger();
  const settings = new Settings();
  const credentials = new CredentialStore(context.secrets);
  const session = new Session(credentials, settings, logger);
  const api = (): SwasApi | undefined => session.api();
  const language = (): AcceptLanguage => acceptLanguage(vscode.env.language);
  const regions = new RegionStore(api, language);
  const selection = new RegionSelection(context.globalState, () => settings.read().regions);
  const explorer = new ExplorerProvider({
    api,
    profile: () => session.state?.profile,
    store: regions,
    selection,
    hideEmptyRegions: () => settings.read().hideEmptyRegions,
    pollFirstSeconds: () => settings.read().pollIntervalSeconds,
    canCallNow: (action) => session.canCallNow(action),
    logger,
  });
  const activity = new ActivityStore(context.globalState);
  const serverOps = new ServerOperations({ api, regions, explorer, activity, now: () => Date.now(), logger });
  const notice = new RateLimitNotice(
    (m) => explorer.setMessage(m),
    (seconds, action, regionId) => vscode.l10n.t("Waiting {0} s for the API's rate limit ({1}, {2})…", seconds, action, regionId),
  );
  context.subscriptions.push(
    activity,
    { dispose: session.onWait((e) => notice.update(e)) },
    logger,
    settings,
    session,
    explorer,
    session.onDidChange(() => explorer.reset(true)),
    settings.onDidChange((e) => {
      if (e.affectsConfiguration('swas.regions') || e.affectsConfiguration('swas.hideEmptyRegions')) explorer.reset();
    }),
  );
  return {
    context,
    logger,
    settings,
    credentials,
    session,
    regions,
    selection,
    explorer,
    activity,
    serverOps,
    prompts: windowPrompts,
    api,
    language,
    createSnapshot: async (target) => vscode.commands.executeCommand<CreatedSnapshot | undefined>('swas.createSnapshot', target),
  };
}
