// "Custom Images" under a region; description = used / limit (limit = min(3 × servers, 15)).
import * as vscode from 'vscode';
import { IMAGES_CONTEXT } from './contextValue';
import type { TreeContext } from './explorerNode';
import { ExplorerNode } from './explorerNode';
import { quotaDescription } from './format';
import { ImageNode } from './imageNode';
import { MessageNode } from './messageNode';

export class ImagesNode extends ExplorerNode {
  readonly kind = 'images';
  readonly id: string;
  private readonly imageNodes = new Map<string, ImageNode>();

  constructor(
    parent: ExplorerNode,
    readonly regionId: string,
    private readonly ctx: TreeContext,
  ) {
    super(parent);
    this.id = `images/${regionId}`;
  }

  imageNode(imageId: string): ImageNode | undefined {
    return this.imageNodes.get(imageId);
  }

  getTreeItem(): vscode.TreeItem {
    const label = vscode.l10n.t('Custom Images');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const quota = this.ctx.store.get(this.regionId)?.quota;
    if (quota) {
      item.description = quotaDescription(quota.used, quota.limit);
      item.tooltip = vscode.l10n.t('{0} of {1} custom images used in this region (3 per server, at most 15).', quota.used, quota.limit);
    }
    item.contextValue = IMAGES_CONTEXT;
    item.iconPath = new vscode.ThemeIcon('files');
    item.accessibilityInformation = {
      label: quota ? vscode.l10n.t('{0}, {1} of {2} used', label, quota.used, quota.limit) : label,
    };
    return item;
  }

  override getChildren(): ExplorerNode[] {
    const images = this.ctx.store.get(this.regionId)?.images ?? [];
    if (images.length === 0) return [new MessageNode(this, vscode.l10n.t('No custom images'), 'noImages')];
    const keep = new Set<string>();
    const nodes = images.map((img) => {
      keep.add(img.imageId);
      let n = this.imageNodes.get(img.imageId);
      if (n) n.image = img;
      else this.imageNodes.set(img.imageId, (n = new ImageNode(this, img)));
      return n;
    });
    for (const id of [...this.imageNodes.keys()]) if (!keep.has(id)) this.imageNodes.delete(id);
    return nodes;
  }
}
