// A leaf that only says something ("No servers in this region", "No snapshots").
import * as vscode from 'vscode';
import { MESSAGE_CONTEXT } from './contextValue';
import { ExplorerNode } from './explorerNode';

export class MessageNode extends ExplorerNode {
  readonly kind = 'message';
  readonly id: string;

  constructor(
    parent: ExplorerNode | undefined,
    readonly message: string,
    key: string,
    private readonly icon = 'info',
  ) {
    super(parent);
    this.id = `${parent?.id ?? 'root'}/message/${key}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = MESSAGE_CONTEXT;
    item.iconPath = new vscode.ThemeIcon(this.icon, new vscode.ThemeColor('descriptionForeground'));
    item.accessibilityInformation = { label: this.message };
    return item;
  }
}
