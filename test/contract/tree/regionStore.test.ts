// The tree's region cache against the emulator over HTTP: shared loads, fresh reloads,
// cheap server counts, images re-read after a write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countByAction } from '../client/harness';
import type { Harness } from '../client/harness';
import { useTreeHarness } from './treeHarness';
import { RegionStore, NotSignedInError } from '../../../src/tree/regionStore';
import type { SwasApi } from '../../../src/core/swasApi';

let h: Harness;
let api: SwasApi;
useTreeHarness({ clearRequests: true }, (t) => {
  ({ h, api } = t);
});

const lists = (c: Record<string, number>): Record<string, number> => ({
  ListInstances: c.ListInstances ?? 0,
  ListSnapshots: c.ListSnapshots ?? 0,
  ListCustomImages: c.ListCustomImages ?? 0,
});

test('concurrent loads of one region share one set of calls, and later loads come from the store', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  const [a, b] = await Promise.all([store.load('cn-hangzhou'), store.load('cn-hangzhou')]);
  assert.equal(a, b);
  assert.equal(a.instances.length, 4);
  await store.load('cn-hangzhou');
  assert.deepEqual(lists(countByAction(await h.requests())), { ListInstances: 1, ListSnapshots: 1, ListCustomImages: 1 });
});

test('a fresh load goes to the API again even within the client cache lifetime', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  await store.load('cn-shanghai');
  await store.load('cn-shanghai', { fresh: true });
  assert.deepEqual(lists(countByAction(await h.requests())), { ListInstances: 2, ListSnapshots: 2, ListCustomImages: 2 });
});

test('the server count of an unloaded region costs one ListInstances of page size 1', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  assert.equal(await store.serverCount('ap-southeast-1'), 1);
  assert.equal(await store.serverCount('cn-qingdao'), 0);
  assert.deepEqual(countByAction(await h.requests()), { ListInstances: 2 });
});

test('refreshImages re-reads only the custom images and updates the used quota', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  const before = await store.load('ap-southeast-1');
  assert.deepEqual(before.quota, { used: 3, limit: 3 });
  const img = before.images[0];
  assert.ok(img);
  await api.deleteCustomImage({ regionId: 'ap-southeast-1', imageId: img.imageId, clientToken: `t-${Date.now()}` });
  await h.clearRequests();
  const after = await store.refreshImages('ap-southeast-1');
  assert.equal(after?.images.length, 2);
  assert.equal(after?.quota.used, 2);
  assert.deepEqual(countByAction(await h.requests()), { ListCustomImages: 1 });
});

test('the region list is cached for the session and kept by a refresh, but not by a sign-out', async () => {
  let client = api;
  const store = new RegionStore(
    () => client,
    () => 'zh-CN',
  );
  const regions = await store.listRegions();
  assert.ok(regions.some((r) => r.regionId === 'cn-hangzhou' && r.localName !== ''));
  await h.clearRequests();
  store.clear();
  await store.listRegions();
  assert.deepEqual(await h.requests('ListRegions'), []);
  store.clear(true);
  client = h.client({ limiter: { rules: {} } }); // a sign-out or profile switch makes a new client
  await store.listRegions();
  assert.equal((await h.requests('ListRegions')).length, 1);
});

test('without a client (signed out) loads fail with NotSignedInError', async () => {
  const store = new RegionStore(
    () => undefined,
    () => 'en-US',
  );
  assert.throws(() => store.load('cn-hangzhou'), NotSignedInError);
});

test('a region the store saw empty (a load or the hide-empty probe) is reloaded without ListSnapshots', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  await store.load('cn-qingdao');
  assert.deepEqual(
    lists(countByAction(await h.requests())),
    { ListInstances: 1, ListSnapshots: 1, ListCustomImages: 1 },
    'nothing known yet: the three lists together',
  );
  await h.clearRequests();
  store.drop('cn-qingdao');
  await store.load('cn-qingdao', { fresh: true });
  assert.deepEqual(lists(countByAction(await h.requests())), { ListInstances: 1, ListSnapshots: 0, ListCustomImages: 1 });
  await h.clearRequests();
  const probed = new RegionStore(
    () => api,
    () => 'en-US',
  );
  assert.equal(await probed.serverCount('cn-beijing'), 0);
  await probed.load('cn-beijing');
  assert.deepEqual(lists(countByAction(await h.requests())), { ListInstances: 2, ListSnapshots: 0, ListCustomImages: 1 });
});

test('a region seen empty that has a server by now shows it with its snapshots on refresh', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  assert.equal((await store.load('cn-zhangjiakou')).instances.length, 0);
  const created = (await h.admin('POST', '/servers', { regionId: 'cn-zhangjiakou', instanceName: 'late-server' })) as {
    InstanceId?: string;
    instanceId?: string;
  };
  try {
    store.drop('cn-zhangjiakou');
    const data = await store.load('cn-zhangjiakou', { fresh: true });
    assert.deepEqual(
      data.instances.map((i) => i.instanceName),
      ['late-server'],
    );
    assert.equal((await h.requests('ListSnapshots')).length, 2, 'the snapshots were read once the server was seen');
  } finally {
    await h.admin('DELETE', `/servers/${created.InstanceId ?? created.instanceId ?? ''}`);
  }
});

test('refreshImages counts the quota from TotalCount when the API returns a short page', async () => {
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  const loaded = await store.load('ap-southeast-1');
  const one = loaded.images[0];
  assert.ok(one);
  // A page that lists one image while TotalCount says three (a short or eventually consistent page).
  const body = JSON.stringify({
    RequestId: '{RequestId}',
    PageNumber: '1',
    PageSize: '100',
    TotalCount: '3',
    CustomImages: [
      {
        ImageId: one.imageId,
        Name: one.name,
        Status: '1',
        InstanceId: one.instanceId,
        RegionId: 'ap-southeast-1',
        CreationTime: one.creationTime,
      },
    ],
  });
  await h.faults({ responses: [{ action: 'ListCustomImages', body }] });
  try {
    const after = await store.refreshImages('ap-southeast-1');
    assert.equal(after?.images.length, 1);
    assert.equal(after?.quota.used, 3, 'the quota is not understated');
  } finally {
    await h.faults({});
  }
});
