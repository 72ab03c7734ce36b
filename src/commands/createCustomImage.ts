// swas.createCustomImage: from a server node, from an accomplished system-disk snapshot node,
// or from the palette (the shared pickers of targets.ts: region within the selection, then
// server). Opens the form (services.forms); errors and sign-in are the runner's.
import * as vscode from 'vscode';
import type { CreateImageTarget } from '../panels/createImageDeps';
import type { Services } from '../services';
import { resolveInstance } from './targets';

/** Anything from the tree with regionId + instanceId [+ snapshotId]. */
export function targetFromNode(node: unknown): CreateImageTarget | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const n = node as Record<string, unknown>;
  if (typeof n.regionId !== 'string' || typeof n.instanceId !== 'string' || !n.regionId || !n.instanceId) return undefined;
  const t: CreateImageTarget = { regionId: n.regionId, instanceId: n.instanceId };
  if (typeof n.snapshotId === 'string' && n.snapshotId) t.snapshotId = n.snapshotId;
  return t;
}

export async function createCustomImage(services: Services, node?: unknown): Promise<void> {
  const fromNode = targetFromNode(node);
  if (fromNode && services.forms.revealExisting(fromNode)) return;
  let target = fromNode;
  if (fromNode) {
    const data = await services.regions.load(fromNode.regionId);
    if (!data.instances.some((i) => i.instanceId === fromNode.instanceId)) {
      throw new Error(vscode.l10n.t('The server {0} was not found in {1}. It may have been released.', fromNode.instanceId, fromNode.regionId));
    }
  } else {
    const instance = await resolveInstance(services, node, vscode.l10n.t('Create Custom Image'));
    target = { regionId: instance.regionId, instanceId: instance.instanceId };
    if (services.forms.revealExisting(target)) return;
  }
  if (!target) return;
  await services.forms.show(target, await services.regions.load(target.regionId));
}
