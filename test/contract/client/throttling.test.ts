// Rate control against the emulator's limits (`limits`: a table like `--limits`), on a time scale
// of 1/20: windows of 3 s instead of 60 s, on both sides, so no test waits a real minute. The
// server counts like documented-2021 (10 ListSnapshots per window per account, all regions) or
// like quota-2025 (per region); the client's seeds (1000/window for ListSnapshots) are far above
// the first: it must learn from Throttling.User and retry unseen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness';
import type { Harness } from './harness';
import { loadRegion } from '../../../src/core/regionLoader';
import { SwasError } from '../../../src/core/errors';
import { createLimiter, DEFAULT_LIMITER_CONFIG } from '../../../src/core/limiter';
import type { LimitRule } from '../../../src/core/limiter';
import type { LimitTable } from '../../emulator/limits';

const WINDOW_MS = 3000;
const SCALE = { servers: 40, snapshots: 1200, images: 2, regions: 2 };
const SECONDS = WINDOW_MS / 1000;
const DOCUMENTED: LimitTable = {
  name: 'documented-2021 ÷20',
  per: 'account',
  operations: { ListSnapshots: { calls: 10, seconds: SECONDS }, CreateSnapshot: { calls: 1, seconds: SECONDS } },
};
/** The client's default table with the test's window. */
const scaledDefaults = (): Record<string, LimitRule> =>
  Object.fromEntries(Object.entries(DEFAULT_LIMITER_CONFIG.rules).map(([k, r]) => [k, { ...r, windowMs: WINDOW_MS }]));

let big: Harness;
let demo: Harness;
before(async () => {
  big = await startHarness({ scale: SCALE, limits: DOCUMENTED });
  demo = await startHarness({ seed: 'demo', limits: DOCUMENTED });
});
after(async () => {
  await big.stop();
  await demo.stop();
});

/** The server's table again, with every window empty (PUT /limits starts them afresh), and an empty log. */
async function fresh(h: Harness): Promise<void> {
  await h.admin('PUT', '/limits', DOCUMENTED);
  await h.clearRequests();
}

const throttledCodes = async (h: Harness, action: string): Promise<string[]> => (await h.requests(action)).map((r) => r.code);

test('the emulator throttles above its table: Throttling.User with a retry-after hint, per account across regions', async () => {
  await big.clearRequests();
  const api = big.client({ limiter: { rules: {}, adaptive: false }, retry: { maxAttempts: 1 } });
  for (let i = 0; i < 5; i++) await api.listSnapshots('cn-hangzhou', { pageNumber: i + 1 }, { fresh: true });
  for (let i = 0; i < 5; i++) await api.listSnapshots('cn-shanghai', { pageNumber: i + 1 }, { fresh: true });
  const e = await api.listSnapshots('cn-shanghai', { pageNumber: 9 }, { fresh: true }).then(
    () => undefined,
    (x: unknown) => x,
  );
  assert.ok(e instanceof SwasError && e.code === 'Throttling.User', String(e));
  assert.ok((e.retryAfterMs ?? 0) > 0 && (e.retryAfterMs ?? 0) <= WINDOW_MS);
  // Per region (quota-2025's dimension): the same 11 calls in two regions pass.
  await big.admin('PUT', '/limits', { ...DOCUMENTED, per: 'region' });
  for (const r of ['cn-hangzhou', 'cn-shanghai'])
    for (let i = 0; i < 6; i++) await api.listSnapshots(r, { pageNumber: i + 1 }, { fresh: true });
  const got = (await big.admin('GET', '/limits')) as LimitTable;
  assert.equal(got.per, 'region');
});

test('without rate control, a region needing 12 ListSnapshots at once is throttled by the server', async () => {
  await fresh(big);
  const api = big.client({ limiter: { rules: {}, adaptive: false }, retry: { maxAttempts: 1 } });
  await assert.rejects(
    loadRegion(api, 'cn-hangzhou', { maxItems: 1200 }),
    (e: unknown) => e instanceof SwasError && e.code === 'Throttling.User',
  );
  assert.ok((await throttledCodes(big, 'ListSnapshots')).includes('Throttling.User'));
});

test(
  'adaptive rate control: seeds far too high, the region still loads completely, every page once, no error',
  { timeout: 60_000 },
  async () => {
    await fresh(big);
    const limiter = createLimiter({ rules: scaledDefaults(), slackMs: 100 });
    const api = big.client({ limiter });
    const data = await loadRegion(api, 'cn-hangzhou', { maxItems: 1200 });
    assert.equal([...data.snapshotsByInstance.values()].flat().length, 1200);
    assert.equal(data.truncated, false);
    const codes = await throttledCodes(big, 'ListSnapshots');
    assert.equal(codes.filter((c) => c === '').length, 12, 'each of the 12 pages succeeded exactly once');
    assert.ok(codes.includes('Throttling.User'), 'the seed let too many go: the server said so');
    assert.ok(codes.length <= 12 + 4, `few throttled retries (${codes.length - 12})`);
    assert.ok(limiter.stats().decreases >= 1);
  },
);

test('a fixed schedule equal to the server limit is never throttled: the last 2 pages wait for the window', async () => {
  await fresh(big);
  const api = big.client({
    limiter: { rules: { ListSnapshots: { maxCalls: 10, windowMs: WINDOW_MS, scope: 'account' } }, adaptive: false, slackMs: 200 },
  });
  const started = Date.now();
  await loadRegion(api, 'cn-hangzhou', { maxItems: 1200, fresh: true });
  const codes = await throttledCodes(big, 'ListSnapshots');
  assert.deepStrictEqual(
    codes,
    Array.from({ length: 12 }, () => ''),
  );
  assert.ok(Date.now() - started >= WINDOW_MS, 'the last 2 waited for the window');
});

test('a throttled write is retried unseen with the same ClientToken and done once', { timeout: 30_000 }, async () => {
  await fresh(demo);
  const limiter = createLimiter({ rules: scaledDefaults(), slackMs: 100 });
  const api = demo.client({ limiter });
  const servers = (await api.listInstances('cn-shanghai', { pageSize: 100 })).items;
  assert.ok(servers.length >= 2);
  const made = await Promise.all(
    servers.slice(0, 2).map((s, i) => {
      const disk = s.disks.find((d) => d.diskType === 'System');
      assert.ok(disk);
      return api.createSnapshot({
        regionId: 'cn-shanghai',
        diskId: disk.diskId,
        snapshotName: `throttled-${i}`,
        clientToken: `tok-throttled-${i}`,
      });
    }),
  );
  assert.equal(new Set(made.map((m) => m.snapshotId)).size, 2);
  const log = await demo.requests('CreateSnapshot');
  assert.ok(
    log.some((r) => r.code === 'Throttling.User'),
    'one of the two was throttled (1 per window)',
  );
  for (const token of ['tok-throttled-0', 'tok-throttled-1']) {
    const mine = log.filter((r) => r.clientToken === token);
    assert.equal(mine.filter((r) => r.code === '').length, 1, `${token} succeeded once`);
    assert.ok(mine.every((r) => r.code === '' || r.code === 'Throttling.User'));
  }
});
