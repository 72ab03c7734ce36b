// Polls only the items in a transitional state (servers starting/stopping, snapshots
// progressing, images creating), per region, with backoff (first interval from the
// setting, ×1.5 each round, up to 60 s), until they settle. Each change is handed to the
// sink, which refreshes just that node.
import type { Logger } from '../core/logger';
import type { CustomImage, Instance, RegionData, Snapshot } from '../core/model';
import type { SwasApi } from '../core/swasApi';
import { nextPollDelay } from './backoff';
import { isTransitionalImage, isTransitionalInstance, isTransitionalSnapshot } from './contextValue';
import type { RegionStore } from './regionStore';

export interface PollSink {
  applyInstance(regionId: string, instance: Instance): void;
  applySnapshot(regionId: string, snapshot: Snapshot): void;
  applyImage(regionId: string, image: CustomImage): void;
}

interface Pending {
  instances: string[];
  snapshots: string[];
  images: string[];
}

export interface PollPolicy {
  /** First polling interval in seconds (the setting). */
  firstSeconds(): number;
  /** False when a call would wait for the rate limiter: the round skips it. */
  canCallNow(action: string): boolean;
}

/** ListSnapshots is limited to ~10 calls a minute: polling uses at most 4 (one every 15 s). */
export const SNAPSHOT_POLL_MIN_MS = 15_000;

interface RegionTimer {
  handle: ReturnType<typeof setTimeout> | undefined;
  lastSnapshotPoll: number | undefined;
  delay: number | undefined;
  known: Set<string>;
  running: boolean;
}

export function transitionalIds(data: RegionData): Pending {
  const snapshots: string[] = [];
  for (const list of data.snapshotsByInstance.values()) for (const s of list) if (isTransitionalSnapshot(s)) snapshots.push(s.snapshotId);
  return {
    instances: data.instances.filter(isTransitionalInstance).map((i) => i.instanceId),
    snapshots,
    images: data.images.filter(isTransitionalImage).map((i) => i.imageId),
  };
}

export class TransitionPoller {
  private readonly regions = new Map<string, RegionTimer>();
  private disposed = false;

  constructor(
    private readonly api: () => SwasApi | undefined,
    private readonly store: RegionStore,
    private readonly sink: PollSink,
    private readonly policy: PollPolicy,
    private readonly logger: Logger,
  ) {}

  /** Looks at a region's data; starts (or restarts, if new items appeared) polling. */
  track(regionId: string): void {
    const data = this.store.get(regionId);
    if (!data || this.disposed) return;
    const p = transitionalIds(data);
    const ids = [...p.instances, ...p.snapshots, ...p.images];
    let t = this.regions.get(regionId);
    if (ids.length === 0) {
      if (t && !t.running) this.stop(regionId);
      return;
    }
    if (!t) this.regions.set(regionId, (t = { handle: undefined, lastSnapshotPoll: undefined, delay: undefined, known: new Set(), running: false }));
    const fresh = ids.some((id) => !t.known.has(id));
    t.known = new Set(ids);
    if (fresh) {
      t.delay = undefined;
      if (!t.running) this.schedule(regionId, t);
    }
  }

  /** True while a region has something being polled (for tests and diagnostics). */
  isPolling(regionId: string): boolean {
    return this.regions.has(regionId);
  }

  stop(regionId: string): void {
    const t = this.regions.get(regionId);
    if (t?.handle) clearTimeout(t.handle);
    this.regions.delete(regionId);
  }

  clear(): void {
    for (const id of [...this.regions.keys()]) this.stop(id);
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  private schedule(regionId: string, t: RegionTimer): void {
    if (t.handle) clearTimeout(t.handle);
    t.delay = nextPollDelay(t.delay, this.policy.firstSeconds());
    t.handle = setTimeout(() => void this.poll(regionId, t), t.delay);
  }

  private async poll(regionId: string, t: RegionTimer): Promise<void> {
    t.handle = undefined;
    const api = this.api();
    const data = this.store.get(regionId);
    if (!api || !data || this.regions.get(regionId) !== t) return this.stop(regionId);
    const p = transitionalIds(data);
    t.running = true;
    try {
      const snapshotsDue =
        p.snapshots.length > 0 &&
        (t.lastSnapshotPoll === undefined || Date.now() - t.lastSnapshotPoll >= SNAPSHOT_POLL_MIN_MS) &&
        this.policy.canCallNow('ListSnapshots');
      if (snapshotsDue) t.lastSnapshotPoll = Date.now();
      await Promise.all([
        this.pollInstances(api, regionId, p.instances),
        snapshotsDue ? this.pollSnapshots(api, regionId, p.snapshots) : undefined,
        this.pollImages(api, regionId, p.images),
      ]);
    } catch (e) {
      this.logger.warn(`Polling ${regionId} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      t.running = false;
    }
    if (this.regions.get(regionId) !== t || this.disposed) return;
    const after = this.store.get(regionId);
    const left = after ? transitionalIds(after) : { instances: [], snapshots: [], images: [] };
    const ids = [...left.instances, ...left.snapshots, ...left.images];
    if (ids.length === 0) return this.stop(regionId);
    t.known = new Set(ids);
    this.schedule(regionId, t);
  }

  private async pollInstances(api: SwasApi, regionId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const statuses = await api.listInstanceStatus(regionId, ids, { fresh: true });
    const data = this.store.get(regionId);
    const changed = ids.filter((id) => {
      const now = statuses.get(id);
      return now !== undefined && now !== data?.instances.find((i) => i.instanceId === id)?.status;
    });
    if (changed.length === 0) return;
    const page = await api.listInstances(regionId, { instanceIds: changed, pageSize: 100 }, { fresh: true });
    for (const i of page.items) this.sink.applyInstance(regionId, i);
  }

  private async pollSnapshots(api: SwasApi, regionId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const page = await api.listSnapshots(regionId, { snapshotIds: ids, pageSize: 100 }, { fresh: true });
    for (const s of page.items) this.sink.applySnapshot(regionId, s);
  }

  private async pollImages(api: SwasApi, regionId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const page = await api.listCustomImages(regionId, { imageIds: ids, pageSize: 100 }, { fresh: true });
    for (const i of page.items) this.sink.applyImage(regionId, i);
  }
}
