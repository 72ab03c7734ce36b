// A snapshot under its server: label = name; description = disk type · status · time.
import * as vscode from 'vscode';
import type { Snapshot } from '../core/model';
import { snapshotContext, snapshotState } from './contextValue';
import { ExplorerNode } from './explorerNode';
import { formatTime, snapshotDescription } from './format';
import { diskTypeLabel, snapshotStatusLabel } from './labels';

export class SnapshotNode extends ExplorerNode {
  readonly kind = 'snapshot';
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    public snapshot: Snapshot,
  ) {
    super(parent);
    this.id = `snapshot/${snapshot.regionId}/${snapshot.snapshotId}`;
  }

  get regionId(): string {
    return this.snapshot.regionId;
  }
  get instanceId(): string {
    return this.snapshot.instanceId;
  }
  get snapshotId(): string {
    return this.snapshot.snapshotId;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.snapshot;
    const state = snapshotState(s.status);
    const label = s.snapshotName || s.snapshotId;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const disk = diskTypeLabel(s.sourceDiskType, s.raw?.sourceDiskType);
    const status = snapshotStatusLabel(s.status, s.raw?.status);
    const time = formatTime(s.creationTime);
    item.description = snapshotDescription(disk, status, state === 'progressing' ? s.progress : undefined, time);
    item.contextValue = snapshotContext(s);
    item.iconPath =
      state === 'progressing'
        ? new vscode.ThemeIcon('loading~spin')
        : state === 'failed'
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'))
          : new vscode.ThemeIcon('device-camera', new vscode.ThemeColor(s.sourceDiskType === 'System' ? 'charts.blue' : 'charts.purple'));
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(label)}**\n\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Snapshot ID')}: \`${s.snapshotId}\`\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Status')}: ${escape(status)}${state === 'progressing' ? ` (${s.progress}%)` : ''}\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Source disk')}: \`${s.sourceDiskId}\` (${escape(disk)})\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Server ID')}: \`${s.instanceId}\`\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Created')}: ${escape(time)}\n`);
    if (s.remark) md.appendMarkdown(`- ${vscode.l10n.t('Remark')}: ${escape(s.remark)}\n`);
    item.tooltip = md;
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0}, {1} disk snapshot, {2}', label, disk, String(item.description)),
    };
    return item;
  }
}

export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
