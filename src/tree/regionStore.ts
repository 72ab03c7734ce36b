// The tree's region cache: the region list (once per session and language) and one
// RegionData per region, with identical in-flight loads shared. Cleared on profile change.
// The Create Custom Image form reads from here too (services.regions).
// Work in flight carries an AbortSignal owned by the store: `clear()` (a full refresh, a profile
// switch, a sign-out) aborts every region's loads, `drop(regionId)` (a region refresh) that
// region's, so their requests and their queued limiter slots end and their answers are dropped.
import { CLIENT_CODES, SwasError } from '../core/errors';
import type { CustomImage, Instance, Region, RegionData, Snapshot } from '../core/model';
import { loadMoreRegion, loadRegion } from '../core/regionLoader';
import type { SwasApi } from '../core/swasApi';

/** True for the error of a call whose AbortSignal was aborted (a refresh or a session change). */
export function isCancelled(e: unknown): boolean {
  return e instanceof SwasError && e.code === CLIENT_CODES.cancelled;
}

export type AcceptLanguage = 'zh-CN' | 'en-US';

export class RegionStore {
  private regions: Promise<Region[]> | undefined;
  private readonly data = new Map<string, RegionData>();
  private readonly inflight = new Map<string, Promise<RegionData>>();
  private readonly moreInflight = new Map<string, Promise<RegionData>>();
  /** Aborts the work in flight per region; `sessionWork` the region list (on `clear(true)`). */
  private readonly controllers = new Map<string, AbortController>();
  private sessionWork = new AbortController();
  private readonly counts = new Map<string, Promise<number>>();
  /** Servers last seen per region (a load or the hide-empty probe); kept across refreshes. */
  private readonly lastServerCount = new Map<string, number>();
  private generation = 0;
  private readonly listeners = new Set<(regionId: string) => void>();

  constructor(
    private readonly api: () => SwasApi | undefined,
    private readonly language: () => AcceptLanguage,
  ) {}

  /**
   * Calls `listener(regionId)` after a region's data was (re)loaded or changed in place (the
   * transition poller's updates, images included). Used by the Create Custom Image form and the
   * Activity view to follow the tree.
   */
  onDidChange(listener: (regionId: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  private changed(regionId: string): void {
    for (const l of [...this.listeners]) l(regionId);
  }

  /**
   * Forget the loaded regions (their cached API results too). The region list is kept unless
   * `everything` (sign-out, profile switch): it is cached for the session.
   */
  clear(everything = false): void {
    const api = this.api();
    for (const id of new Set([...this.data.keys(), ...this.inflight.keys(), ...this.counts.keys()])) api?.invalidate(id);
    this.generation++;
    for (const c of this.controllers.values()) c.abort();
    this.controllers.clear();
    if (everything) {
      this.sessionWork.abort();
      this.sessionWork = new AbortController();
      this.regions = undefined;
      this.lastServerCount.clear();
    }
    this.data.clear();
    this.inflight.clear();
    this.moreInflight.clear();
    this.counts.clear();
  }

  /** The signal of a region's work in flight (aborted by `clear()` and `drop(regionId)`). */
  signal(regionId: string): AbortSignal {
    let c = this.controllers.get(regionId);
    if (!c) this.controllers.set(regionId, (c = new AbortController()));
    return c.signal;
  }

  private abort(regionId: string): void {
    this.controllers.get(regionId)?.abort();
    this.controllers.delete(regionId);
  }

  /** Forget one region's data but keep the client's cached responses (retry: 20 s at most). */
  forget(regionId: string): void {
    this.data.delete(regionId);
    this.inflight.delete(regionId);
    this.moreInflight.delete(regionId);
  }

  /** Forget one region so that its next load goes to the API. */
  drop(regionId: string): void {
    this.abort(regionId);
    this.data.delete(regionId);
    this.inflight.delete(regionId);
    this.moreInflight.delete(regionId);
    this.counts.delete(regionId);
    this.api()?.invalidate(regionId);
  }

  listRegions(): Promise<Region[]> {
    const api = this.requireApi();
    if (!this.regions) {
      const p = api.listRegions(this.language(), { signal: this.sessionWork.signal });
      this.regions = p;
      p.catch(() => {
        if (this.regions === p) this.regions = undefined;
      });
    }
    return this.regions;
  }

  get(regionId: string): RegionData | undefined {
    return this.data.get(regionId);
  }

  /** Loads a region (cached unless `fresh`); concurrent callers share one load. */
  load(regionId: string, opts: { fresh?: boolean; maxItems?: number } = {}): Promise<RegionData> {
    if (!opts.fresh) {
      const cached = this.data.get(regionId);
      if (cached) return Promise.resolve(cached);
      const running = this.inflight.get(regionId);
      if (running) return running;
    }
    const api = this.requireApi();
    if (opts.fresh) api.invalidate(regionId);
    const gen = this.generation;
    // A region last seen empty skips the rate-limited ListSnapshots unless servers appeared;
    // any other region loads its three lists together (2 round trips).
    const knownServerCount = this.lastServerCount.get(regionId);
    const signal = this.signal(regionId);
    const p = loadRegion(api, regionId, { fresh: opts.fresh, maxItems: opts.maxItems, knownServerCount, signal }).then((d) => {
      if (signal.aborted) throw new SwasError({ code: CLIENT_CODES.cancelled, message: 'The request was cancelled.', retryable: false });
      if (gen === this.generation) this.lastServerCount.set(regionId, d.totals?.instances ?? d.instances.length);
      if (gen === this.generation && this.inflight.get(regionId) === p) {
        this.data.set(regionId, d);
        this.moreInflight.delete(regionId);
        this.changed(regionId);
      }
      return d;
    });
    this.inflight.set(regionId, p);
    const clear = (): void => {
      if (this.inflight.get(regionId) === p) this.inflight.delete(regionId);
    };
    p.then(clear, clear);
    return p;
  }

  /**
   * "Load more": appends the next pages of a truncated region (only the new pages are read,
   * de-duplicated by ID). On failure the loaded data stays as it was. Concurrent calls share one.
   */
  loadMore(regionId: string): Promise<RegionData> {
    const d = this.data.get(regionId);
    if (!d) return this.load(regionId);
    if (!d.truncated) return Promise.resolve(d);
    const running = this.moreInflight.get(regionId);
    if (running) return running;
    const api = this.requireApi();
    const signal = this.signal(regionId);
    const p = loadMoreRegion(api, d, { signal }).then((more) => {
      if (signal.aborted) throw new SwasError({ code: CLIENT_CODES.cancelled, message: 'The request was cancelled.', retryable: false });
      if (this.data.get(regionId) === d && this.moreInflight.get(regionId) === p) this.data.set(regionId, more);
      return this.data.get(regionId) ?? more;
    });
    this.moreInflight.set(regionId, p);
    const clear = (): void => {
      if (this.moreInflight.get(regionId) === p) this.moreInflight.delete(regionId);
    };
    p.then(clear, clear);
    return p;
  }

  /** Number of servers in a region (one cheap ListInstances call, or the loaded data). */
  serverCount(regionId: string): Promise<number> {
    const loaded = this.data.get(regionId);
    if (loaded) return Promise.resolve(loaded.instances.length);
    let p = this.counts.get(regionId);
    if (!p) {
      p = this.requireApi()
        .listInstances(regionId, { pageNumber: 1, pageSize: 1 }, { signal: this.signal(regionId) })
        .then((page) => {
          this.lastServerCount.set(regionId, page.totalCount);
          return page.totalCount;
        });
      this.counts.set(regionId, p);
      const q = p;
      p.catch(() => {
        if (this.counts.get(regionId) === q) this.counts.delete(regionId);
      });
    }
    return p;
  }

  /** Re-reads only the custom images of a region (after create/delete/share). */
  async refreshImages(regionId: string): Promise<RegionData | undefined> {
    const api = this.requireApi();
    const d = this.data.get(regionId);
    if (!d) return undefined;
    api.invalidate(regionId);
    const images: CustomImage[] = [];
    let total = 0;
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await api.listCustomImages(regionId, { pageNumber, pageSize: 100 }, { fresh: true, signal: this.signal(regionId) });
      images.push(...page.items);
      total = Math.max(total, page.totalCount);
      if (page.items.length === 0 || images.length >= page.totalCount) break;
    }
    d.images = images;
    // The quota counts every image the API reports, even if a page came back short.
    d.quota = { ...d.quota, used: Math.max(images.length, total) };
    this.changed(regionId);
    return d;
  }

  /**
   * Adds an image this window just created (last, where a re-read of the list puts it) and
   * counts it in the quota, without a call. False when the region is not loaded or already
   * lists the image.
   */
  addImage(regionId: string, image: CustomImage): boolean {
    const d = this.data.get(regionId);
    if (!d || d.images.some((x) => x.imageId === image.imageId)) return false;
    d.images = [...d.images, image];
    d.quota = { ...d.quota, used: d.quota.used + 1 };
    if (d.totals) d.totals = { ...d.totals, images: d.totals.images + 1 };
    this.changed(regionId);
    return true;
  }

  replaceInstance(regionId: string, instance: Instance): void {
    const d = this.data.get(regionId);
    if (!d) return;
    const i = d.instances.findIndex((x) => x.instanceId === instance.instanceId);
    if (i >= 0) d.instances[i] = instance;
    this.changed(regionId);
  }

  replaceSnapshot(regionId: string, snapshot: Snapshot): void {
    const d = this.data.get(regionId);
    if (!d) return;
    const list = d.snapshotsByInstance.get(snapshot.instanceId);
    if (!list) return;
    const i = list.findIndex((x) => x.snapshotId === snapshot.snapshotId);
    if (i >= 0) list[i] = snapshot;
    this.changed(regionId);
  }

  replaceImage(regionId: string, image: CustomImage): void {
    const d = this.data.get(regionId);
    if (!d) return;
    const i = d.images.findIndex((x) => x.imageId === image.imageId);
    if (i >= 0) d.images[i] = image;
    this.changed(regionId);
  }

  private requireApi(): SwasApi {
    const api = this.api();
    if (!api) throw new NotSignedInError();
    return api;
  }
}

export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in');
    this.name = 'NotSignedInError';
  }
}
