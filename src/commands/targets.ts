// Resolving the target of a node command: the node it was invoked on (tree, or an object
// with regionId/instanceId/...), or — from the palette — quick picks of region and item.
import * as vscode from 'vscode';
import type { CustomImage, Instance, RegionData, Snapshot } from '../core/model';
import type { Services } from '../services';
import { instanceDescription, joinParts, formatTime, snapshotDescription } from '../tree/format';
import { diskTypeLabel, imageStatusLabel, instanceStatusLabel, snapshotStatusLabel } from '../tree/labels';
import { NotSignedInError } from '../tree/regionStore';
import { orCancel } from './runner';

export interface Ref {
  regionId?: unknown;
  instanceId?: unknown;
  snapshotId?: unknown;
  imageId?: unknown;
  diskType?: unknown;
  diskId?: unknown;
}

/** A command argument's string field, or undefined when it is not a non-empty string. */
export function textArg(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function asRef(arg: unknown): Ref {
  return typeof arg === 'object' && arg !== null ? (arg as Ref) : {};
}

export async function pickRegionId(services: Services, title: string): Promise<string> {
  if (!services.api()) throw new NotSignedInError();
  const regions = services.selection.apply(await services.regions.listRegions(), services.session.state?.profile);
  const pick = await vscode.window.showQuickPick(
    regions.map((r) => ({ label: r.localName || r.regionId, description: r.regionId, regionId: r.regionId })),
    { title, placeHolder: vscode.l10n.t('Select a region'), matchOnDescription: true, ignoreFocusOut: true },
  );
  return orCancel(pick).regionId;
}

async function regionData(services: Services, regionId: string): Promise<RegionData> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading {0}…', regionId) }, () =>
    services.regions.load(regionId),
  );
}

export interface InstanceFilter {
  (i: Instance): boolean;
}

/**
 * The server a command acts on. `refusal` names the servers the command cannot act on for
 * certain: they are still listed (last, with the reason), and picking one says why.
 */
export async function resolveInstance(
  services: Services,
  arg: unknown,
  title: string,
  accept: InstanceFilter = () => true,
  refusal: (i: Instance) => string | undefined = () => undefined,
): Promise<Instance> {
  const ref = asRef(arg);
  const regionId = textArg(ref.regionId) ?? (await pickRegionId(services, title));
  const data = await regionData(services, regionId);
  const id = textArg(ref.instanceId);
  if (id) {
    const found = data.instances.find((i) => i.instanceId === id);
    if (found) return found;
  }
  const candidates = data.instances.filter(accept);
  const refused = candidates.map((i) => ({ i, why: refusal(i) })).filter((x): x is { i: Instance; why: string } => x.why !== undefined);
  const offered = candidates.filter((i) => !refused.some((r) => r.i === i));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no suitable server in {0}.', regionId));
    return orCancel<Instance>(undefined);
  }
  type Item = vscode.QuickPickItem & { instance?: Instance; why?: string };
  const item = (i: Instance): Item => ({
    label: i.instanceName || i.instanceId,
    description: instanceDescription(instanceStatusLabel(i.status, i.raw?.status), i.publicIpAddress),
    detail: i.instanceId,
    instance: i,
  });
  const items: Item[] = offered.map(item);
  if (refused.length > 0) {
    items.push({ label: vscode.l10n.t('Not possible'), kind: vscode.QuickPickItemKind.Separator });
    for (const r of refused) items.push({ ...item(r.i), iconPath: new vscode.ThemeIcon('circle-slash'), description: r.why, why: r.why });
  }
  const pick = orCancel(
    await services.prompts.pick(items, {
      title,
      placeHolder: vscode.l10n.t('Select a server'),
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    }),
  );
  if (pick.why !== undefined) {
    void services.prompts.info(vscode.l10n.t('"{0}" cannot be chosen: {1}', pick.label, pick.why));
    return orCancel<Instance>(undefined);
  }
  return orCancel(pick.instance);
}

/** The custom image a command acts on. */
export async function resolveImage(
  services: Services,
  arg: unknown,
  title: string,
  accept: (i: CustomImage) => boolean = () => true,
): Promise<CustomImage> {
  const ref = asRef(arg);
  const regionId = textArg(ref.regionId) ?? (await pickRegionId(services, title));
  const data = await regionData(services, regionId);
  const id = textArg(ref.imageId);
  if (id) {
    const found = data.images.find((i) => i.imageId === id);
    if (found) return found;
  }
  const candidates = data.images.filter(accept);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no suitable custom image in {0}.', regionId));
    return orCancel<CustomImage>(undefined);
  }
  const pick = await vscode.window.showQuickPick(
    candidates.map((i) => ({
      label: i.name || i.imageId,
      description: joinParts(imageStatusLabel(i.status, i.raw?.status), i.inShare ? vscode.l10n.t('Shared to ECS') : undefined),
      detail: i.imageId,
      image: i,
    })),
    { title, placeHolder: vscode.l10n.t('Select a custom image'), matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true },
  );
  return orCancel(pick).image;
}

export type AnyResource =
  { kind: 'instance'; instance: Instance } | { kind: 'snapshot'; snapshot: Snapshot } | { kind: 'image'; image: CustomImage };

/** Any server, snapshot or image of a region (for Copy ID from the palette). */
export async function pickResource(services: Services, title: string): Promise<AnyResource> {
  const regionId = await pickRegionId(services, title);
  const data = await regionData(services, regionId);
  type Item = vscode.QuickPickItem & { res?: AnyResource };
  const items: Item[] = [];
  items.push({ label: vscode.l10n.t('Servers'), kind: vscode.QuickPickItemKind.Separator });
  for (const i of data.instances) {
    items.push({ label: i.instanceName || i.instanceId, description: i.instanceId, res: { kind: 'instance', instance: i } });
  }
  items.push({ label: vscode.l10n.t('Snapshots'), kind: vscode.QuickPickItemKind.Separator });
  for (const list of data.snapshotsByInstance.values()) {
    for (const s of list) {
      items.push({
        label: s.snapshotName || s.snapshotId,
        description: s.snapshotId,
        detail: snapshotDescription(
          diskTypeLabel(s.sourceDiskType, s.raw?.sourceDiskType),
          snapshotStatusLabel(s.status, s.raw?.status),
          undefined,
          formatTime(s.creationTime),
        ),
        res: { kind: 'snapshot', snapshot: s },
      });
    }
  }
  items.push({ label: vscode.l10n.t('Custom Images'), kind: vscode.QuickPickItemKind.Separator });
  for (const i of data.images) items.push({ label: i.name || i.imageId, description: i.imageId, res: { kind: 'image', image: i } });
  const pick = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, ignoreFocusOut: true });
  return orCancel(pick?.res);
}
