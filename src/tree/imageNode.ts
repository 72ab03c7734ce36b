// A custom image under "Custom Images": status (creating, available, failed), shared to ECS.
import * as vscode from 'vscode';
import type { CustomImage } from '../core/model';
import { imageContext, imageState } from './contextValue';
import { ExplorerNode } from './explorerNode';
import { formatTime, joinParts } from './format';
import { imageStatusLabel } from './labels';
import { escape } from './snapshotNode';

export class ImageNode extends ExplorerNode {
  readonly kind = 'image';
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    public image: CustomImage,
  ) {
    super(parent);
    this.id = `image/${image.regionId}/${image.imageId}`;
  }

  get regionId(): string {
    return this.image.regionId;
  }
  get imageId(): string {
    return this.image.imageId;
  }
  get instanceId(): string {
    return this.image.instanceId;
  }

  getTreeItem(): vscode.TreeItem {
    const img = this.image;
    const label = img.name || img.imageId;
    const state = imageState(img.status);
    const status = imageStatusLabel(img.status, img.raw?.status);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = joinParts(status, img.inShare ? vscode.l10n.t('Shared to ECS') : undefined, formatTime(img.creationTime));
    item.contextValue = imageContext(img);
    item.iconPath =
      state === 'creating'
        ? new vscode.ThemeIcon('loading~spin')
        : state === 'available'
          ? new vscode.ThemeIcon(img.inShare ? 'file-symlink-file' : 'file-media', new vscode.ThemeColor('charts.green'))
          : new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escape(label)}** — ${escape(status)}\n\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Image ID')}: \`${img.imageId}\`\n`);
    if (img.description) md.appendMarkdown(`- ${vscode.l10n.t('Description')}: ${escape(img.description)}\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Source server')}: ${escape(img.instanceName || img.instanceId)}\n`);
    if (img.systemSnapshotId) md.appendMarkdown(`- ${vscode.l10n.t('System disk snapshot')}: \`${img.systemSnapshotId}\`\n`);
    if (img.dataSnapshotId) md.appendMarkdown(`- ${vscode.l10n.t('Data disk snapshot')}: \`${img.dataSnapshotId}\`\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Shared to ECS')}: ${img.inShare ? vscode.l10n.t('Yes') : vscode.l10n.t('No')}\n`);
    md.appendMarkdown(`- ${vscode.l10n.t('Created')}: ${escape(formatTime(img.creationTime))}\n`);
    item.tooltip = md;
    item.accessibilityInformation = { label: vscode.l10n.t('{0}, custom image, {1}', label, String(item.description)) };
    return item;
  }
}
