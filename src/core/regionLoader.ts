// Loads everything the tree shows for one region in the fewest calls:
//   ⌈servers/100⌉ ListInstances + ⌈snapshots/100⌉ ListSnapshots + ⌈images/100⌉ ListCustomImages
// (the last is 1 in practice: the quota caps images at 15), in 2 sequential round trips: page 1
// of the three lists together, then every remaining page in parallel. Never one ListSnapshots
// per server: snapshots are grouped by server in memory. The API fills a snapshot's InstanceId
// only for system disks, so data-disk snapshots are mapped to their server through the
// instances' Disks[]. When the caller already knows the region had no servers
// (`knownServerCount: 0`), ListSnapshots (the call the API limits to ~10 a minute) waits for
// ListInstances' page 1 and is skipped if that shows no server: snapshots live and die with their
// server. Lists stop at `maxItems` (default 500) each; `truncated` then says there is more, and
// `loadMoreRegion` fetches only the next pages (up to 500 more of each truncated list) and appends
// them to what is already loaded, de-duplicated by ID (items can move between pages when the
// list changes between two reads). The client's cache is not relied on: it lives 20 s.
import type { CustomImage, Instance, Page, RegionData, Snapshot } from './model';
import type { CallOptions, SwasApi } from './swasApi';
import { imageQuotaLimit } from './rules/quota';

export const PAGE_SIZE = 100;
export const DEFAULT_MAX_ITEMS = 500;
/** Key in `snapshotsByInstance` for snapshots whose server is not among the loaded instances. */
export const UNKNOWN_INSTANCE = '';

export interface LoadRegionOptions extends CallOptions {
  /** Cap per list (instances, snapshots, images); rounded up to whole pages. Default 500. */
  maxItems?: number;
  /**
   * Servers the caller last saw in this region, if it knows. 0: ListSnapshots waits for
   * ListInstances' page 1 and is skipped when that is empty (3 round trips if servers appeared).
   * Otherwise the three lists start together.
   */
  knownServerCount?: number;
}

/** Page numbers still to fetch after page 1, given the TotalCount and the cap. */
export function remainingPages(totalCount: number, pageSize: number, maxItems: number): number[] {
  const wanted = Math.min(Math.max(0, totalCount), Math.max(pageSize, maxItems));
  const pages = Math.ceil(wanted / pageSize);
  const out: number[] = [];
  for (let p = 2; p <= pages; p++) out.push(p);
  return out;
}

/** Fetches page 1, then the other pages in parallel; returns the items and the reported total. */
export async function fetchAllPages<T>(
  fetchPage: (pageNumber: number) => Promise<Page<T>>,
  maxItems: number,
  pageSize = PAGE_SIZE,
  firstPage?: Promise<Page<T>>,
): Promise<{ items: T[]; totalCount: number }> {
  const first = await (firstPage ?? fetchPage(1));
  const rest = await Promise.all(remainingPages(first.totalCount, pageSize, maxItems).map(fetchPage));
  const items = [first, ...rest].flatMap((p) => p.items);
  return { items, totalCount: Math.max(first.totalCount, items.length) };
}

/** One definition of the image quota, in the rules (re-exported for the loader's callers). */
export { imageQuotaLimit };

const newestFirst = (a: Snapshot, b: Snapshot): number => (a.creationTime < b.creationTime ? 1 : a.creationTime > b.creationTime ? -1 : 0);

/** Groups snapshots by server; data-disk snapshots are attributed through the disk → server map. */
export function groupSnapshots(instances: Instance[], snapshots: Snapshot[]): Map<string, Snapshot[]> {
  const serverOfDisk = new Map<string, string>();
  for (const i of instances) for (const d of i.disks) serverOfDisk.set(d.diskId, i.instanceId);
  const known = new Set(instances.map((i) => i.instanceId));
  const groups = new Map<string, Snapshot[]>();
  for (const i of instances) groups.set(i.instanceId, []);
  for (const s of snapshots) {
    const owner = s.instanceId || serverOfDisk.get(s.sourceDiskId) || UNKNOWN_INSTANCE;
    const snapshot = s.instanceId === owner ? s : { ...s, instanceId: owner };
    const key = known.has(owner) ? owner : UNKNOWN_INSTANCE;
    const list = groups.get(key) ?? [];
    list.push(snapshot);
    groups.set(key, list);
  }
  for (const list of groups.values()) list.sort(newestFirst);
  return groups;
}

export async function loadRegion(api: SwasApi, regionId: string, opts: LoadRegionOptions = {}): Promise<RegionData> {
  const maxItems = opts.maxItems ?? DEFAULT_MAX_ITEMS;
  const callOpts: CallOptions = { signal: opts.signal, fresh: opts.fresh };
  const page = (pageNumber: number): { pageNumber: number; pageSize: number } => ({ pageNumber, pageSize: PAGE_SIZE });
  const instancesPage = (n: number): Promise<Page<Instance>> => api.listInstances(regionId, page(n), callOpts);
  const snapshotsPage = (n: number): Promise<Page<Snapshot>> => api.listSnapshots(regionId, page(n), callOpts);
  const firstInstances = instancesPage(1);
  const noSnapshots = { items: [] as Snapshot[], totalCount: 0 };
  const [instances, snapshots, images] = await Promise.all([
    fetchAllPages<Instance>(instancesPage, maxItems, PAGE_SIZE, firstInstances),
    opts.knownServerCount === 0
      ? firstInstances.then((p) =>
          p.totalCount === 0 && p.items.length === 0 ? noSnapshots : fetchAllPages<Snapshot>(snapshotsPage, maxItems),
        )
      : fetchAllPages<Snapshot>(snapshotsPage, maxItems),
    fetchAllPages<CustomImage>((n) => api.listCustomImages(regionId, page(n), callOpts), maxItems),
  ]);
  const truncated =
    instances.items.length < instances.totalCount ||
    snapshots.items.length < snapshots.totalCount ||
    images.items.length < images.totalCount;
  return {
    regionId,
    instances: instances.items,
    snapshotsByInstance: groupSnapshots(instances.items, snapshots.items),
    images: images.items,
    quota: { used: images.totalCount, limit: imageQuotaLimit(instances.totalCount) },
    truncated,
    totals: { instances: instances.totalCount, snapshots: snapshots.totalCount, images: images.totalCount },
    maxItems,
  };
}

/** Page numbers after the `loaded` cap, up to `loaded + more` items and the reported total. */
export function nextPages(totalCount: number, loaded: number, more: number, pageSize = PAGE_SIZE): number[] {
  const from = Math.ceil(loaded / pageSize) + 1;
  const to = Math.ceil(Math.min(Math.max(0, totalCount), loaded + more) / pageSize);
  const out: number[] = [];
  for (let p = from; p <= to; p++) out.push(p);
  return out;
}

/** `previous` followed by the items of `more` whose ID it does not hold yet. */
export function appendNew<T>(previous: T[], more: T[], id: (x: T) => string): T[] {
  const seen = new Set(previous.map(id));
  const out = [...previous];
  for (const x of more) {
    const k = id(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

async function morePages<T>(
  fetchPage: (pageNumber: number) => Promise<Page<T>>,
  items: T[],
  totalCount: number,
  loadedCap: number,
  id: (x: T) => string,
): Promise<{ items: T[]; totalCount: number }> {
  if (items.length >= totalCount) return { items, totalCount };
  const pages = await Promise.all(nextPages(totalCount, loadedCap, DEFAULT_MAX_ITEMS).map(fetchPage));
  const merged = appendNew(
    items,
    pages.flatMap((p) => p.items),
    id,
  );
  const reported = pages.reduce((n, p) => Math.max(n, p.totalCount), 0);
  return { items: merged, totalCount: Math.max(pages.length > 0 ? reported : totalCount, merged.length) };
}

/**
 * "Load more": the next pages (up to 500 more items) of each truncated list, appended to
 * `previous` without duplicates. The pages already loaded are not read again. Throws on a failed
 * page; `previous` is never changed.
 */
export async function loadMoreRegion(api: SwasApi, previous: RegionData, opts: CallOptions = {}): Promise<RegionData> {
  const cap = previous.maxItems ?? DEFAULT_MAX_ITEMS;
  const callOpts: CallOptions = { signal: opts.signal, fresh: opts.fresh };
  const page = (pageNumber: number): { pageNumber: number; pageSize: number } => ({ pageNumber, pageSize: PAGE_SIZE });
  const totals = previous.totals ?? { instances: previous.instances.length, snapshots: 0, images: previous.images.length };
  const snapshotsBefore = [...previous.snapshotsByInstance.values()].flat();
  const [instances, snapshots, images] = await Promise.all([
    morePages<Instance>(
      (n) => api.listInstances(previous.regionId, page(n), callOpts),
      previous.instances,
      totals.instances,
      cap,
      (i) => i.instanceId,
    ),
    morePages<Snapshot>(
      (n) => api.listSnapshots(previous.regionId, page(n), callOpts),
      snapshotsBefore,
      totals.snapshots,
      cap,
      (s) => s.snapshotId,
    ),
    morePages<CustomImage>(
      (n) => api.listCustomImages(previous.regionId, page(n), callOpts),
      previous.images,
      totals.images,
      cap,
      (i) => i.imageId,
    ),
  ]);
  const truncated =
    instances.items.length < instances.totalCount ||
    snapshots.items.length < snapshots.totalCount ||
    images.items.length < images.totalCount;
  return {
    ...previous,
    instances: instances.items,
    snapshotsByInstance: groupSnapshots(instances.items, snapshots.items),
    images: images.items,
    quota: { ...previous.quota, used: Math.max(previous.quota.used, images.totalCount) },
    truncated,
    totals: { instances: instances.totalCount, snapshots: snapshots.totalCount, images: images.totalCount },
    maxItems: cap + DEFAULT_MAX_ITEMS,
  };
}
