// swas.createCustomImage: from a server node, from an accomplished system-disk snapshot node,
// or from the palette (the shared pickers of targets.ts: region within the selection, then
// server). Opens the form (services.forms); errors and sign-in are the runner's.
import * as vscode from 'vscode';
import type { Instance } from '../core/model';
import type { CreateImageTarget } from '../panels/createImageDeps';
import { instanceState } from '../tree/contextValue';
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

/**
 * Why a server certainly cannot make a custom image, or undefined. Only Disabled (expired, overdue
 * or locked: the server is unavailable) is refused, as the server's menu does; other states
 * (Starting, Stopping…) are only advised against in the form, as no required state is documented
 * (rule `server.notReady`, a guess).
 */
export function imageRefusal(i: Instance): string | undefined {
  if (instanceState(i.status) !== 'disabled') return undefined;
  return i.disableReason
    ? vscode.l10n.t('Disabled ({0}): a disabled server cannot make images; renew or unlock it in the console first', i.disableReason)
    : vscode.l10n.t('Disabled: a disabled server cannot make images; renew or unlock it in the console first');
}

export async function createCustomImage(services: Services, node?: unknown): Promise<void> {
  const fromNode = targetFromNode(node);
  if (fromNode && services.forms.revealExisting(fromNode)) return;
  let target = fromNode;
  if (fromNode) {
    const data = await services.regions.load(fromNode.regionId);
    if (!data.instances.some((i) => i.instanceId === fromNode.instanceId)) {
      throw new Error(
        vscode.l10n.t('The server {0} was not found in {1}. It may have been released.', fromNode.instanceId, fromNode.regionId),
      );
    }
  } else {
    const instance = await resolveInstance(services, node, vscode.l10n.t('Create Custom Image'), undefined, imageRefusal);
    target = { regionId: instance.regionId, instanceId: instance.instanceId };
    if (services.forms.revealExisting(target)) return;
  }
  if (!target) return;
  await services.forms.show(target, await services.regions.load(target.regionId));
}
