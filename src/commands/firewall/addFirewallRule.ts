// SWAS: Add Firewall Rule… — on a server's Firewall node (or a server, or from the palette).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { firewallTarget, redraw } from './firewallTarget';
import { askRule } from './ruleInput';

export async function addFirewallRule(services: Services, arg?: unknown): Promise<string[] | undefined> {
  const title = vscode.l10n.t('SWAS: Add Firewall Rule');
  const t = await firewallTarget(services, arg, title);
  const rule = await askRule(vscode.l10n.t('Add a firewall rule to {0}', t.name));
  const api = services.api();
  if (!api) return undefined;
  // CreateFirewallRules: the only create that takes a source CIDR (SDK 4.0.0).
  const { ruleIds } = await api.remote.createFirewallRules({
    regionId: t.regionId,
    instanceId: t.instanceId,
    rules: [rule],
    clientToken: randomUUID(),
  });
  redraw(services, t);
  return ruleIds;
}
