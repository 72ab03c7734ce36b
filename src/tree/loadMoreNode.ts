// "Load more…" after the first 500 servers of a region. Guarded: one load at a time. After a
// failed load it offers Retry in its place (the rows already shown stay).
import * as vscode from 'vscode';
import { describeError } from '../platform/errorMessages';
import { LOAD_MORE_CONTEXT } from './contextValue';
import { ExplorerNode } from './explorerNode';
import { ellipsize } from './format';

export class LoadMoreNode extends ExplorerNode {
  readonly kind = 'loadMore';
  readonly id: string;
  loading = false;
  /** The last Load more failed: the node offers Retry and says why. */
  error: string | undefined;

  constructor(
    parent: ExplorerNode,
    readonly regionId: string,
    public shown: number,
    public total: number | undefined,
  ) {
    super(parent);
    this.id = `${parent.id}/loadMore`;
  }

  failed(e: unknown): void {
    this.loading = false;
    this.error = describeError(e);
  }

  getTreeItem(): vscode.TreeItem {
    const label = this.loading
      ? vscode.l10n.t('Loading…')
      : this.error !== undefined
        ? vscode.l10n.t("Couldn't load more — retry")
        : vscode.l10n.t('Load more…');
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const count =
      this.total !== undefined ? vscode.l10n.t('{0} of {1} shown', this.shown, this.total) : vscode.l10n.t('{0} shown', this.shown);
    item.description = this.error !== undefined && !this.loading ? `${count} · ${ellipsize(this.error, 80)}` : count;
    item.contextValue = LOAD_MORE_CONTEXT;
    const failed = this.error !== undefined && !this.loading;
    item.iconPath = this.loading
      ? new vscode.ThemeIcon('loading~spin')
      : failed
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'))
        : new vscode.ThemeIcon('ellipsis');
    if (failed) item.tooltip = new vscode.MarkdownString().appendText(this.error ?? '');
    item.command = { command: 'swas.loadMore', title: failed ? vscode.l10n.t('Retry') : label, arguments: [this] };
    item.accessibilityInformation = { label: `${label} ${String(item.description)}` };
    return item;
  }
}
