// "Load more…" after the first 500 servers of a region. Guarded: one load at a time.
import * as vscode from 'vscode';
import { LOAD_MORE_CONTEXT } from './contextValue';
import { ExplorerNode } from './explorerNode';

export class LoadMoreNode extends ExplorerNode {
  readonly kind = 'loadMore';
  readonly id: string;
  loading = false;

  constructor(
    parent: ExplorerNode,
    readonly regionId: string,
    private readonly shown: number,
    private readonly total: number | undefined,
  ) {
    super(parent);
    this.id = `${parent.id}/loadMore`;
  }

  getTreeItem(): vscode.TreeItem {
    const label = this.loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description =
      this.total !== undefined ? vscode.l10n.t('{0} of {1} shown', this.shown, this.total) : vscode.l10n.t('{0} shown', this.shown);
    item.contextValue = LOAD_MORE_CONTEXT;
    item.iconPath = new vscode.ThemeIcon(this.loading ? 'loading~spin' : 'ellipsis');
    item.command = { command: 'swas.loadMore', title: label, arguments: [this] };
    item.accessibilityInformation = { label: `${label} ${String(item.description)}` };
    return item;
  }
}
