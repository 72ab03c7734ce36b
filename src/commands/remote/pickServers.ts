// The servers a remote command acts on: the selected tree nodes (several with multi-select), the
// node it was invoked on, or — from the palette or an editor — a multi-pick in one region.
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import type { Services } from '../../services';
import { instanceDescription } from '../../tree/format';
import { instanceStatusLabel } from '../../tree/labels';
import { orCancel } from '../runner';
import { asRef, pickRegionId, textArg } from '../targets';

function refs(node: unknown, nodes: unknown): Array<{ regionId: string; instanceId: string }> {
  const list = Array.isArray(nodes) && nodes.length > 0 ? nodes : node !== undefined ? [node] : [];
  const out: Array<{ regionId: string; instanceId: string }> = [];
  for (const n of list) {
    const r = asRef(n);
    const regionId = textArg(r.regionId);
    const instanceId = textArg(r.instanceId);
    if (regionId && instanceId) out.push({ regionId, instanceId });
  }
  return out;
}

/** Resolves servers from tree arguments, else asks; `accept` says which servers qualify. */
export async function pickServers(
  services: Services,
  node: unknown,
  nodes: unknown,
  title: string,
  accept: (i: Instance) => boolean,
): Promise<Instance[]> {
  const given = refs(node, nodes);
  if (given.length > 0) {
    const out: Instance[] = [];
    for (const regionId of [...new Set(given.map((g) => g.regionId))]) {
      const data = await services.regions.load(regionId);
      for (const g of given.filter((x) => x.regionId === regionId)) {
        const i = data.instances.find((x) => x.instanceId === g.instanceId);
        if (i) out.push(i);
      }
    }
    if (out.length > 0) return out;
  }
  const regionId = await pickRegionId(services, title);
  const data = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading {0}…', regionId) },
    () => services.regions.load(regionId),
  );
  const candidates = data.instances.filter(accept);
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no suitable server in {0}.', regionId));
    return orCancel<Instance[]>(undefined);
  }
  const picks = await vscode.window.showQuickPick(
    candidates.map((i) => ({
      label: i.instanceName || i.instanceId,
      description: instanceDescription(instanceStatusLabel(i.status), i.publicIpAddress),
      detail: i.instanceId,
      instance: i,
    })),
    {
      title,
      placeHolder: vscode.l10n.t('Select one or more servers'),
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    },
  );
  const chosen = orCancel(picks);
  if (chosen.length === 0) return orCancel<Instance[]>(undefined);
  return chosen.map((p) => p.instance);
}

/** A single server (Connect and friends act on one). */
export async function pickServer(services: Services, node: unknown, title: string, accept: (i: Instance) => boolean): Promise<Instance> {
  const [first] = await pickServers(services, node, undefined, title, accept);
  return orCancel(first);
}
