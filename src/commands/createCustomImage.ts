// swas.createCustomImage: from a server node, from an accomplished system-disk snapshot node,
// or from the palette (quick picks: region, then server with its status). Opens the form.
import * as vscode from 'vscode';
import { isSwasError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { CustomImage, Region, RegionData } from '../core/model';
import type { SwasApi } from '../core/swasApi';
import type { CreateImageDeps, CreateImageTarget } from '../panels/createImageDeps';
import { CreateImagePanels } from '../panels/createImagePanel';
import { instanceStatusLabel } from '../tree/labels';

export const CREATE_CUSTOM_IMAGE_COMMAND = 'swas.createCustomImage';

/** Anything from the tree with regionId + instanceId [+ snapshotId]. */
export function targetFromNode(node: unknown): CreateImageTarget | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as Record<string, unknown>;
  if (typeof n.regionId !== 'string' || typeof n.instanceId !== 'string' || !n.regionId || !n.instanceId) return undefined;
  const t: CreateImageTarget = { regionId: n.regionId, instanceId: n.instanceId };
  if (typeof n.snapshotId === 'string' && n.snapshotId) t.snapshotId = n.snapshotId;
  return t;
}

function loading<T>(task: () => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading servers…') }, task);
}

async function pickTarget(deps: CreateImageDeps): Promise<{ target: CreateImageTarget; data: RegionData } | undefined> {
  const regions = await loading(() => deps.listRegions());
  const region = await vscode.window.showQuickPick(
    regions.map((r) => ({ label: r.localName || r.regionId, description: r.regionId, regionId: r.regionId })),
    { title: vscode.l10n.t('Create Custom Image: choose a region'), placeHolder: vscode.l10n.t('Region'), matchOnDescription: true },
  );
  if (!region) return undefined;
  const data = await loading(() => deps.loadRegion(region.regionId));
  if (data.instances.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no servers in {0}.', region.label));
    return undefined;
  }
  const server = await vscode.window.showQuickPick(
    data.instances.map((i) => ({
      label: i.instanceName || i.instanceId,
      description: instanceStatusLabel(i.status, i.raw?.status),
      detail: [i.instanceId, i.publicIpAddress, i.planId].filter(Boolean).join(' · '),
      instanceId: i.instanceId,
    })),
    { title: vscode.l10n.t('Create Custom Image: choose a server in {0}', region.label), placeHolder: vscode.l10n.t('Server'), matchOnDetail: true },
  );
  if (!server) return undefined;
  return { target: { regionId: region.regionId, instanceId: server.instanceId }, data };
}

export function createCustomImageCommand(panels: CreateImagePanels, deps: CreateImageDeps): (node?: unknown) => Promise<void> {
  return async (node?: unknown) => {
    if (!deps.getApi()) {
      const signIn = vscode.l10n.t('Sign In');
      const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Sign in to Alibaba Cloud to create custom images.'), signIn);
      if (choice === signIn) await vscode.commands.executeCommand('swas.signIn');
      return;
    }
    try {
      const fromNode = targetFromNode(node);
      if (fromNode && panels.revealExisting(fromNode)) return;
      const picked = fromNode ? { target: fromNode, data: await loading(() => deps.loadRegion(fromNode.regionId)) } : await pickTarget(deps);
      if (!picked) return;
      if (!fromNode && panels.revealExisting(picked.target)) return;
      if (!picked.data.instances.some((i) => i.instanceId === picked.target.instanceId)) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The server {0} was not found in {1}. It may have been released.', picked.target.instanceId, picked.target.regionId));
        return;
      }
      await panels.show(picked.target, picked.data);
    } catch (e) {
      const detail = isSwasError(e) ? `${e.code}${e.requestId ? ` (RequestId ${e.requestId})` : ''}` : e instanceof Error ? e.message : String(e);
      deps.logger.error(`Create Custom Image: could not open the form: ${detail}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not open the Create Custom Image form: {0}', detail));
    }
  };
}

/** The part of the composition root (services.ts) the form uses. */
export interface FormServices {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
  readonly regions: {
    listRegions(): Promise<Region[]>;
    load(regionId: string, opts?: { fresh?: boolean }): Promise<RegionData>;
    get(regionId: string): RegionData | undefined;
  };
  readonly explorer: {
    refreshImages(regionId: string): Promise<unknown>;
    revealImage(regionId: string, imageId?: string): Promise<unknown>;
    imageCreated(regionId: string, image: CustomImage): void;
  };
  api(): SwasApi | undefined;
  createSnapshot(target: { regionId: string; instanceId: string; diskId?: string }): Promise<unknown>;
}

export function createImageDeps(services: FormServices): CreateImageDeps {
  return {
    getApi: () => services.api(),
    loadRegion: (regionId, opts) => services.regions.load(regionId, opts),
    listRegions: () => services.regions.listRegions(),
    logger: services.logger,
    revealImage: async (regionId, imageId) => void (await services.explorer.revealImage(regionId, imageId)),
    refreshImages: (regionId) => void services.explorer.refreshImages(regionId).catch((e: unknown) => services.logger.warn(`refresh images: ${String(e)}`)),
    cachedRegion: (regionId) => services.regions.get(regionId),
    imageCreated: (regionId, image) => services.explorer.imageCreated(regionId, image),
    createSnapshot: async (target) => (await services.createSnapshot(target)) !== undefined,
  };
}

const panelsByServices = new WeakMap<FormServices, { panels: CreateImagePanels; run: (node?: unknown) => Promise<void> }>();

/** Registry entry: `register('swas.createCustomImage', (node) => createCustomImage(services, node))`. */
export function createCustomImage(services: FormServices, node?: unknown): Promise<void> {
  let entry = panelsByServices.get(services);
  if (!entry) {
    const deps = createImageDeps(services);
    const panels = new CreateImagePanels(services.context.extensionUri, deps);
    services.context.subscriptions.push(panels);
    entry = { panels, run: createCustomImageCommand(panels, deps) };
    panelsByServices.set(services, entry);
  }
  return entry.run(node);
}
