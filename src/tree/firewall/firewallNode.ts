// "Firewall" under a server: its SWAS firewall rules, read when the node is expanded (one
// ListFirewallRules; not part of the region's load, so a region costs no extra call).
import * as vscode from 'vscode';
import type { FirewallRule } from '../../core/remote/remoteModel';
import { ErrorNode } from '../errorNode';
import type { ExplorerNode as Node, TreeContext } from '../explorerNode';
import { ExplorerNode } from '../explorerNode';
import { MessageNode } from '../messageNode';
import { FirewallRuleNode } from './firewallRuleNode';

export const FIREWALL_CONTEXT = 'firewall';

export class FirewallNode extends ExplorerNode {
  readonly kind = 'firewall';
  readonly id: string;
  private rules: FirewallRule[] | undefined;

  constructor(
    parent: Node,
    readonly regionId: string,
    readonly instanceId: string,
    readonly instanceName: string,
    private readonly ctx: TreeContext,
  ) {
    super(parent);
    this.id = `firewall/${regionId}/${instanceId}`;
  }

  /** The rules last read (for commands that need them without another call). */
  known(): readonly FirewallRule[] | undefined {
    return this.rules;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Firewall'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = FIREWALL_CONTEXT;
    item.iconPath = new vscode.ThemeIcon('shield');
    if (this.rules) item.description = vscode.l10n.t('{0} rules', this.rules.length);
    item.tooltip = vscode.l10n.t('SWAS firewall rules of {0}', this.instanceName);
    item.accessibilityInformation = {
      label: this.rules
        ? vscode.l10n.t('Firewall of {0}, {1} rules', this.instanceName, this.rules.length)
        : vscode.l10n.t('Firewall of {0}', this.instanceName),
    };
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const api = this.ctx.api();
    if (!api) return [];
    try {
      this.rules = await api.remote.listFirewallRules(this.regionId, this.instanceId);
    } catch (e) {
      return [new ErrorNode(this, e)];
    }
    if (this.rules.length === 0) return [new MessageNode(this, vscode.l10n.t('No firewall rules: every port is closed'), 'noRules')];
    return this.rules.map((r) => new FirewallRuleNode(this, r));
  }
}
