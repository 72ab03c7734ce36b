// SWAS: Delete Firewall Rule — one or several selected rules of a server, after a modal that
// names them (one DeleteFirewallRules per server).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { firewallTarget, redraw } from './firewallTarget';
import { selectedRules } from './setFirewallRuleEnabled';

export async function deleteFirewallRules(services: Services, arg?: unknown, all?: unknown): Promise<number> {
  const rules = selectedRules(arg, all);
  const first = rules[0];
  if (!first) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the firewall rules to delete under a server.'));
    return 0;
  }
  const t = await firewallTarget(services, first, '');
  const mine = rules.filter((r) => r.instanceId === t.instanceId);
  const del = vscode.l10n.t('Delete');
  const list = mine.map((r) => `${r.rule.protocol} ${r.rule.port} ${vscode.l10n.t('from {0}', r.rule.sourceCidrIp)}`).join('\n');
  const ok = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete {0} firewall rule(s) of {1}?', mine.length, t.name),
    { modal: true, detail: `${list}\n\n${vscode.l10n.t('Connections to these ports will be dropped. This cannot be undone.')}` },
    del,
  );
  if (ok !== del) return 0;
  const api = services.api();
  if (!api) return 0;
  await api.remote.deleteFirewallRules({
    regionId: t.regionId,
    instanceId: t.instanceId,
    ruleIds: mine.map((r) => r.rule.ruleId),
    clientToken: randomUUID(),
  });
  redraw(services, t);
  return mine.length;
}
