// "Load more" in the tree's region store against the emulator: only the new pages are read (the
// client's cache is not relied on), items are de-duplicated by ID, a failure keeps what is shown.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { countByAction, startHarness } from '../client/harness';
import type { Harness } from '../client/harness';
import { RegionStore } from '../../../src/tree/regionStore';
import type { SwasApi } from '../../../src/core/swasApi';

let h: Harness;
let api: SwasApi;
before(async () => {
  // 600 servers (a stress size: real regions hold at most 50): 500 shown, 100 behind Load more.
  h = await startHarness({ scale: { servers: 600, snapshots: 0, images: 0, regions: 1, allowUnrealistic: true } });
  // No client cache at all: a later Load more must not depend on it (it lives 20 s).
  api = h.client({ limiter: { rules: {} }, cache: { ttlMs: 0 } });
});
after(() => h.stop());
beforeEach(async () => {
  await h.faults({});
  await h.clearRequests();
});

const ids = (xs: { instanceId: string }[]): string[] => xs.map((x) => x.instanceId);

test('Load more reads only the next page and appends it; Refresh goes back to the first 500', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  const first = await store.load('cn-hangzhou');
  assert.equal(first.instances.length, 500);
  assert.equal(first.truncated, true);
  await h.clearRequests();
  const more = await store.loadMore('cn-hangzhou');
  assert.equal(more.instances.length, 600);
  assert.equal(more.truncated, false);
  assert.deepEqual(ids(more.instances.slice(0, 500)), ids(first.instances), 'the rows already shown stay, in order');
  assert.deepEqual(countByAction(await h.requests()), { ListInstances: 1 }, 'pages 1–5 were not read again');
  assert.equal(store.get('cn-hangzhou'), more);
  store.drop('cn-hangzhou');
  const refreshed = await store.load('cn-hangzhou', { fresh: true });
  assert.equal(refreshed.instances.length, 500, 'a refresh starts again from the first 500');
});

test('an item that moved onto the next page between two reads is not listed twice', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  const first = await store.load('cn-hangzhou');
  const last = first.instances[499];
  assert.ok(last);
  // Page 6 as the live service could send it after a server was added in front: it starts with
  // the last server of page 5.
  const wire = (id: string, name: string): Record<string, unknown> => ({
    InstanceId: id,
    InstanceName: name,
    RegionId: 'cn-hangzhou',
    Status: 'Running',
  });
  const body = JSON.stringify({
    RequestId: '{RequestId}',
    PageNumber: 6,
    PageSize: 100,
    TotalCount: 601,
    Instances: [wire(last.instanceId, last.instanceName), wire('i-moved-in-0001', 'new-one')],
  });
  await h.faults({ responses: [{ action: 'ListInstances', body, times: 1 }] });
  const more = await store.loadMore('cn-hangzhou');
  const all = ids(more.instances);
  assert.equal(new Set(all).size, all.length, 'a server is listed twice (duplicate tree ids)');
  assert.equal(all.filter((x) => x === last.instanceId).length, 1);
  assert.ok(all.includes('i-moved-in-0001'));
});

test('a failed Load more keeps the rows already loaded; retrying loads the next page', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  const first = await store.load('cn-hangzhou');
  await h.faults({ script: [{ action: 'ListInstances', kind: 'ServiceUnavailable', times: 20 }] });
  await assert.rejects(store.loadMore('cn-hangzhou'), (e: Error & { code?: string }) => e.code === 'ServiceUnavailable');
  const kept = store.get('cn-hangzhou');
  assert.equal(kept, first, 'the loaded data was replaced');
  assert.equal(kept?.instances.length, 500);
  assert.equal(kept?.truncated, true);
  await h.faults({});
  await h.clearRequests();
  const more = await store.loadMore('cn-hangzhou');
  assert.equal(more.instances.length, 600);
  assert.deepEqual(countByAction(await h.requests()), { ListInstances: 1 });
});
