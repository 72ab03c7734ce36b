// --limits: flow control per (regionId, API, account) from a table, on the virtual clock, through
// pop-core. The figures are the published ones (swas-api-2.md A2); where a preset fills a gap
// (quota-2025's 10/min default, the per-region counting of unlisted operations) the test names it
// a GUESS — it checks the emulator's choice, not Alibaba's behaviour.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import { OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET } from '../../emulator/seeds/credentials';
import type { Json } from './harness';
import { admin, call, pop, raw, rejects, start } from './harness';

async function withEmu(options: Parameters<typeof start>[0], body: (emu: RunningEmulator) => Promise<void>): Promise<void> {
  const emu = await start(options);
  try {
    await body(emu);
  } finally {
    await emu.stop();
  }
}

async function retryAfter(p: Promise<unknown>): Promise<number> {
  const err = await p.then(
    () => assert.fail('expected Throttling.User'),
    (e: { code?: string; entry?: { response?: { statusCode?: number; headers?: Json } } }) => e,
  );
  assert.equal(err.code, 'Throttling.User');
  assert.equal(err.entry?.response?.statusCode, 400);
  return Number(err.entry?.response?.headers?.['x-acs-retry-after']);
}

describe('emulator --limits (pop-core)', () => {
  test('documented-2021: 10 ListSnapshots a minute per account, all regions together; the virtual clock empties the window', async () => {
    await withEmu({ limits: 'documented-2021' }, async (emu) => {
      for (let i = 0; i < 10; i++) await call(pop(emu), 'ListSnapshots', { RegionId: i % 2 ? 'cn-hangzhou' : 'cn-shanghai' });
      const wait = await retryAfter(pop(emu).request('ListSnapshots', { RegionId: 'ap-southeast-1' }));
      assert.ok(wait > 50_000 && wait <= 60_000, `x-acs-retry-after ${wait} ms`);
      const other = pop(emu, { accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET });
      await call(other, 'ListSnapshots', { RegionId: 'cn-hangzhou' });
      for (let i = 0; i < 12; i++) await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
      await admin(emu, 'POST', '/clock/advance', { seconds: 61 });
      await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou' });
      const codes = ((await admin(emu, 'GET', '/requests')).requests as Json[])
        .filter((r) => r.action === 'ListSnapshots')
        .map((r) => r.code);
      assert.deepEqual(codes.filter((c) => c === 'Throttling.User').length, 1, 'throttled calls are logged and do not count');
    });
  });

  test('--realistic-limits is an alias of documented-2021', async () => {
    await withEmu({ realisticLimits: true }, async (emu) => {
      assert.equal((await admin(emu, 'GET', '/limits')).name, 'documented-2021');
      for (let i = 0; i < 10; i++) await call(pop(emu), 'ListRegions');
      await rejects(pop(emu).request('ListRegions', {}), 'Throttling.User', 400);
    });
  });

  test('quota-2025: ListSnapshots 1000/60 s per region; other regions and operations count apart', async () => {
    await withEmu({ limits: 'quota-2025' }, async (emu) => {
      const p = pop(emu);
      for (let i = 0; i < 1000; i++) await call(p, 'ListSnapshots', { RegionId: 'cn-shanghai', PageSize: 1 });
      await retryAfter(p.request('ListSnapshots', { RegionId: 'cn-shanghai' }));
      await call(p, 'ListSnapshots', { RegionId: 'cn-hangzhou' });
      await call(p, 'ListDisks', { RegionId: 'cn-shanghai' });
    });
  });

  test('quota-2025 (GUESS: the Jan-2024 10/min for operations the current table does not show): the 11th ListInstances in a region is throttled', async () => {
    await withEmu({ limits: 'quota-2025' }, async (emu) => {
      for (let i = 0; i < 10; i++) await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
      await rejects(pop(emu).request('ListInstances', { RegionId: 'cn-hangzhou' }), 'Throttling.User', 400);
      await call(pop(emu), 'ListInstances', { RegionId: 'cn-shanghai' });
    });
  });

  test('POST /limits sets a preset or a table at run time; DELETE /limits lifts them; bad tables are refused', async () => {
    await withEmu({}, async (emu) => {
      assert.equal((await admin(emu, 'GET', '/limits')).name, 'none');
      for (let i = 0; i < 15; i++) await call(pop(emu), 'ListRegions');
      await admin(emu, 'POST', '/limits', { preset: 'documented-2021' });
      for (let i = 0; i < 10; i++) await call(pop(emu), 'ListRegions');
      await rejects(pop(emu).request('ListRegions', {}), 'Throttling.User', 400);
      const table = await admin(emu, 'POST', '/limits', {
        table: { name: 'tiny', per: 'region', operations: { ListInstances: { calls: 2, seconds: 5 } } },
      });
      assert.equal(table.name, 'tiny');
      await call(pop(emu), 'ListRegions');
      await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
      await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
      const wait = await retryAfter(pop(emu).request('ListInstances', { RegionId: 'cn-hangzhou' }));
      assert.ok(wait <= 5000);
      await admin(emu, 'POST', '/clock/advance', { seconds: 5 });
      await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
      await admin(emu, 'DELETE', '/limits');
      for (let i = 0; i < 5; i++) await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
      const bad = await raw(`${emu.admin}/limits`, {
        method: 'POST',
        body: JSON.stringify({ preset: 'nope' }),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /unknown preset/);
      const worse = await raw(`${emu.admin}/limits`, {
        method: 'POST',
        body: JSON.stringify({ operations: { ListRegions: { calls: 'x' } } }),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(worse.status, 400);
    });
  });

  test('--limits takes a JSON file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'emu-limits-')), 'limits.json');
    writeFileSync(file, JSON.stringify({ per: 'account', operations: { ListImages: { calls: 1, seconds: 60 } } }));
    await withEmu({ limits: file }, async (emu) => {
      await call(pop(emu), 'ListImages', { RegionId: 'cn-hangzhou' });
      await rejects(pop(emu).request('ListImages', { RegionId: 'cn-shanghai' }), 'Throttling.User', 400);
    });
  });
});
