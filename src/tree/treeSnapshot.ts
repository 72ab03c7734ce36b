// Plain snapshots of tree rows, for the integration tests (exported from activate) and
// for diagnostics: what the user sees, without the vscode objects.
import type * as vscode from 'vscode';
import type { ExplorerNode } from './explorerNode';
import type { ExplorerProvider } from './explorerProvider';

export interface RowSnapshot {
  node: ExplorerNode;
  id: string;
  kind: string;
  label: string;
  description: string;
  contextValue: string;
  accessibilityLabel: string;
  collapsible: boolean;
}

function text(v: string | vscode.TreeItemLabel | boolean | undefined): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return v.label;
  return '';
}

export async function snapshotChildren(provider: ExplorerProvider, node?: ExplorerNode): Promise<RowSnapshot[]> {
  const children = await provider.getChildren(node);
  return children.map((n) => {
    const item = provider.getTreeItem(n);
    return {
      node: n,
      id: n.id,
      kind: n.kind,
      label: text(item.label),
      description: text(item.description),
      contextValue: item.contextValue ?? '',
      accessibilityLabel: item.accessibilityInformation?.label ?? '',
      collapsible: (item.collapsibleState ?? 0) !== 0,
    };
  });
}
