// The call and round-trip budget of loadRegion, asserted from the emulator's own request log.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { countByAction, startHarness } from './harness';
import type { Harness, RequestEntry } from './harness';
import { sequentialRoundTrips } from '../../bench/requestStats';
import { loadMoreRegion, loadRegion, UNKNOWN_INSTANCE } from '../../../src/core/regionLoader';

let h: Harness;
before(async () => {
  // cn-hangzhou: 250 servers, 450 snapshots (system and data disks), 5 images.
  h = await startHarness({ scale: { servers: 250, snapshots: 450, images: 5, regions: 1, allowUnrealistic: true } });
});
after(() => h.stop());
beforeEach(() => h.clearRequests());

test('costs ⌈servers/100⌉ ListInstances + ⌈snapshots/100⌉ ListSnapshots + 1 ListCustomImages, nothing else', async () => {
  const data = await loadRegion(h.client(), 'cn-hangzhou');
  assert.deepStrictEqual(countByAction(await h.requests()), { ListInstances: 3, ListSnapshots: 5, ListCustomImages: 1 });
  assert.equal(data.instances.length, 250);
  const snapshots = [...data.snapshotsByInstance.values()].flat();
  assert.equal(snapshots.length, 450);
  assert.equal(data.images.length, 5);
  assert.equal(data.truncated, false);
  assert.deepStrictEqual(data.quota, { used: 5, limit: 15 });
});

/** Loads with 200 ms of latency per call, so that the request log shows the round trips. */
async function loadWithLatency(regionId: string, opts: Parameters<typeof loadRegion>[2] = {}): Promise<RequestEntry[]> {
  await h.faults({ latencyMs: 200 });
  try {
    await loadRegion(h.client(), regionId, opts);
  } finally {
    await h.faults({});
  }
  return h.requests();
}

const arrival = (r: RequestEntry): number => Date.parse(r.time) - r.ms;
const answered = (r: RequestEntry): number => Date.parse(r.time);
/** The log's two clock reads (arrival, answer) are taken separately: a few ms of tolerance. */
const SLACK_MS = 5;

test('loads in 2 sequential round trips: page 1 of the three lists together, then every remaining page in parallel', async () => {
  const log = await loadWithLatency('cn-hangzhou');
  assert.equal(log.length, 9);
  assert.equal(sequentialRoundTrips(log), 2);
  // Order, not stopwatch figures: calls that run together overlap (each one arrives before any of
  // them is answered); a call that waits for another arrives after that one was answered.
  const firsts = ['ListInstances', 'ListSnapshots', 'ListCustomImages'].map(
    (a) => log.filter((r) => r.action === a).sort((x, y) => arrival(x) - arrival(y))[0]!,
  );
  assert.ok(
    Math.max(...firsts.map(arrival)) < Math.min(...firsts.map(answered)),
    'page 1 of each list is asked before any of them is answered',
  );
  for (const action of ['ListInstances', 'ListSnapshots']) {
    const [first, ...rest] = log.filter((r) => r.action === action).sort((x, y) => arrival(x) - arrival(y));
    assert.ok(first !== undefined && rest.length > 0);
    assert.ok(Math.min(...rest.map(arrival)) >= answered(first) - SLACK_MS, `${action}: the other pages are asked after page 1 answered`);
    assert.ok(
      Math.max(...rest.map(arrival)) < Math.min(...rest.map(answered)),
      `${action}: the other pages run in parallel (all asked before any is answered)`,
    );
  }
});

test('never calls ListSnapshots per server, and maps data-disk snapshots to their server', async () => {
  const data = await loadRegion(h.client(), 'cn-hangzhou');
  const list = await h.requests('ListSnapshots');
  assert.equal(list.length, 5);
  assert.equal(data.snapshotsByInstance.get(UNKNOWN_INSTANCE), undefined, 'every snapshot found its server');
  const dataDisk = [...data.snapshotsByInstance.entries()].flatMap(([id, l]) =>
    l.filter((s) => s.sourceDiskType === 'Data').map((s) => [id, s] as const),
  );
  assert.ok(dataDisk.length > 0);
  for (const [id, s] of dataDisk) {
    assert.equal(s.instanceId, id);
    const server = data.instances.find((i) => i.instanceId === id);
    assert.ok(server?.disks.some((d) => d.diskId === s.sourceDiskId));
  }
});

test('a second load within the TTL costs no calls; fresh and invalidate cost a full load again', async () => {
  // 15 ListSnapshots in a few ms: the default limiter would (rightly) hold the last 5 for a minute.
  const api = h.client({ limiter: { rules: {} } });
  await loadRegion(api, 'cn-hangzhou');
  await h.clearRequests();
  await loadRegion(api, 'cn-hangzhou');
  assert.equal((await h.requests()).length, 0);
  await loadRegion(api, 'cn-hangzhou', { fresh: true });
  assert.equal((await h.requests()).length, 9);
  await h.clearRequests();
  api.invalidate('cn-hangzhou');
  await loadRegion(api, 'cn-hangzhou');
  assert.equal((await h.requests()).length, 9);
});

test('two simultaneous loads of one region share their requests', async () => {
  const api = h.client();
  const [a, b] = await Promise.all([loadRegion(api, 'cn-hangzhou'), loadRegion(api, 'cn-hangzhou')]);
  assert.equal(a.instances.length, b.instances.length);
  assert.deepStrictEqual(countByAction(await h.requests()), { ListInstances: 3, ListSnapshots: 5, ListCustomImages: 1 });
});

test('a region not known to be empty loads its three lists in 1 round trip, ListSnapshots included', async () => {
  const log = await loadWithLatency('cn-shanghai');
  assert.deepStrictEqual(countByAction(log), { ListInstances: 1, ListSnapshots: 1, ListCustomImages: 1 });
  assert.equal(sequentialRoundTrips(log), 1);
});

test('a region known to have had no servers (knownServerCount 0) costs no rate-limited ListSnapshots while still empty', async () => {
  const data = await loadRegion(h.client(), 'cn-shanghai', { knownServerCount: 0 });
  assert.deepStrictEqual(countByAction(await h.requests()), { ListInstances: 1, ListCustomImages: 1 });
  assert.equal(data.instances.length, 0);
  assert.deepStrictEqual(data.quota, { used: 0, limit: 0 });
});

test('knownServerCount 0 on a region that has servers by now still loads every snapshot, one round trip later', async () => {
  const log = await loadWithLatency('cn-hangzhou', { knownServerCount: 0 });
  assert.deepStrictEqual(countByAction(log), { ListInstances: 3, ListSnapshots: 5, ListCustomImages: 1 });
  assert.equal(sequentialRoundTrips(log), 3);
  const data = await loadRegion(h.client(), 'cn-hangzhou', { knownServerCount: 0 });
  assert.equal([...data.snapshotsByInstance.values()].flat().length, 450);
});

test('past 500 items the region is truncated, and loading more fetches only the new pages', async () => {
  const big = await startHarness({ scale: { servers: 620, snapshots: 0, images: 0, regions: 1, allowUnrealistic: true } });
  try {
    const api = big.client();
    const first = await loadRegion(api, 'cn-hangzhou');
    assert.equal(first.instances.length, 500);
    assert.equal(first.truncated, true);
    assert.equal(first.totals?.instances, 620);
    assert.equal(first.quota.limit, 15);
    assert.equal((await big.requests('ListInstances')).length, 5);
    const more = await loadMoreRegion(api, first);
    assert.equal(more.instances.length, 620);
    assert.equal(more.truncated, false);
    assert.equal(new Set(more.instances.map((i) => i.instanceId)).size, 620);
    assert.equal((await big.requests('ListInstances')).length, 7, 'only pages 6 and 7 were read');
  } finally {
    await big.stop();
  }
});
