import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BETA, createLimiter, DEFAULT_LIMITER_CONFIG, PUBLISHED_LIMITS } from '../../../src/core/limiter';
import type { CallKey, Limiter, LimiterDeps, Permit, WaitEvent } from '../../../src/core/limiter';
import { SwasError } from '../../../src/core/errors';

/** Virtual time: sleepers wake when `advance` passes their deadline; an abort wakes them at once. */
function clock(): LimiterDeps & { advance(ms: number): Promise<void>; t: number } {
  let sleepers: { at: number; resolve: () => void }[] = [];
  const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
  const c = {
    t: 0,
    now: () => c.t,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve, reject) => {
        const s = { at: c.t + ms, resolve };
        sleepers.push(s);
        signal?.addEventListener(
          'abort',
          () => {
            sleepers = sleepers.filter((x) => x !== s);
            reject(new Error('aborted'));
          },
          { once: true },
        );
      }),
    /** Moves time forward, waking each sleeper at its own deadline (in order). */
    async advance(ms: number) {
      await tick();
      const end = c.t + ms;
      for (;;) {
        const next = sleepers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        sleepers = sleepers.filter((x) => x !== next);
        c.t = Math.max(c.t, next.at);
        next.resolve();
        await tick();
        await tick();
      }
      c.t = end;
      await tick();
    },
  };
  return c;
}

const key = (regionId: string, action = 'ListSnapshots', account = 'acct'): CallKey => ({ account, regionId, action });

/** Starts `n` acquires; records when each was granted (virtual ms) and keeps the permits. */
function burst(limiter: Limiter, c: { t: number }, keys: CallKey[], signal?: AbortSignal) {
  const granted: { i: number; at: number; permit: Permit }[] = [];
  const all = keys.map((k, i) => limiter.acquire(k, signal).then((permit) => void granted.push({ i, at: c.t, permit })));
  return { granted, all };
}

test('a burst up to the seed starts at once; the rest wait until the window gives tokens back', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { ListSnapshots: { maxCalls: 3, windowMs: 60_000 } }, slackMs: 0 }, c);
  const b = burst(
    limiter,
    c,
    Array.from({ length: 5 }, () => key('r1')),
  );
  await c.advance(0);
  assert.deepStrictEqual(
    b.granted.map((g) => g.at),
    [0, 0, 0],
  );
  await c.advance(59_999);
  assert.equal(b.granted.length, 3);
  await c.advance(1);
  await Promise.all(b.all);
  assert.deepStrictEqual(
    b.granted.map((g) => g.at),
    [0, 0, 0, 60_000, 60_000],
  );
});

test('a fixed schedule (adaptive off) never lets more than maxCalls start in any sliding window', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 4, windowMs: 10_000 } }, adaptive: false, slackMs: 0 }, c);
  const started: number[] = [];
  const all: Promise<unknown>[] = [];
  for (let i = 0; i < 30; i++) {
    all.push(limiter.acquire(key('r', 'A')).then((p) => (p.succeeded(), started.push(c.t))));
    await c.advance(700);
  }
  for (let i = 0; i < 100 && started.length < 30; i++) await c.advance(1000);
  await Promise.all(all);
  for (const t of started) assert.ok(started.filter((u) => u > t - 10_000 && u <= t).length <= 4, `window ending ${t}`);
});

test('the allowed rate grows while calls succeed (more calls per window each window)', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 10, windowMs: 60_000 } }, slackMs: 0 }, c);
  const started: number[] = [];
  // A steady demand far above the seed: 600 calls queued, each reported as a success.
  const all = Array.from({ length: 600 }, () => limiter.acquire(key('r', 'A')).then((p) => (p.succeeded(), started.push(c.t))));
  for (let i = 0; i < 5 * 60; i++) await c.advance(1000);
  const perWindow = [0, 1, 2, 3, 4].map((w) => started.filter((t) => t >= w * 60_000 && t < (w + 1) * 60_000).length);
  assert.equal(perWindow[0], 10, 'the seed in the first window');
  for (let w = 1; w < perWindow.length; w++)
    assert.ok((perWindow[w] ?? 0) >= (perWindow[w - 1] ?? 0), `no shrinking without throttling: ${perWindow.join(',')}`);
  assert.ok((perWindow[4] ?? 0) > 10, `grew above the seed: ${perWindow.join(',')}`);
  void all;
});

test('a Throttling answer drops the rate sharply, once per event, and the retries go when the window has drained', async () => {
  const c = clock();
  // No seeds: the bucket is open (like a key whose limit is far lower than the table says).
  const limiter = createLimiter({ rules: {}, slackMs: 1000 }, c);
  const first = burst(
    limiter,
    c,
    Array.from({ length: 26 }, () => key('r1')),
  );
  await c.advance(50);
  assert.equal(first.granted.length, 26, 'an open bucket lets all go');
  // The server took 10 and throttled 16 (answers arriving after the successes).
  first.granted.slice(0, 10).forEach((g) => g.permit.succeeded());
  first.granted.slice(10).forEach((g) => g.permit.throttled());
  assert.equal(limiter.stats().decreases, 1, 'one congestion event, one drop (not 0.7^16)');
  assert.ok(limiter.waitTime('acct', 'ListSnapshots', 'r1') > 59_000, 'nothing more until the window drains');
  // The 16 are retried (as withRetry does): they queue and go when the 10 tokens come back.
  const retry = burst(
    limiter,
    c,
    Array.from({ length: 16 }, () => key('r1')),
  );
  await c.advance(60_000);
  assert.equal(retry.granted.length, 0);
  await c.advance(1100);
  assert.equal(retry.granted.length, 10, `the learned limit (10) one window later: ${retry.granted.length}`);
  assert.ok(retry.granted.every((g) => g.at <= 61_100));
  retry.granted.forEach((g) => g.permit.succeeded());
  await c.advance(62_000);
  await Promise.all(retry.all);
  assert.equal(retry.granted.length, 16);
  assert.equal(limiter.stats().throttled, 16);
});

test('repeated throttling at the learned limit decreases multiplicatively', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 10, windowMs: 60_000 } }, slackMs: 0 }, c);
  const b = burst(
    limiter,
    c,
    Array.from({ length: 10 }, () => key('r', 'A')),
  );
  await c.advance(0);
  b.granted.slice(0, 4).forEach((g) => g.permit.succeeded());
  b.granted.slice(4).forEach((g) => g.permit.throttled());
  // 4 went through: the limit is now β·4 = 2.8 → 2 calls per window right after the drop.
  assert.ok(Math.abs(BETA * 4 - 2.8) < 1e-9);
  await c.advance(60_000);
  const next = burst(
    limiter,
    c,
    Array.from({ length: 6 }, () => key('r', 'A')),
  );
  await c.advance(0);
  assert.ok(next.granted.length >= 2 && next.granted.length <= 4, `${next.granted.length}`);
});

test('buckets are independent per (account, region, operation)', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 1, windowMs: 1000 }, B: { maxCalls: 1, windowMs: 1000 } }, slackMs: 0 }, c);
  const b = burst(limiter, c, [key('r1', 'A'), key('r2', 'A'), key('r1', 'B'), key('r1', 'A', 'other')]);
  await c.advance(0);
  assert.equal(b.granted.length, 4, 'different region, operation or account: no wait');
  assert.equal(limiter.waitTime('acct', 'A', 'r1'), 1000);
  assert.equal(limiter.waitTime('acct', 'A', 'r3'), 0);
  assert.equal(limiter.waitTime('other', 'B', 'r1'), 0);
});

test('a throttle while several regions use the operation teaches the account-wide bucket', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: {}, slackMs: 0 }, c);
  const b = burst(limiter, c, [...Array.from({ length: 5 }, () => key('r1')), ...Array.from({ length: 5 }, () => key('r2')), key('r3')]);
  await c.advance(0);
  b.granted.slice(0, 10).forEach((g) => g.permit.succeeded());
  b.granted[10]?.permit.throttled();
  // A region never used before now waits too: the limit is shared by the account.
  assert.ok(limiter.waitTime('acct', 'ListSnapshots', 'r4') > 0);
  assert.ok(limiter.waitTime('acct', 'ListSnapshots') > 0);
  // Another operation is not affected.
  assert.equal(limiter.waitTime('acct', 'ListInstances', 'r4'), 0);
});

test('a throttle in the only region used teaches that region, not the others', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: {}, slackMs: 0 }, c);
  const b = burst(
    limiter,
    c,
    Array.from({ length: 6 }, () => key('r1')),
  );
  await c.advance(0);
  b.granted.slice(0, 5).forEach((g) => g.permit.succeeded());
  b.granted[5]?.permit.throttled();
  assert.ok(limiter.waitTime('acct', 'ListSnapshots', 'r1') > 0);
  assert.equal(limiter.waitTime('acct', 'ListSnapshots', 'r2'), 0);
});

test('a server hint (retry-after) holds the bucket at least that long', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: {}, slackMs: 0 }, c);
  const b = burst(
    limiter,
    c,
    Array.from({ length: 3 }, () => key('r1')),
  );
  await c.advance(0);
  b.granted[0]?.permit.succeeded();
  b.granted[1]?.permit.succeeded();
  b.granted[2]?.permit.throttled(90_000);
  assert.ok(limiter.waitTime('acct', 'ListSnapshots', 'r1') >= 90_000);
});

test('a throttle when nothing of ours went through holds the bucket for the hint but keeps the limit', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 10, windowMs: 60_000 } }, slackMs: 0 }, c);
  (await limiter.acquire(key('r', 'A'))).throttled(1000);
  assert.equal(limiter.stats().decreases, 0);
  assert.equal(limiter.waitTime('acct', 'A', 'r'), 1000);
  await c.advance(1000);
  const b = burst(
    limiter,
    c,
    Array.from({ length: 10 }, () => key('r', 'A')),
  );
  await c.advance(0);
  assert.equal(b.granted.length, 10, 'the seed still holds');
});

test("a hint shorter than the window teaches the bucket the server's shorter window", async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 100, windowMs: 60_000 } }, slackMs: 0 }, c);
  const b = burst(
    limiter,
    c,
    Array.from({ length: 6 }, () => key('r', 'A')),
  );
  await c.advance(0);
  b.granted.slice(0, 5).forEach((g) => g.permit.succeeded());
  await c.advance(1000);
  // The server says its oldest call leaves in 2 s: its window is ≈ 3 s, not 60 s.
  b.granted[5]?.permit.throttled(2000);
  const retry = burst(
    limiter,
    c,
    Array.from({ length: 5 }, () => key('r', 'A')),
  );
  await c.advance(3000);
  assert.ok(retry.granted.length >= 3, `retries went after ≈ 3 s, not a minute (${retry.granted.length})`);
});

test('cancelling a waiter (AbortSignal) releases it at once and lets the next one have the slot', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 1, windowMs: 1000 } }, slackMs: 0 }, c);
  (await limiter.acquire(key('r', 'A'))).succeeded();
  const ac = new AbortController();
  const cancelled = limiter.acquire(key('r', 'A'), ac.signal);
  const behind = burst(limiter, c, [key('r', 'A')]);
  assert.ok(limiter.waitTime('acct', 'A', 'r') >= 1000);
  ac.abort();
  await assert.rejects(cancelled, (e: unknown) => e instanceof SwasError && e.code === 'Client.Cancelled');
  await c.advance(1000);
  assert.deepStrictEqual(
    behind.granted.map((g) => g.at),
    [1000],
    'the waiter behind took the freed slot',
  );
  await assert.rejects(limiter.acquire(key('r', 'A'), AbortSignal.abort()));
});

test('no starvation: waiters for a shared bucket are served first come, first served', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 2, windowMs: 10_000, scope: 'account' } }, adaptive: false, slackMs: 0 }, c);
  const regions = Array.from({ length: 12 }, (_, i) => key(`r${i % 4}`, 'A'));
  const b = burst(limiter, c, regions);
  for (let i = 0; i < 8; i++) await c.advance(10_000);
  await Promise.all(b.all);
  assert.deepStrictEqual(
    b.granted.map((g) => g.i),
    regions.map((_, i) => i),
    'granted in arrival order',
  );
  assert.deepStrictEqual(
    b.granted.map((g) => g.at),
    [0, 0, 10_000, 10_000, 20_000, 20_000, 30_000, 30_000, 40_000, 40_000, 50_000, 50_000],
  );
});

test('a waiter held by its own region does not hold up other regions', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 1, windowMs: 10_000 } }, slackMs: 0 }, c);
  const b = burst(limiter, c, [key('r1', 'A'), key('r1', 'A'), key('r2', 'A')]);
  await c.advance(0);
  assert.deepStrictEqual(b.granted.map((g) => g.i).sort(), [0, 2]);
});

test('waits longer than 2 s are announced with the region and operation, and their end too', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 1, windowMs: 12_000 } }, slackMs: 0 }, c);
  const events: WaitEvent[] = [];
  const off = limiter.onWait((e) => events.push(e));
  (await limiter.acquire(key('cn-hangzhou', 'A'))).succeeded();
  const w = limiter.acquire(key('cn-hangzhou', 'A'));
  await c.advance(0);
  assert.deepStrictEqual(events, [{ regionId: 'cn-hangzhou', action: 'A', waitMs: 12_000 }]);
  await c.advance(12_000);
  await w;
  assert.deepStrictEqual(events[1], { regionId: 'cn-hangzhou', action: 'A', waitMs: 0 });
  // A short wait (≤ 2 s) is not announced.
  const short = createLimiter({ rules: { A: { maxCalls: 1, windowMs: 1500 } }, slackMs: 0 }, c);
  short.onWait((e) => events.push(e));
  await short.acquire(key('r', 'A'));
  const s = short.acquire(key('r', 'A'));
  await c.advance(1500);
  await s;
  assert.equal(events.length, 2);
  off();
  assert.equal(limiter.stats().waited, 1);
  assert.equal(limiter.stats().waitedMs, 12_000);
});

test('the defaults seed every operation the client calls from the published table, per region', () => {
  const r = DEFAULT_LIMITER_CONFIG.rules;
  for (const a of ['ListRegions', 'ListSnapshots', 'ListDisks', 'UpdateSnapshotAttribute', 'ResetSystem'])
    assert.deepStrictEqual(PUBLISHED_LIMITS[a], { maxCalls: 1000, windowMs: 60_000 });
  for (const a of ['CreateFirewallRule', 'RebootInstances']) assert.equal(PUBLISHED_LIMITS[a]?.maxCalls, 100);
  for (const a of [
    'ListInstances',
    'ListInstanceStatus',
    'ListCustomImages',
    'CreateSnapshot',
    'CreateCustomImage',
    'DeleteCustomImage',
    'ModifyImageShareStatus',
  ])
    assert.ok(r[a], a);
  for (const rule of Object.values(r)) assert.notEqual(rule.scope, 'account');
  assert.equal(DEFAULT_LIMITER_CONFIG.adaptive, true);
  assert.ok(DEFAULT_LIMITER_CONFIG.defaultRule);
});
