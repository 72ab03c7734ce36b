// Work in flight follows the session: a profile switch (store.clear(true)) or a region refresh
// (store.drop) aborts the region loads in flight and their queued limiter slots, and what they
// would have returned never reaches the store.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from '../client/harness';
import type { Harness } from '../client/harness';
import { isCancelled, RegionStore } from '../../../src/tree/regionStore';
import type { SwasApi } from '../../../src/core/swasApi';
import { OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET } from '../../emulator/seeds/credentials';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
  await h.admin('POST', '/servers', { regionId: 'cn-hangzhou', instanceName: 'other-account-server', accessKeyId: OTHER_ACCESS_KEY_ID });
});
after(() => h.stop());

const names = (xs: { instanceName: string }[]): string[] => xs.map((x) => x.instanceName).sort();

test("a profile switch during a slow region load aborts it, and the old account's data never appears", { timeout: 20_000 }, async () => {
  const accountA = h.client({ limiter: { rules: {} } });
  const accountB = h.client({
    limiter: { rules: {} },
    credentials: { getCredentials: () => Promise.resolve({ accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET }) },
  });
  let client: SwasApi = accountA;
  const store = new RegionStore(
    () => client,
    () => 'en-US',
  );
  await h.faults({ latencyMs: 1500 });
  const loading = store.load('cn-hangzhou');
  const settled = loading.then(
    (d) => ({ ok: true as const, d }),
    (e: unknown) => ({ ok: false as const, e }),
  );
  // The profile switch: the session makes a new client and the explorer clears the store.
  client = accountB;
  store.clear(true);
  const outcome = await settled;
  assert.equal(outcome.ok, false, `the old account's load finished: ${outcome.ok ? names(outcome.d.instances).join(',') : ''}`);
  assert.ok(!outcome.ok && isCancelled(outcome.e), `not a cancellation: ${String(!outcome.ok && outcome.e)}`);
  assert.equal(store.get('cn-hangzhou'), undefined);
  await h.faults({});
  const b = await store.load('cn-hangzhou');
  assert.deepEqual(names(b.instances), ['other-account-server']);
  assert.deepEqual(names(store.get('cn-hangzhou')?.instances ?? []), ['other-account-server']);
});

test('a region refresh aborts a load queued for a limiter slot (it does not wait a minute)', { timeout: 20_000 }, async () => {
  const api = h.client({ limiter: { rules: { ListInstances: { maxCalls: 1, windowMs: 60_000 } } } });
  const store = new RegionStore(
    () => api,
    () => 'en-US',
  );
  await store.load('cn-shanghai');
  store.drop('cn-shanghai');
  await h.clearRequests();
  const queued = store.load('cn-shanghai', { fresh: true }); // ListInstances waits for the window
  const settled = queued.then(
    () => 'loaded',
    (e: unknown) => (isCancelled(e) ? 'cancelled' : `failed: ${String(e)}`),
  );
  store.drop('cn-shanghai');
  assert.equal(await settled, 'cancelled');
  assert.deepEqual(await h.requests('ListInstances'), [], 'the queued call was never sent');
});
