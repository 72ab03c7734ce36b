// The root's grouping against the emulator over HTTP: one ListInstances (PageSize 1) per region,
// all in one round trip; regions with servers first, the empty ones folded; the user's own
// selection and swas.hideEmptyRegions bypass the fold; counts cached per profile.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { countByAction, startHarness } from '../client/harness';
import type { Harness } from '../client/harness';
import { RegionStore } from '../../../src/tree/regionStore';
import { planRoot, RegionCounts } from '../../../src/tree/regionCounts';
import type { Region } from '../../../src/core/model';
import type { SwasApi } from '../../../src/core/swasApi';

let h: Harness;
let api: SwasApi;
let regions: Region[];
const WITH_SERVERS = ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1'];

before(async () => {
  h = await startHarness({ seed: 'demo' });
  api = h.client({ limiter: { rules: {} } });
  regions = await new RegionStore(
    () => api,
    () => 'en-US',
  ).listRegions();
  assert.equal(regions.length, 26);
});
after(() => h.stop());
beforeEach(async () => {
  await h.faults({});
  await h.clearRequests();
});

const ids = (rs: readonly Region[]): string[] => rs.map((r) => r.regionId);
const apiOrder = (wanted: string[]): string[] => ids(regions).filter((id) => wanted.includes(id));
// A new client per test: the client's own 20 s cache must not answer for the emulator.
const setup = (): { store: RegionStore; counts: RegionCounts } => {
  const fresh = h.client({ limiter: { rules: {} } });
  const store = new RegionStore(
    () => fresh,
    () => 'en-US',
  );
  return { store, counts: new RegionCounts(() => store) };
};

test('one ListInstances per region finds the regions with servers; they come first, in the API order, and the others are grouped', async () => {
  const { counts } = setup();
  await counts.probe('p1', ids(regions));
  assert.deepEqual(countByAction(await h.requests()), { ListInstances: 26 });
  const plan = planRoot(counts, 'p1', regions, { chosen: false, hideEmpty: false });
  assert.equal(plan.kind, 'grouped');
  if (plan.kind !== 'grouped') return;
  assert.deepEqual(ids(plan.withServers), apiOrder(WITH_SERVERS));
  assert.equal(plan.empty.length, 23);
  assert.deepEqual(
    ids(plan.empty),
    ids(regions).filter((id) => !WITH_SERVERS.includes(id)),
  );
  assert.equal(counts.known('p1', 'cn-hangzhou'), 4);
  assert.equal(counts.known('p1', 'cn-qingdao'), 0);
});

test('the counts are one round trip: every request is in flight before the first answer', async () => {
  await h.faults({ latencyMs: 300, actions: ['ListInstances'] });
  const { counts } = setup();
  await counts.probe('p1', ids(regions));
  const log = await h.requests('ListInstances');
  assert.equal(log.length, 26);
  const start = (e: { time: string; ms: number }): number => Date.parse(e.time) - e.ms;
  const lastStart = Math.max(...log.map(start));
  const firstEnd = Math.min(...log.map((e) => Date.parse(e.time)));
  assert.ok(lastStart < firstEnd, `a count started ${lastStart - firstEnd} ms after the first answer: not one round trip`);
});

test('counts are cached per profile: a second look costs nothing, another profile counts its own, a Refresh (forget) counts again', async () => {
  const { store, counts } = setup();
  await counts.probe('p1', ids(regions));
  await counts.probe('p1', ids(regions));
  assert.equal((await h.requests()).length, 26);
  assert.equal(counts.allKnown('p2', ids(regions)), false);
  store.clear(true); // the profile switch (ExplorerProvider.reset(true))
  await counts.probe('p2', ids(regions));
  assert.equal((await h.requests()).length, 52);
  store.clear(true); // back to p1: its counts are still cached
  assert.equal(counts.allKnown('p1', ids(regions)), true);
  counts.forget('p1'); // a full Refresh of p1 (ExplorerProvider.reset())
  store.clear();
  assert.equal(counts.allKnown('p1', ids(regions)), false);
  assert.equal(counts.allKnown('p2', ids(regions)), true, "p2's counts survive a refresh of p1");
  await h.clearRequests();
  await counts.probe('p1', ids(regions));
  assert.deepEqual(countByAction(await h.requests()), { ListInstances: 26 });
});

test('a region chosen with Select Regions is shown as chosen, empty or not; hideEmptyRegions shows only the regions with servers', async () => {
  const { counts } = setup();
  await counts.probe('p1', ids(regions));
  const chosen = regions.filter((r) => ['cn-qingdao', 'cn-hangzhou'].includes(r.regionId));
  assert.deepEqual(planRoot(counts, 'p1', chosen, { chosen: true, hideEmpty: false }), { kind: 'flat', regions: chosen });
  const hidden = planRoot(counts, 'p1', regions, { chosen: false, hideEmpty: true });
  assert.equal(hidden.kind, 'flat');
  if (hidden.kind === 'flat') assert.deepEqual(ids(hidden.regions), apiOrder(WITH_SERVERS));
  const qd = regions.filter((r) => r.regionId === 'cn-qingdao');
  assert.deepEqual(planRoot(counts, 'p1', qd, { chosen: true, hideEmpty: true }), { kind: 'allHidden' });
});

test('no fold when it would leave a group empty: an account without servers, or servers everywhere', async () => {
  const { counts } = setup();
  const empty = regions.filter((r) => !WITH_SERVERS.includes(r.regionId));
  await counts.probe('p1', ids(empty));
  assert.deepEqual(planRoot(counts, 'p1', empty, { chosen: false, hideEmpty: false }), { kind: 'flat', regions: empty });
  const full = regions.filter((r) => WITH_SERVERS.includes(r.regionId));
  await counts.probe('p1', ids(full));
  assert.deepEqual(planRoot(counts, 'p1', full, { chosen: false, hideEmpty: false }), { kind: 'flat', regions: full });
});

test('a region whose count failed is not folded away, and only it is counted again', async () => {
  const { store } = setup();
  let failing = true;
  const counts = new RegionCounts(() => ({
    serverCount: (id) => (failing && id === 'cn-qingdao' ? Promise.reject(new Error('boom')) : store.serverCount(id)),
  }));
  await counts.probe('p1', ids(regions));
  assert.equal(counts.known('p1', 'cn-qingdao'), undefined);
  const plan = planRoot(counts, 'p1', regions, { chosen: false, hideEmpty: false });
  assert.equal(plan.kind, 'grouped');
  if (plan.kind === 'grouped') assert.ok(ids(plan.withServers).includes('cn-qingdao'), 'an unchecked region was folded');
  failing = false;
  await h.clearRequests();
  await counts.probe('p1', ids(regions));
  assert.deepEqual(
    (await h.requests()).map((r) => [r.action, r.regionId]),
    [['ListInstances', 'cn-qingdao']],
  );
  assert.equal(counts.known('p1', 'cn-qingdao'), 0);
});
