// The emulator's realistic limits on (10 calls a minute per account for ListRegions, ListSnapshots,
// CreateSnapshot, CreateCustomImage): a region needing 12 ListSnapshots pages still loads — the
// limiter lets 10 go at once and holds 2 for the window — and the server never throttles. Without
// the limiter the same load is throttled. (Takes a real minute: the server's window is a minute.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness';
import type { Harness } from './harness';
import { loadRegion } from '../../../src/core/regionLoader';
import { SwasError } from '../../../src/core/errors';

const SCALE = { servers: 40, snapshots: 1200, images: 2, regions: 1 };

let limited: Harness;
let unlimited: Harness;
before(async () => {
  limited = await startHarness({ scale: SCALE, realisticLimits: true });
  unlimited = await startHarness({ scale: SCALE, realisticLimits: true });
});
after(async () => {
  await limited.stop();
  await unlimited.stop();
});

test('without the client limiter, 12 ListSnapshots in a minute are throttled by the server', async () => {
  const api = unlimited.client({ limiter: { rules: {} } });
  await assert.rejects(loadRegion(api, 'cn-hangzhou', { maxItems: 1200 }), (e: unknown) => e instanceof SwasError && e.code === 'Throttling.User');
  const codes = (await unlimited.requests('ListSnapshots')).map((r) => r.code);
  assert.ok(codes.includes('Throttling.User'));
});

test('with the default limiter the region loads completely, slower, and the server never throttles', { timeout: 120_000 }, async () => {
  const api = limited.client();
  const started = Date.now();
  const data = await loadRegion(api, 'cn-hangzhou', { maxItems: 1200 });
  const took = Date.now() - started;
  assert.equal([...data.snapshotsByInstance.values()].flat().length, 1200);
  assert.equal(data.truncated, false);
  const log = await limited.requests('ListSnapshots');
  assert.equal(log.length, 12, 'exactly one call per page, none repeated');
  assert.ok(log.every((r) => r.code === ''), 'no Throttling.User');
  assert.ok(took >= 59_000, `the last 2 pages waited for the window (took ${took} ms)`);
  const times = log.map((r) => Date.parse(r.time)).sort((a, b) => a - b);
  const first10 = times.slice(0, 10);
  assert.ok((first10[9] ?? 0) - (first10[0] ?? 0) < 5000, 'the first 10 went out as a burst');
});
