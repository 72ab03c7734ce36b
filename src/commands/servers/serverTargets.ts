// The servers a lifecycle command acts on: the selected nodes (canSelectMany passes the
// clicked node and the selection), one node or { regionId, instanceId } argument, or — from
// the palette — a region and a multi-select pick. Arguments are only used for their IDs: the
// server itself always comes from the loaded region data, never from the argument.
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import type { ServerOpKind } from '../../core/operations/serverOperation';
import { canRun } from '../../core/operations/serverOperation';
import type { Services } from '../../services';
import { instanceDescription } from '../../tree/format';
import { instanceStatusLabel } from '../../tree/labels';
import { orCancel } from '../runner';
import { pickRegionId } from '../targets';
import type { IdRef } from './serverRefs';
import { refsFromArgs } from './serverRefs';

export async function loadServers(services: Services, refs: IdRef[]): Promise<Instance[]> {
  const out: Instance[] = [];
  for (const regionId of new Set(refs.map((r) => r.regionId))) {
    const data = await services.regions.load(regionId);
    for (const r of refs) {
      if (r.regionId !== regionId) continue;
      const found = data.instances.find((i) => i.instanceId === r.instanceId);
      if (found && !out.includes(found)) out.push(found);
    }
  }
  return out;
}

/** Servers for `kind`; those in a status that does not allow it are left out with a message. */
export async function resolveServers(services: Services, args: unknown[], kind: ServerOpKind, title: string): Promise<Instance[]> {
  const refs = refsFromArgs(args);
  if (refs.length === 0) return pickServersInRegion(services, title, (i) => canRun(kind, i.status));
  const all = await loadServers(services, refs);
  const ok = all.filter((i) => canRun(kind, i.status));
  const skipped = all.filter((i) => !ok.includes(i));
  if (skipped.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Skipped (not in a status that allows this): {0}',
        skipped.map((i) => `${i.instanceName || i.instanceId} (${instanceStatusLabel(i.status)})`).join(', '),
      ),
    );
  }
  if (ok.length === 0) orCancel<Instance[]>(undefined);
  return ok;
}

/** From the palette or an editor: a region, then a multi-pick of its servers that `accept` takes. */
export async function pickServersInRegion(services: Services, title: string, accept: (i: Instance) => boolean): Promise<Instance[]> {
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
  const picked = await services.prompts.pickMany(
    candidates.map((i) => ({
      label: i.instanceName || i.instanceId,
      description: instanceDescription(instanceStatusLabel(i.status), i.publicIpAddress),
      detail: i.instanceId,
      instance: i,
    })),
    {
      title,
      placeHolder: vscode.l10n.t('Select one or more servers'),
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    },
  );
  const list = orCancel(picked).map((p) => p.instance);
  return list.length > 0 ? list : orCancel<Instance[]>(undefined);
}

export function serverNames(servers: Instance[]): string {
  return servers.map((s) => `"${s.instanceName || s.instanceId}"`).join(', ');
}
