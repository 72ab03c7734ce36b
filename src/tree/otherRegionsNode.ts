// "Other regions (N)": the regions where the profile has no servers, folded under one root node
// so that the regions with servers come first. Each region under it still expands as usual (a
// region without servers shows "No servers in this region", or whatever it does hold).
import * as vscode from 'vscode';
import { OTHER_REGIONS_CONTEXT } from './contextValue';
import { ExplorerNode } from './explorerNode';
import type { RegionNode } from './regionNode';

export class OtherRegionsNode extends ExplorerNode {
  readonly kind = 'otherRegions';
  readonly id = 'otherRegions';
  regions: RegionNode[] = [];

  constructor() {
    super(undefined);
  }

  getTreeItem(): vscode.TreeItem {
    const label = vscode.l10n.t('Other regions ({0})', this.regions.length);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = vscode.l10n.t('no servers');
    item.contextValue = OTHER_REGIONS_CONTEXT;
    item.iconPath = new vscode.ThemeIcon('folder');
    item.tooltip = vscode.l10n.t('The {0} regions where this profile has no servers. Refresh counts them again.', this.regions.length);
    item.accessibilityInformation = { label: vscode.l10n.t('Other regions, {0} regions without servers', this.regions.length) };
    return item;
  }

  override getChildren(): ExplorerNode[] {
    return this.regions;
  }
}
