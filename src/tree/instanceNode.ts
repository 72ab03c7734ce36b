// A server: label = name; description = status · public IP; icon tinted by status;
// children = its snapshots (system and data), from the region's one ListSnapshots sweep.
import * as vscode from 'vscode';
import type { Instance, Snapshot } from '../core/model';
import { instanceContext, instanceState } from './contextValue';
import type { TreeContext } from './explorerNode';
import { ExplorerNode } from './explorerNode';
import { formatTime, instanceDescription } from './format';
import { instanceStatusLabel, osTypeLabel } from './labels';
import { FirewallNode } from './firewall/firewallNode';
import { MessageNode } from './messageNode';
import { escape, SnapshotNode } from './snapshotNode';

const ICONS: Record<string, [string, string]> = {
  running: ['vm-running', 'charts.green'],
  stopped: ['vm-outline', 'disabledForeground'],
  transitional: ['vm-active', 'charts.yellow'],
  disabled: ['vm-outline', 'errorForeground'],
};

export class InstanceNode extends ExplorerNode {
  readonly kind = 'instance';
  readonly id: string;
  private readonly snapshotNodes = new Map<string, SnapshotNode>();
  private firewallNode: FirewallNode | undefined;

  constructor(
    parent: ExplorerNode,
    public instance: Instance,
    private readonly ctx: TreeContext,
  ) {
    super(parent);
    this.id = `instance/${instance.regionId}/${instance.instanceId}`;
  }

  get regionId(): string {
    return this.instance.regionId;
  }
  get instanceId(): string {
    return this.instance.instanceId;
  }

  snapshots(): Snapshot[] {
    return this.ctx.store.get(this.regionId)?.snapshotsByInstance.get(this.instanceId) ?? [];
  }

  snapshotNode(snapshotId: string): SnapshotNode | undefined {
    return this.snapshotNodes.get(snapshotId);
  }

  getTreeItem(): vscode.TreeItem {
    const i = this.instance;
    const label = i.instanceName || i.instanceId;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const status = instanceStatusLabel(i.status, i.raw?.status);
    item.description = instanceDescription(status, i.publicIpAddress);
    item.contextValue = instanceContext(i);
    const [icon, color] = ICONS[instanceState(i.status)] ?? ['vm', 'foreground'];
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    item.tooltip = this.tooltip(label, status);
    item.accessibilityInformation = {
      label: i.publicIpAddress
        ? vscode.l10n.t('{0}, server, {1}, public IP {2}', label, status, i.publicIpAddress)
        : vscode.l10n.t('{0}, server, {1}', label, status),
    };
    return item;
  }

  /** The server's "Firewall" node (Linux and Windows alike: the SWAS firewall is per server). */
  firewall(): FirewallNode {
    this.firewallNode ??= new FirewallNode(this, this.regionId, this.instanceId, this.instance.instanceName || this.instanceId, this.ctx);
    return this.firewallNode;
  }

  override getChildren(): ExplorerNode[] {
    return [this.firewall(), ...this.snapshotChildren()];
  }

  private snapshotChildren(): ExplorerNode[] {
    const list = this.snapshots();
    if (list.length === 0) return [new MessageNode(this, vscode.l10n.t('No snapshots'), 'noSnapshots')];
    const keep = new Set<string>();
    const nodes = list.map((s) => {
      keep.add(s.snapshotId);
      let n = this.snapshotNodes.get(s.snapshotId);
      if (n) n.snapshot = s;
      else this.snapshotNodes.set(s.snapshotId, (n = new SnapshotNode(this, s)));
      return n;
    });
    for (const id of [...this.snapshotNodes.keys()]) if (!keep.has(id)) this.snapshotNodes.delete(id);
    return nodes;
  }

  private tooltip(label: string, status: string): vscode.MarkdownString {
    const i = this.instance;
    const s = i.spec;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(label)}** — ${escape(status)}\n\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Server ID')}: \`${i.instanceId}\`\n`);
    md.appendMarkdown(
      `- ${vscode.l10n.t('Plan')}: ${escape(
        vscode.l10n.t(
          '{0} vCPU, {1} GiB memory, {2} GiB {3} disk, {4} Mbit/s',
          s.cpu,
          s.memoryGiB,
          s.diskSizeGiB,
          s.diskCategory,
          s.bandwidthMbps,
        ),
      )}${i.planId ? ` (\`${i.planId}\`)` : ''}\n`,
    );
    const os = osTypeLabel(i.osType, i.raw?.osType);
    if (i.imageName) md.appendMarkdown(`- ${vscode.l10n.t('Image')}: ${escape(i.imageName)}${os ? ` (${escape(os)})` : ''}\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Public IP')}: ${i.publicIpAddress ? `\`${i.publicIpAddress}\`` : '—'}\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Private IP')}: ${i.innerIpAddress ? `\`${i.innerIpAddress}\`` : '—'}\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Created')}: ${escape(formatTime(i.creationTime))}\n`);
    if (i.expiredTime) md.appendMarkdown(`- ${vscode.l10n.t('Expires')}: ${escape(formatTime(i.expiredTime))}\n`);
    if (i.disableReason) md.appendMarkdown(`- ${vscode.l10n.t('Disable reason')}: ${escape(i.disableReason)}\n`);
    return md;
  }
}
