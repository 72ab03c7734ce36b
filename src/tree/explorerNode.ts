// Base of every tree node. Nodes are kept and reused by id, so a change fires for the
// one node that changed and `reveal` can walk up through `parent`.
import type * as vscode from 'vscode';
import type { RegionData } from '../core/model';
import type { SwasApi } from '../core/swasApi';
import type { RegionStore } from './regionStore';

export interface TreeContext {
  api(): SwasApi | undefined;
  readonly store: RegionStore;
  filter(): string | undefined;
  /** Called after a region's data was (re)loaded: the poller tracks transitional items. */
  loaded(regionId: string, data: RegionData): void;
}

export abstract class ExplorerNode {
  abstract readonly kind: string;
  /** Stable id, also used as TreeItem.id. */
  abstract readonly id: string;

  /** Mutable only for regions, which move between the root and "Other regions". */
  constructor(public parent: ExplorerNode | undefined) {}

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): Promise<ExplorerNode[]> | ExplorerNode[] {
    return [];
  }
}
