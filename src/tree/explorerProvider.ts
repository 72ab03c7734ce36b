// The TreeDataProvider of the `swas.explorer` view. Keeps region nodes by id, fires changes
// for the one node that changed, and never throws from getChildren.
import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import type { CustomImage, Instance, Snapshot } from '../core/model';
import { ErrorNode } from './errorNode';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { ImageNode } from './imageNode';
import { FirewallNode } from './firewall/firewallNode';
import { FirewallRuleNode } from './firewall/firewallRuleNode';
import { ImagesNode } from './imagesNode';
import { InstanceNode } from './instanceNode';
import { withPollNote } from './pollNote';
import { SnapshotNode } from './snapshotNode';
import type { LoadMoreNode } from './loadMoreNode';
import { OtherRegionsNode } from './otherRegionsNode';
import type { RootDeps } from './rootRows';
import { RootRows } from './rootRows';
import { RegionNode, PAGE_OF_NODES } from './regionNode';
import { isCancelled } from './regionStore';
import { TransitionPoller } from './transitionPoller';
import { normalizeFilter } from './filter';

export interface ExplorerDeps extends RootDeps {
  pollFirstSeconds(): number;
  logger: Logger;
}

export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly filterEmitter = new vscode.EventEmitter<string | undefined>();
  readonly onDidChangeFilter = this.filterEmitter.event;
  /** Server statuses as they become known (polls and applied instances), for server operations. */
  private readonly statusEmitter = new vscode.EventEmitter<{
    regionId: string;
    statuses: ReadonlyMap<string, string>;
    instance?: Instance;
  }>();
  readonly onDidObserveStatus = this.statusEmitter.event;
  private filterText: string | undefined;
  private view: vscode.TreeView<ExplorerNode> | undefined;
  private viewMessage: string | undefined;
  readonly poller: TransitionPoller;
  private readonly ctx: TreeContext;
  /** The root's rows: the region nodes, kept by id, and "Other regions". */
  private readonly root: RootRows;

  constructor(private readonly deps: ExplorerDeps) {
    this.ctx = {
      api: () => deps.api(),
      store: deps.store,
      filter: () => this.filterText,
      loaded: (regionId, data) => {
        this.poller.track(regionId);
        this.root.serversSeen(regionId, data.totals?.instances ?? data.instances.length);
      },
    };
    this.root = new RootRows(deps, this.ctx, () => this.emitter.fire(undefined));
    this.poller = new TransitionPoller(
      () => deps.api(),
      deps.store,
      this,
      { firstSeconds: () => deps.pollFirstSeconds(), canCallNow: (a) => deps.canCallNow(a) },
      deps.logger,
    );
  }

  attach(view: vscode.TreeView<ExplorerNode>): void {
    this.view = view;
  }

  /** The view's message (e.g. why a call waits for the rate limit); undefined clears it. */
  setMessage(message: string | undefined): void {
    this.viewMessage = message;
    if (this.view) this.view.message = message;
  }

  get message(): string | undefined {
    return this.viewMessage;
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const target = pollTarget(node);
    return withPollNote(node.getTreeItem(), target && this.poller.note(target.regionId, target.id));
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      return node ? await node.getChildren() : await this.root.children();
    } catch (e) {
      this.deps.logger.warn(`Loading the tree failed: ${e instanceof Error ? e.message : String(e)}`);
      return [new ErrorNode(node, e)];
    }
  }

  /** Redraws one node (and re-reads what it shows when it reads on expand, like Firewall). */
  changed(node: ExplorerNode): void {
    this.emitter.fire(node);
  }

  /** Refresh: everything (no node), a region, or the custom images of a region. */
  async refresh(node?: ExplorerNode): Promise<void> {
    if (!node) return this.reset();
    if (node instanceof FirewallNode) return this.changed(node);
    if (node instanceof FirewallRuleNode) return this.changed(node.firewall);
    if (node instanceof OtherRegionsNode) return this.reset();
    if (node instanceof ImagesNode || node instanceof ImageNode) return this.refreshImages(node.regionId);
    const region = this.regionOf(node);
    if (!region) return this.reset();
    this.poller.stop(region.regionId);
    this.deps.store.drop(region.regionId);
    region.markFresh();
    this.emitter.fire(region);
  }

  /**
   * Retry after an error node: reload what failed without a fresh read, so the parts that
   * succeeded come from the client's short cache (if within its 20 s) and only the failed calls
   * are made again.
   */
  retry(errorNode: ExplorerNode): void {
    const parent = errorNode.parent;
    if (!parent) {
      this.emitter.fire(undefined);
      return;
    }
    const region = this.regionOf(parent);
    if (region) this.deps.store.forget(region.regionId);
    this.emitter.fire(parent);
  }

  /** Drops the caches and redraws the whole tree (full refresh; `everything` on profile change). */
  reset(everything = false): void {
    this.root.reset(everything);
    this.poller.clear();
    this.deps.store.clear(everything);
    this.emitter.fire(undefined);
  }

  /** Loads a region again from the API (after a write) and redraws it. */
  async reloadRegion(regionId: string): Promise<void> {
    await this.deps.store.load(regionId, { fresh: true });
    const region = this.root.regionNodes.get(regionId);
    if (region) this.emitter.fire(region);
    this.poller.track(regionId);
  }

  /** Re-reads a region's custom images; refreshes only its "Custom Images" node. */
  async refreshImages(regionId: string): Promise<void> {
    const region = this.root.regionNodes.get(regionId);
    const data = await this.deps.store.refreshImages(regionId);
    if (!region) return;
    if (!data) return this.refresh(region);
    this.emitter.fire(region.images);
    this.poller.track(regionId);
  }

  /**
   * A create succeeded in this window: the image goes into the cached region (creating, quota
   * +1) and only the Custom Images node is redrawn and polled; no ListCustomImages.
   */
  imageCreated(regionId: string, image: CustomImage): void {
    const added = this.deps.store.addImage(regionId, image);
    const region = this.root.regionNodes.get(regionId);
    if (added && region) this.emitter.fire(region.images);
    this.poller.track(regionId);
  }

  /**
   * Load more: shows the next 500 servers. When the loaded data ends there, only the next pages
   * are read and appended (RegionStore.loadMore); a failure keeps the rows shown and turns the
   * node into Retry.
   */
  async loadMore(node: LoadMoreNode): Promise<void> {
    if (node.loading) return;
    const region = this.regionOf(node);
    if (!region) return;
    node.loading = true;
    this.emitter.fire(node);
    const data = this.deps.store.get(region.regionId);
    if (data?.truncated && data.instances.length < region.limit + PAGE_OF_NODES) {
      try {
        await this.deps.store.loadMore(region.regionId);
      } catch (e) {
        if (isCancelled(e)) return;
        this.deps.logger.warn(`Load more in ${region.regionId} failed: ${e instanceof Error ? e.message : String(e)}`);
        node.failed(e);
        this.emitter.fire(node);
        return;
      }
    }
    node.loading = false;
    node.error = undefined;
    region.limit += PAGE_OF_NODES;
    this.emitter.fire(region);
    this.poller.track(region.regionId);
  }

  setFilter(text: string | undefined): void {
    this.filterText = normalizeFilter(text);
    this.filterEmitter.fire(this.filterText);
    for (const r of this.root.regionNodes.values()) this.emitter.fire(r);
  }

  // PollSink: apply one settled/progressed item and refresh only its node.
  async refreshRegion(regionId: string): Promise<void> {
    await this.reloadRegion(regionId);
  }

  noteChanged(regionId: string, id: string): void {
    const region = this.root.regionNodes.get(regionId);
    if (!region) return;
    const owner = findSnapshotOwner(this.deps.store.get(regionId)?.snapshotsByInstance, id);
    const n = region.instanceNode(id) ?? region.images.imageNode(id) ?? (owner ? region.instanceNode(owner)?.snapshotNode(id) : undefined);
    if (n) this.emitter.fire(n);
  }

  applyInstance(regionId: string, instance: Instance): void {
    this.showInstance(regionId, instance);
    this.statusEmitter.fire({ regionId, statuses: new Map([[instance.instanceId, instance.status]]), instance });
  }

  observeStatuses(regionId: string, statuses: ReadonlyMap<string, string>): void {
    this.statusEmitter.fire({ regionId, statuses });
  }

  /** Puts a server (e.g. with the status an operation just started) into the cache and redraws its node. */
  showInstance(regionId: string, instance: Instance): void {
    this.deps.store.replaceInstance(regionId, instance);
    const n = this.root.regionNodes.get(regionId)?.instanceNode(instance.instanceId);
    if (n) {
      n.instance = instance;
      this.emitter.fire(n);
    }
  }

  applySnapshot(regionId: string, snapshot: Snapshot): void {
    const data = this.deps.store.get(regionId);
    const owner = snapshot.instanceId || findSnapshotOwner(data?.snapshotsByInstance, snapshot.snapshotId);
    if (!owner) return;
    const s = { ...snapshot, instanceId: owner };
    this.deps.store.replaceSnapshot(regionId, s);
    const n = this.root.regionNodes.get(regionId)?.instanceNode(owner)?.snapshotNode(s.snapshotId);
    if (n) {
      n.snapshot = s;
      this.emitter.fire(n);
    }
  }

  applyImage(regionId: string, image: CustomImage): void {
    this.deps.store.replaceImage(regionId, image);
    const n = this.root.regionNodes.get(regionId)?.images.imageNode(image.imageId);
    if (n) {
      n.image = image;
      this.emitter.fire(n);
    }
  }

  /** Reveals (and selects) a region's "Custom Images" node, or one image under it. */
  async revealInstance(regionId: string, instanceId: string): Promise<boolean> {
    const region = await this.ensureRegionNode(regionId);
    if (!region || !this.view) return false;
    await region.getChildren();
    const n = region.instanceNode(instanceId);
    if (!n) return false;
    await this.view.reveal(n, { select: true, focus: true, expand: true });
    return true;
  }

  /** Reveals a snapshot under its server (the server itself while the snapshot is not listed). */
  async revealSnapshot(regionId: string, instanceId: string, snapshotId?: string): Promise<boolean> {
    const region = await this.ensureRegionNode(regionId);
    if (!region || !this.view) return false;
    await region.getChildren();
    const server = region.instanceNode(instanceId);
    if (!server) return false;
    server.getChildren();
    const n = snapshotId ? server.snapshotNode(snapshotId) : undefined;
    await this.view.reveal(n ?? server, { select: true, focus: true, expand: !n });
    return true;
  }

  async revealImage(regionId: string, imageId?: string): Promise<boolean> {
    const region = await this.ensureRegionNode(regionId);
    if (!region || !this.view) return false;
    await region.getChildren();
    if (!imageId) {
      await this.view.reveal(region.images, { select: true, focus: false, expand: true });
      return true;
    }
    region.images.getChildren();
    const img = region.images.imageNode(imageId);
    if (!img) return false;
    await this.view.reveal(img, { select: true, focus: true });
    return true;
  }

  private async ensureRegionNode(regionId: string): Promise<RegionNode | undefined> {
    if (!this.root.regionNodes.has(regionId)) await this.getChildren();
    return this.root.regionNodes.get(regionId);
  }

  private regionOf(node: ExplorerNode): RegionNode | undefined {
    let n: ExplorerNode | undefined = node;
    while (n && !(n instanceof RegionNode)) n = n.parent;
    return n;
  }

  dispose(): void {
    this.poller.dispose();
    this.emitter.dispose();
    this.statusEmitter.dispose();
    this.filterEmitter.dispose();
  }
}

/** The item a node shows, for its poll note. */
function pollTarget(node: ExplorerNode): { regionId: string; id: string } | undefined {
  if (node instanceof InstanceNode) return { regionId: node.regionId, id: node.instanceId };
  if (node instanceof SnapshotNode) return { regionId: node.regionId, id: node.snapshotId };
  if (node instanceof ImageNode) return { regionId: node.regionId, id: node.imageId };
  return undefined;
}

function findSnapshotOwner(map: Map<string, Snapshot[]> | undefined, snapshotId: string): string | undefined {
  if (!map) return undefined;
  for (const [owner, list] of map) if (list.some((s) => s.snapshotId === snapshotId)) return owner;
  return undefined;
}
