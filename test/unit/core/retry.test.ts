import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, DEFAULT_RETRY_POLICY, withRetry } from '../../../src/core/retry';
import type { RetryDeps, RetryPolicy } from '../../../src/core/retry';
import { SwasError } from '../../../src/core/errors';

/** A virtual clock: sleep advances it and records the delays. */
function fakeDeps(random = 0.5): RetryDeps & { delays: number[] } {
  let t = 0;
  const delays: number[] = [];
  return {
    delays,
    now: () => t,
    random: () => random,
    sleep: (ms) => {
      delays.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

const err = (code: string, retryable: boolean): SwasError => new SwasError({ code, message: code, retryable });
const policy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 100,
  throttleBaseDelayMs: 1000,
  maxDelayMs: 1500,
  maxTotalMs: 100_000,
  maxThrottleAttempts: 8,
  maxThrottleTotalMs: 300_000,
};

test('backoff doubles per attempt, is capped, and jitters within [half, full] of the step', () => {
  assert.deepStrictEqual(
    [1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 1)),
    [100, 200, 400, 800, 1500],
  );
  assert.deepStrictEqual(
    [1, 2, 3].map((a) => backoffDelay(a, policy, () => 0)),
    [50, 100, 200],
  );
  assert.deepStrictEqual(
    [1, 2, 3].map((a) => backoffDelay(a, policy, () => 1, true)),
    [1000, 1500, 1500],
  );
});

test('retries a retryable failure until it succeeds, with growing delays', async () => {
  const deps = fakeDeps(1);
  let calls = 0;
  const out = await withRetry(
    async () => {
      calls++;
      if (calls < 3) throw err('InternalError', true);
      return 'ok';
    },
    { policy, deps, mutating: false },
  );
  assert.equal(out, 'ok');
  assert.equal(calls, 3);
  assert.deepStrictEqual(deps.delays, [100, 200]);
});

test('throttling errors wait longer than server errors', async () => {
  const deps = fakeDeps(1);
  let calls = 0;
  await withRetry(
    async () => {
      if (++calls === 1) throw err('Throttling.User', true);
      return 1;
    },
    { policy, deps, mutating: false },
  );
  assert.deepStrictEqual(deps.delays, [1000]);
});

test('stops after maxAttempts and throws the last error', async () => {
  const deps = fakeDeps();
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw err('ServiceUnavailable', true);
      },
      { policy: { ...policy, maxAttempts: 3 }, deps, mutating: false },
    ),
    (e: unknown) => e instanceof SwasError && e.code === 'ServiceUnavailable',
  );
  assert.equal(calls, 3);
});

test('stops when the next delay would pass the total time cap', async () => {
  const deps = fakeDeps(1);
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw err('InternalError', true);
      },
      { policy: { ...policy, maxTotalMs: 350 }, deps, mutating: false },
    ),
  );
  assert.equal(calls, 3); // delays 100 + 200 = 300 fit; the next (400) would not
});

test('does not retry a non-retryable error', async () => {
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw err('InvalidParameter', false);
      },
      { policy, deps: fakeDeps(), mutating: false },
    ),
  );
  assert.equal(calls, 1);
});

test('a mutating call is retried only when it has a ClientToken', async () => {
  let calls = 0;
  const failing = async (): Promise<never> => {
    calls++;
    throw err('Transport.ConnectionReset', true);
  };
  await assert.rejects(withRetry(failing, { policy, deps: fakeDeps(), mutating: true }));
  assert.equal(calls, 1);
  calls = 0;
  await assert.rejects(withRetry(failing, { policy, deps: fakeDeps(), mutating: true, clientToken: 'tok-1' }));
  assert.equal(calls, policy.maxAttempts);
});

test('a raw thrown value is mapped to a SwasError before deciding', async () => {
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
      { policy: { ...policy, maxAttempts: 2 }, deps: fakeDeps(), mutating: false },
    ),
    (e: unknown) => e instanceof SwasError && e.code === 'Transport.ConnectionRefused',
  );
  assert.equal(calls, 2);
});

test('an aborted signal stops before the next attempt', async () => {
  const ac = new AbortController();
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        ac.abort();
        throw err('InternalError', true);
      },
      { policy, deps: fakeDeps(), mutating: false, signal: ac.signal },
    ),
    (e: unknown) => e instanceof SwasError && e.code === 'Client.Cancelled',
  );
  assert.equal(calls, 1);
});

test('the default policy is bounded: at most 4 attempts within 45 s', () => {
  assert.equal(DEFAULT_RETRY_POLICY.maxAttempts, 4);
  assert.ok(DEFAULT_RETRY_POLICY.maxTotalMs <= 45_000);
});

test('a retry-after hint from the server lengthens the delay', async () => {
  const deps = fakeDeps(1);
  let calls = 0;
  await withRetry(
    async () => {
      if (++calls === 1) throw new SwasError({ code: 'Throttling.User', message: 't', retryable: true, retryAfterMs: 5000 });
      return 1;
    },
    { policy, deps, mutating: false },
  );
  assert.deepStrictEqual(deps.delays, [5000]);
});

test('paced throttling: retried at once (the limiter waits), beyond maxAttempts, with the same call', async () => {
  const deps = fakeDeps(1);
  const tokens: string[] = [];
  let calls = 0;
  const out = await withRetry(
    async () => {
      tokens.push('t-1');
      if (++calls <= 6) throw err('Throttling.User', true);
      return 'ok';
    },
    { policy: { ...policy, maxAttempts: 3 }, deps, mutating: true, clientToken: 't-1', pacedThrottling: true },
  );
  assert.equal(out, 'ok');
  assert.equal(calls, 7);
  assert.deepStrictEqual(deps.delays, [], 'no backoff sleeps of its own');
  assert.deepStrictEqual(new Set(tokens), new Set(['t-1']));
});

test('paced throttling still ends: after maxThrottleAttempts the Throttling error reaches the caller', async () => {
  const deps = fakeDeps(1);
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw err('Throttling.User', true);
      },
      { policy: { ...policy, maxThrottleAttempts: 4 }, deps, mutating: false, pacedThrottling: true },
    ),
    (e: unknown) => e instanceof SwasError && e.code === 'Throttling.User',
  );
  assert.equal(calls, 4);
});

test('paced throttling does not retry a write without a ClientToken', async () => {
  let calls = 0;
  await assert.rejects(
    withRetry(
      async () => {
        calls++;
        throw err('Throttling.User', true);
      },
      { policy, deps: fakeDeps(), mutating: true, pacedThrottling: true },
    ),
  );
  assert.equal(calls, 1);
});
