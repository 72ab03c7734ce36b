// Polls only the items in a transitional state (servers starting/stopping, snapshots
// progressing, images creating), per region, with backoff, until they settle. Two lanes per
// region, each with its own timer: servers and snapshots start at the setting's interval;
// creating images start at 10 s (they take minutes), both ×1.5 each round up to 60 s. Each
// change is handed to the sink, which refreshes just that node.
import type { Logger } from '../core/logger';
import type { CustomImage, Instance, RegionData, Snapshot } from '../core/model';
import type { SwasApi } from '../core/swasApi';
import { imageFirstPollSeconds, nextPollDelay } from './backoff';
import { isTransitionalImage, isTransitionalInstance, isTransitionalSnapshot } from './contextValue';
import type { RegionStore } from './regionStore';

export interface PollSink {
  applyInstance(regionId: string, instance: Instance): void;
  applySnapshot(regionId: string, snapshot: Snapshot): void;
  applyImage(regionId: string, image: CustomImage): void;
  /** Every status a ListInstanceStatus poll saw, changed or not (server operations follow them). */
  observeStatuses?(regionId: string, statuses: ReadonlyMap<string, string>): void;
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
  /** First polling interval in seconds for creating images; default imageFirstPollSeconds(firstSeconds()). */
  imageFirstSeconds?(): number;
}

/** Servers and snapshots ('items') are polled apart from creating images ('images'). */
type Lane = 'items' | 'images';
const LANES: readonly Lane[] = ['items', 'images'];

/** ListSnapshots is limited to ~10 calls a minute: polling uses at most 4 (one every 15 s). */
export const SNAPSHOT_POLL_MIN_MS = 15_000;

interface LaneTimer {
  handle: ReturnType<typeof setTimeout> | undefined;
  lastSnapshotPoll: number | undefined;
  delay: number | undefined;
  known: Set<string>;
  running: boolean;
}

function laneIds(p: Pending, lane: Lane): string[] {
  return lane === 'images' ? p.images : [...p.instances, ...p.snapshots];
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
  private readonly regions = new Map<string, Map<Lane, LaneTimer>>();
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
    for (const lane of LANES) this.trackLane(regionId, lane, laneIds(p, lane));
  }

  private trackLane(regionId: string, lane: Lane, ids: string[]): void {
    let t = this.regions.get(regionId)?.get(lane);
    if (ids.length === 0) {
      if (t && !t.running) this.stopLane(regionId, lane);
      return;
    }
    if (!t) {
      t = { handle: undefined, lastSnapshotPoll: undefined, delay: undefined, known: new Set(), running: false };
      let lanes = this.regions.get(regionId);
      if (!lanes) this.regions.set(regionId, (lanes = new Map()));
      lanes.set(lane, t);
    }
    const known = t.known;
    const fresh = ids.some((id) => !known.has(id));
    t.known = new Set(ids);
    if (fresh) {
      t.delay = undefined;
      if (!t.running) this.schedule(regionId, lane, t);
    }
  }

  /** True while a region has something being polled (for tests and diagnostics). */
  isPolling(regionId: string): boolean {
    return this.regions.has(regionId);
  }

  stop(regionId: string): void {
    for (const t of this.regions.get(regionId)?.values() ?? []) if (t.handle) clearTimeout(t.handle);
    this.regions.delete(regionId);
  }

  private stopLane(regionId: string, lane: Lane): void {
    const lanes = this.regions.get(regionId);
    const t = lanes?.get(lane);
    if (t?.handle) clearTimeout(t.handle);
    lanes?.delete(lane);
    if (lanes?.size === 0) this.regions.delete(regionId);
  }

  clear(): void {
    for (const id of [...this.regions.keys()]) this.stop(id);
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  private firstSeconds(lane: Lane): number {
    if (lane === 'items') return this.policy.firstSeconds();
    return this.policy.imageFirstSeconds?.() ?? imageFirstPollSeconds(this.policy.firstSeconds());
  }

  private schedule(regionId: string, lane: Lane, t: LaneTimer): void {
    if (t.handle) clearTimeout(t.handle);
    t.delay = nextPollDelay(t.delay, this.firstSeconds(lane));
    t.handle = setTimeout(() => void this.poll(regionId, lane, t), t.delay);
  }

  private async poll(regionId: string, lane: Lane, t: LaneTimer): Promise<void> {
    t.handle = undefined;
    const api = this.api();
    const data = this.store.get(regionId);
    if (this.regions.get(regionId)?.get(lane) !== t) return;
    if (!api || !data) return this.stop(regionId);
    const p = transitionalIds(data);
    t.running = true;
    try {
      if (lane === 'images') {
        await this.pollImages(api, regionId, p.images);
      } else {
        const snapshotsDue =
          p.snapshots.length > 0 &&
          (t.lastSnapshotPoll === undefined || Date.now() - t.lastSnapshotPoll >= SNAPSHOT_POLL_MIN_MS) &&
          this.policy.canCallNow('ListSnapshots');
        if (snapshotsDue) t.lastSnapshotPoll = Date.now();
        await Promise.all([this.pollInstances(api, regionId, p.instances), snapshotsDue ? this.pollSnapshots(api, regionId, p.snapshots) : undefined]);
      }
    } catch (e) {
      this.logger.warn(`Polling ${regionId} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      t.running = false;
    }
    if (this.regions.get(regionId)?.get(lane) !== t || this.disposed) return;
    const after = this.store.get(regionId);
    const ids = after ? laneIds(transitionalIds(after), lane) : [];
    if (ids.length === 0) return this.stopLane(regionId, lane);
    t.known = new Set(ids);
    this.schedule(regionId, lane, t);
  }

  private async pollInstances(api: SwasApi, regionId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const statuses = await api.listInstanceStatus(regionId, ids, { fresh: true });
    this.sink.observeStatuses?.(regionId, statuses);
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
