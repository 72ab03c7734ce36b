// Composition root: builds the logger, settings, credential store, session (API client),
// region cache and explorer tree, wired through constructor arguments. No API call here.
//
// The Create Custom Image panels (`forms`) are built here too, from the same store, explorer
// and session: they follow the tree's region data and the session's changes.
//   services.explorer.poller.track(regionId, instanceId, { expect: 'Stopped' })  follow a server just
//     told to change (ListInstanceStatus) until it settles.
import * as vscode from 'vscode';
import { ActivityStore } from './activity/activityStore';
import { ResourceOperations } from './activity/resourceOperations';
import { ServerOperations } from './activity/serverOperations';
import type { ServerPrompts } from './commands/servers/prompts';
import { windowPrompts } from './commands/servers/prompts';
import type { SwasApi } from './core/swasApi';
import type { CreateImageDeps } from './panels/createImageDeps';
import { panelKey } from './panels/createImageDeps';
import { CreateImagePanels } from './panels/createImagePanel';
import { CredentialStore } from './platform/credentialStore';
import { EndpointTrust } from './platform/endpointTrust';
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
  /** Asked for by the Create Custom Image form: its Activity row has two steps, snapshot → image. */
  forImage?: boolean;
}

export interface CreatedSnapshot {
  regionId: string;
  instanceId: string;
  snapshotId: string;
  status: string;
  /** The Activity row that follows it. */
  activityId?: string;
}

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly logger: OutputLogger;
  readonly settings: Settings;
  readonly credentials: CredentialStore;
  readonly trust: EndpointTrust;
  readonly session: Session;
  readonly regions: RegionStore;
  readonly selection: RegionSelection;
  readonly explorer: ExplorerProvider;
  /** The open Create Custom Image forms (one per profile and server). */
  readonly forms: CreateImagePanels;
  /** The Activity view's log (globalState) and the long server operations it shows. */
  readonly activity: ActivityStore;
  readonly serverOps: ServerOperations;
  /** Create Snapshot and Create Custom Image rows of the Activity view. */
  readonly resourceOps: ResourceOperations;
  /** The questions server commands ask (replaceable by the integration tests). */
  prompts: ServerPrompts;
  api(): SwasApi | undefined;
  language(): AcceptLanguage;
  createSnapshot(target?: SnapshotTarget): Promise<CreatedSnapshot | undefined>;
  /** Opens a URL outside VS Code (vscode.env.openExternal); the integration tests record it instead. */
  openExternal: (uri: vscode.Uri) => Thenable<boolean>;
}

export function acceptLanguage(displayLanguage: string): AcceptLanguage {
  return displayLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

export function createServices(context: vscode.ExtensionContext): Services {
  const logger = new OutputLogger();
  const settings = new Settings();
  const credentials = new CredentialStore(context.secrets);
  const trust = new EndpointTrust(context.globalState);
  const session = new Session(credentials, settings, logger, trust);
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
    countsScope: () => (session.state ? `${session.state.profile}\n${settings.read().endpointTemplate}` : undefined),
    pollFirstSeconds: () => settings.read().pollIntervalSeconds,
    canCallNow: (action) => session.canCallNow(action),
    logger,
  });
  const createSnapshot = async (target?: SnapshotTarget): Promise<CreatedSnapshot | undefined> =>
    vscode.commands.executeCommand<CreatedSnapshot | undefined>('swas.createSnapshot', target);
  const formDeps: CreateImageDeps = {
    getApi: api,
    profile: () => session.state?.profile,
    loadRegion: (regionId, opts) => regions.load(regionId, { fresh: opts?.fresh }),
    listRegions: () => regions.listRegions(),
    logger,
    revealImage: async (regionId, imageId) => void (await explorer.revealImage(regionId, imageId)),
    refreshImages: (regionId) => void explorer.refreshImages(regionId).catch((e: unknown) => logger.warn(`refresh images: ${String(e)}`)),
    cachedRegion: (regionId) => regions.get(regionId),
    watchRegion: (regionId, listener) => regions.onDidChange((changed) => changed === regionId && listener()),
    imageCreated: (regionId, image) => explorer.imageCreated(regionId, image),
    createSnapshot: (target) => createSnapshot({ ...target, forImage: true }),
    activity: {
      imageSubmitting: (p, serverName) => resourceOps.imageSubmitting(p, serverName),
      imageCreated: (id, imageId, requestId) => resourceOps.imageCreated(id, imageId, requestId),
      imageFailed: (id, e) => resourceOps.imageFailed(id, e),
      formClosed: (regionId, instanceId) => resourceOps.formClosed(regionId, instanceId),
    },
  };
  const forms = new CreateImagePanels(context.extensionUri, formDeps, session.onDidChange);
  const activity = new ActivityStore(context.globalState);
  const serverOps = new ServerOperations({ api, regions, explorer, activity, now: () => Date.now(), logger });
  const profile = (): string | undefined => session.state?.profile;
  const formOpen = (regionId: string, instanceId: string): boolean =>
    forms.openForms().includes(panelKey(profile() ?? '', { regionId, instanceId }));
  const resourceOps = new ResourceOperations({ api, profile, regions, explorer, activity, now: () => Date.now(), logger, formOpen });
  const notice = new RateLimitNotice(
    (m) => explorer.setMessage(m),
    (seconds, action, regionId) => vscode.l10n.t("Waiting {0} s for the API's rate limit ({1}, {2})…", seconds, action, regionId),
  );
  context.subscriptions.push(
    forms,
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
    trust,
    session,
    regions,
    selection,
    explorer,
    forms,
    activity,
    serverOps,
    resourceOps,
    prompts: windowPrompts,
    api,
    language,
    createSnapshot,
    openExternal: (uri) => vscode.env.openExternal(uri),
  };
}
