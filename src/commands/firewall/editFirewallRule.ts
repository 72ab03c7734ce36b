// SWAS: Edit Firewall Rule… — the same small form, starting from the rule's values.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { FirewallRuleNode } from '../../tree/firewall/firewallRuleNode';
import { firewallTarget, redraw } from './firewallTarget';
import { askRule } from './ruleInput';

export async function editFirewallRule(services: Services, arg?: unknown): Promise<boolean> {
  if (!(arg instanceof FirewallRuleNode)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Right-click a firewall rule under a server to edit it.'));
    return false;
  }
  const t = await firewallTarget(services, arg, vscode.l10n.t('SWAS: Edit Firewall Rule'));
  const rule = await askRule(vscode.l10n.t('Edit the firewall rule of {0}', t.name), arg.rule);
  const api = services.api();
  if (!api) return false;
  await api.remote.modifyFirewallRule({
    regionId: t.regionId,
    instanceId: t.instanceId,
    ruleId: arg.rule.ruleId,
    rule,
    clientToken: randomUUID(),
  });
  redraw(services, t);
  return true;
}
