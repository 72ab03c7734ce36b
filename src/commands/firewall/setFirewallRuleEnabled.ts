// SWAS: Enable / Disable Firewall Rule — on one or several selected rules of a server.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { FirewallRuleNode } from '../../tree/firewall/firewallRuleNode';
import { firewallTarget, redraw } from './firewallTarget';

export function selectedRules(arg: unknown, all: unknown): FirewallRuleNode[] {
  const list = Array.isArray(all) && all.length > 0 ? all : [arg];
  return list.filter((n): n is FirewallRuleNode => n instanceof FirewallRuleNode);
}

export async function setFirewallRuleEnabled(services: Services, enabled: boolean, arg?: unknown, all?: unknown): Promise<number> {
  const rules = selectedRules(arg, all).filter((r) => (r.rule.policy === 'accept') !== enabled);
  const first = rules[0];
  if (!first) return 0;
  const t = await firewallTarget(services, first, '');
  const api = services.api();
  if (!api) return 0;
  if (!enabled) {
    const off = vscode.l10n.t('Disable');
    const ports = rules.map((r) => `${r.rule.protocol} ${r.rule.port}`).join(', ');
    const ok = await vscode.window.showWarningMessage(
      vscode.l10n.t('Disable {0} on {1}?', ports, t.name),
      { modal: true, detail: vscode.l10n.t('Connections to these ports will be dropped; an open SSH session through them may end.') },
      off,
    );
    if (ok !== off) return 0;
  }
  for (const r of rules)
    await api.remote.setFirewallRuleEnabled({
      regionId: r.regionId,
      instanceId: r.instanceId,
      ruleId: r.rule.ruleId,
      enabled,
      clientToken: randomUUID(),
    });
  redraw(services, t);
  return rules.length;
}
