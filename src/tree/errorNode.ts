// Shown instead of children that could not be loaded; clicking it retries the parent.
import * as vscode from 'vscode';
import { describeError } from '../platform/errorMessages';
import { ERROR_CONTEXT } from './contextValue';
import { ExplorerNode } from './explorerNode';
import { ellipsize } from './format';

export class ErrorNode extends ExplorerNode {
  readonly kind = 'error';
  readonly id: string;
  readonly message: string;

  constructor(parent: ExplorerNode | undefined, error: unknown) {
    super(parent);
    this.id = `${parent?.id ?? 'root'}/error`;
    this.message = describeError(error);
  }

  getTreeItem(): vscode.TreeItem {
    const label = vscode.l10n.t("Couldn't load — retry");
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = ellipsize(this.message, 80);
    item.tooltip = new vscode.MarkdownString().appendText(this.message);
    item.contextValue = ERROR_CONTEXT;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.command = { command: 'swas.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
    item.accessibilityInformation = { label: vscode.l10n.t('{0}. {1}. Press Enter to retry.', label, this.message) };
    return item;
  }
}
