// A region: label = LocalName, description = regionId. Children: its servers (filtered),
// "Load more…" past 500, and "Custom Images". Never throws: errors become an ErrorNode.
import * as vscode from 'vscode';
import type { Region, RegionData } from '../core/model';
import { REGION_CONTEXT } from './contextValue';
import { ErrorNode } from './errorNode';
import type { TreeContext } from './explorerNode';
import { ExplorerNode } from './explorerNode';
import { matchesFilter } from './filter';
import { ImagesNode } from './imagesNode';
import { InstanceNode } from './instanceNode';
import { instanceStatusLabel } from './labels';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { isCancelled } from './regionStore';

export const PAGE_OF_NODES = 500;

export class RegionNode extends ExplorerNode {
  readonly kind = 'region';
  readonly id: string;
  /** How many servers are shown (grows by 500 with "Load more…"). */
  limit = PAGE_OF_NODES;
  readonly images: ImagesNode;
  private readonly instanceNodes = new Map<string, InstanceNode>();
  private loadMoreNode: LoadMoreNode | undefined;
  private fresh = false;

  constructor(
    public region: Region,
    private readonly ctx: TreeContext,
  ) {
    super(undefined);
    this.id = `region/${region.regionId}`;
    this.images = new ImagesNode(this, region.regionId, ctx);
  }

  get regionId(): string {
    return this.region.regionId;
  }

  /** The next getChildren goes to the API (a user refresh): back to the first 500 servers. */
  markFresh(): void {
    this.fresh = true;
    this.limit = PAGE_OF_NODES;
    this.loadMoreNode = undefined;
  }

  instanceNode(instanceId: string): InstanceNode | undefined {
    return this.instanceNodes.get(instanceId);
  }

  getTreeItem(): vscode.TreeItem {
    const label = this.region.localName || this.region.regionId;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.region.regionId;
    item.contextValue = REGION_CONTEXT;
    item.iconPath = new vscode.ThemeIcon('globe');
    item.tooltip = `${label} (${this.region.regionId})`;
    item.accessibilityInformation = { label: vscode.l10n.t('{0}, region {1}', label, this.region.regionId) };
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    if (!this.ctx.api()) return [];
    let data: RegionData;
    try {
      const fresh = this.fresh;
      this.fresh = false;
      data = await this.ctx.store.load(this.regionId, { fresh });
      this.ctx.loaded(this.regionId, data);
    } catch (e) {
      // Aborted by a refresh or a session change: a redraw with the new state follows.
      if (isCancelled(e)) return [];
      return [new ErrorNode(this, e)];
    }
    return this.childrenFrom(data);
  }

  private childrenFrom(data: RegionData): ExplorerNode[] {
    if (data.instances.length === 0 && data.images.length === 0) {
      return [new MessageNode(this, vscode.l10n.t('No servers in this region'), 'empty')];
    }
    const filter = this.ctx.filter();
    const matching = data.instances.filter((i) => matchesFilter(i, filter, instanceStatusLabel(i.status, i.raw?.status)));
    const shown = matching.slice(0, this.limit);
    const keep = new Set<string>();
    const out: ExplorerNode[] = shown.map((i) => {
      keep.add(i.instanceId);
      let n = this.instanceNodes.get(i.instanceId);
      if (n) n.instance = i;
      else this.instanceNodes.set(i.instanceId, (n = new InstanceNode(this, i, this.ctx)));
      return n;
    });
    for (const id of [...this.instanceNodes.keys()]) if (!keep.has(id)) this.instanceNodes.delete(id);
    // Truncated data: offer Load more under a filter too (the servers not loaded were not searched).
    if (matching.length > shown.length || data.truncated) {
      const total = data.truncated ? undefined : matching.length;
      const more = (this.loadMoreNode ??= new LoadMoreNode(this, this.regionId, shown.length, total));
      more.shown = shown.length;
      more.total = total;
      out.push(more);
    } else {
      this.loadMoreNode = undefined;
    }
    if (data.instances.length === 0) {
      out.push(new MessageNode(this, vscode.l10n.t('No servers in this region'), 'empty'));
    } else if (matching.length === 0) {
      out.push(new MessageNode(this, vscode.l10n.t('No servers match the filter'), 'noMatch', 'filter'));
    }
    out.push(this.images);
    return out;
  }
}
