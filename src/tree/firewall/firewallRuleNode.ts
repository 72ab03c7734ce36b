// One firewall rule: "TCP 22 · from 0.0.0.0/0 · SSH", disabled rules dimmed.
import * as vscode from 'vscode';
import type { FirewallRule } from '../../core/remote/remoteModel';
import { ExplorerNode } from '../explorerNode';
import type { FirewallNode } from './firewallNode';

export class FirewallRuleNode extends ExplorerNode {
  readonly kind = 'firewallRule';
  readonly id: string;

  constructor(
    readonly firewall: FirewallNode,
    readonly rule: FirewallRule,
  ) {
    super(firewall);
    this.id = `${firewall.id}/${rule.ruleId}`;
  }

  get regionId(): string {
    return this.firewall.regionId;
  }
  get instanceId(): string {
    return this.firewall.instanceId;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.rule;
    const enabled = r.policy === 'accept';
    const item = new vscode.TreeItem(`${r.protocol === 'unknown' ? '?' : r.protocol} ${r.port}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const parts = [vscode.l10n.t('from {0}', r.sourceCidrIp), r.remark, enabled ? '' : vscode.l10n.t('disabled')].filter((x) => x !== '');
    item.description = parts.join(' · ');
    item.contextValue = `firewallRule ${enabled ? 'enabled' : 'disabled'}`;
    item.iconPath = new vscode.ThemeIcon(
      enabled ? 'pass' : 'circle-slash',
      new vscode.ThemeColor(enabled ? 'charts.green' : 'disabledForeground'),
    );
    item.tooltip = new vscode.MarkdownString().appendText(
      `${r.protocol} ${r.port} — ${vscode.l10n.t('from {0}', r.sourceCidrIp)}${r.remark ? ` — ${r.remark}` : ''}\n${vscode.l10n.t('Rule ID')}: ${r.ruleId}`,
    );
    item.accessibilityInformation = {
      label: vscode.l10n.t(
        'Firewall rule {0} {1} from {2}, {3}',
        r.protocol,
        r.port,
        r.sourceCidrIp,
        enabled ? vscode.l10n.t('enabled') : vscode.l10n.t('disabled'),
      ),
    };
    return item;
  }
}
