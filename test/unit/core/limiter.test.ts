import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLimiter, DEFAULT_LIMITER_CONFIG } from '../../../src/core/limiter';
import type { LimiterDeps } from '../../../src/core/limiter';

/** Virtual time: sleeping callers wake when `advance` passes their deadline. */
function clock(): LimiterDeps & { advance(ms: number): Promise<void>; t: number } {
  const sleepers: { at: number; resolve: () => void }[] = [];
  const c = {
    t: 0,
    now: () => c.t,
    sleep: (ms: number) => new Promise<void>((resolve) => sleepers.push({ at: c.t + ms, resolve })),
    /** Moves time forward, waking each sleeper at its own deadline (in order). */
    async advance(ms: number) {
      await new Promise((r) => setImmediate(r)); // let callers that may start now record the current time
      const end = c.t + ms;
      for (;;) {
        const next = sleepers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        sleepers.splice(sleepers.indexOf(next), 1);
        c.t = Math.max(c.t, next.at);
        next.resolve();
        await new Promise((r) => setImmediate(r));
      }
      c.t = end;
      await new Promise((r) => setImmediate(r));
    },
  };
  return c;
}

test('allows a burst up to the limit at once, then spaces the rest by the window', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { ListSnapshots: { maxCalls: 3, windowMs: 60_000 } } }, c);
  const started: number[] = [];
  const calls = Array.from({ length: 5 }, () => limiter.acquire('acct', 'ListSnapshots').then(() => started.push(c.t)));
  await c.advance(0);
  assert.deepStrictEqual(started, [0, 0, 0]);
  await c.advance(59_999);
  assert.equal(started.length, 3);
  await c.advance(1);
  await Promise.all(calls);
  assert.deepStrictEqual(started, [0, 0, 0, 60_000, 60_000]);
});

test('never lets more than maxCalls start in any sliding window', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 4, windowMs: 10_000 } } }, c);
  const started: number[] = [];
  const all: Promise<unknown>[] = [];
  for (let i = 0; i < 30; i++) {
    all.push(limiter.acquire('x', 'A').then(() => started.push(c.t)));
    await c.advance(700);
  }
  for (let i = 0; i < 100 && started.length < 30; i++) await c.advance(1000);
  await Promise.all(all);
  for (const t of started) assert.ok(started.filter((u) => u > t - 10_000 && u <= t).length <= 4, `window ending ${t}`);
});

test('accounts and actions are limited separately; unlisted actions are not limited', async () => {
  const c = clock();
  const limiter = createLimiter({ rules: { A: { maxCalls: 1, windowMs: 1000 } } }, c);
  await limiter.acquire('one', 'A');
  assert.equal(limiter.waitTime('one', 'A'), 1000);
  assert.equal(limiter.waitTime('two', 'A'), 0);
  assert.equal(limiter.waitTime('one', 'B'), 0);
  await limiter.acquire('two', 'A');
  for (let i = 0; i < 50; i++) await limiter.acquire('one', 'ListInstances');
});

test('a cancelled waiter gives its slot back', async () => {
  const c = clock();
  const sleepers: ((e: Error) => void)[] = [];
  const deps: LimiterDeps = {
    now: c.now,
    sleep: (_ms, signal) => new Promise((_resolve, reject) => {
      sleepers.push(reject);
      signal?.addEventListener('abort', () => reject(new Error('aborted')));
    }),
  };
  const limiter = createLimiter({ rules: { A: { maxCalls: 1, windowMs: 1000 } } }, deps);
  await limiter.acquire('x', 'A');
  const ac = new AbortController();
  const waiting = limiter.acquire('x', 'A', ac.signal);
  assert.equal(limiter.waitTime('x', 'A'), 2000);
  ac.abort();
  await assert.rejects(waiting);
  assert.equal(limiter.waitTime('x', 'A'), 1000);
});

test('the defaults limit the four documented actions to 10 a minute', () => {
  assert.deepStrictEqual(Object.keys(DEFAULT_LIMITER_CONFIG.rules).sort(), ['CreateCustomImage', 'CreateSnapshot', 'ListRegions', 'ListSnapshots']);
  for (const r of Object.values(DEFAULT_LIMITER_CONFIG.rules)) {
    assert.equal(r.maxCalls, 10);
    assert.ok(r.windowMs >= 60_000);
  }
});
