import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequestCache } from '../../../src/core/cache';
import type { CacheKey } from '../../../src/core/cache';

const key = (regionId: string, params: Record<string, unknown> = { PageNumber: 1 }, profile = 'p'): CacheKey => ({
  profile,
  regionId,
  action: 'ListInstances',
  params,
});

function deferred<T>(): { promise: Promise<T>; resolve(v: T): void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

test('serves a second identical call from the cache until the TTL passes', async () => {
  let t = 0;
  const cache = createRequestCache({ ttlMs: 1000 }, () => t);
  let loads = 0;
  const load = async (): Promise<number> => ++loads;
  assert.equal(await cache.get(key('r'), load), 1);
  assert.equal(await cache.get(key('r'), load), 1);
  t = 1001;
  assert.equal(await cache.get(key('r'), load), 2);
});

test('identical requests in flight share one load; different params, regions or profiles do not', async () => {
  const cache = createRequestCache();
  const d = deferred<string>();
  let loads = 0;
  const load = (): Promise<string> => {
    loads++;
    return d.promise;
  };
  const a = cache.get(key('r', { PageNumber: 1, PageSize: 100 }), load);
  const b = cache.get(key('r', { PageSize: 100, PageNumber: 1, Nothing: undefined }), load);
  const c = cache.get(key('r', { PageNumber: 2, PageSize: 100 }), load);
  const e = cache.get(key('r', { PageNumber: 1, PageSize: 100 }, 'other-profile'), load);
  d.resolve('v');
  assert.deepStrictEqual(await Promise.all([a, b, c, e]), ['v', 'v', 'v', 'v']);
  assert.equal(loads, 3);
});

test('invalidate(region) drops that region only; invalidate() drops all', async () => {
  const cache = createRequestCache();
  let loads = 0;
  const load = async (): Promise<number> => ++loads;
  await cache.get(key('a'), load);
  await cache.get(key('b'), load);
  cache.invalidate('a');
  assert.equal(await cache.get(key('a'), load), 3);
  assert.equal(await cache.get(key('b'), load), 2);
  cache.invalidate();
  assert.equal(await cache.get(key('b'), load), 4);
});

test('a request that started before an invalidation does not fill the cache and is not joined', async () => {
  const cache = createRequestCache();
  const slow = deferred<string>();
  const first = cache.get(key('r'), () => slow.promise);
  cache.invalidate('r');
  let loads = 0;
  const second = cache.get(key('r'), async () => {
    loads++;
    return 'new';
  });
  slow.resolve('stale');
  assert.equal(await first, 'stale');
  assert.equal(await second, 'new');
  assert.equal(await cache.get(key('r'), async () => 'again'), 'new');
  assert.equal(loads, 1);
});

test('fresh skips the cached value', async () => {
  const cache = createRequestCache();
  let loads = 0;
  const load = async (): Promise<number> => ++loads;
  await cache.get(key('r'), load);
  assert.equal(await cache.get(key('r'), load, true), 2);
  assert.equal(await cache.get(key('r'), load), 2);
});

test('a failed load is not cached', async () => {
  const cache = createRequestCache();
  await assert.rejects(cache.get(key('r'), () => Promise.reject(new Error('x'))));
  assert.equal(await cache.get(key('r'), async () => 'ok'), 'ok');
});
