// Retries with exponential backoff and "equal jitter" (half the delay fixed, half random), capped
// in attempts and in total time. Retried: Throttling*, 5xx, transport failures (the SwasError's
// `retryable` flag, set by errorMapping). A mutating call is retried only when it carries a
// ClientToken: the same token is resent, so the server does the work at most once (fact sheet §9).
// Throttling* with a limiter that paces it (`pacedThrottling`): no backoff of its own and a
// separate, larger budget (`maxThrottleAttempts`, `maxThrottleTotalMs`): the limiter has learned
// from the answer and holds the retry until its bucket allows it, so a throttled call is retried
// unseen (same params, so the same ClientToken) and never reaches the user while retries remain.
// Sleep, random and clock are injectable so unit tests are deterministic.
import { CLIENT_CODES, SwasError } from './errors';
import { isThrottlingCode, toSwasError } from './errorMapping';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the 2nd attempt (doubles each time) for 5xx and transport failures. */
  baseDelayMs: number;
  /** Delay before the 2nd attempt after a Throttling* error (the window needs time to drain). */
  throttleBaseDelayMs: number;
  /** Cap on one delay. */
  maxDelayMs: number;
  /** No retry is started when it would end later than this after the first attempt began. */
  maxTotalMs: number;
  /** Throttled attempts retried when the limiter paces them (pacedThrottling). */
  maxThrottleAttempts: number;
  /** No paced throttling retry is started later than this after the first attempt began. */
  maxThrottleTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 400,
  throttleBaseDelayMs: 2000,
  maxDelayMs: 15_000,
  maxTotalMs: 45_000,
  maxThrottleAttempts: 8,
  maxThrottleTotalMs: 300_000,
};

export interface RetryDeps {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  now(): number;
}

export function abortError(): SwasError {
  return new SwasError({ code: CLIENT_CODES.cancelled, message: 'The request was cancelled.', retryable: false });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const realRetryDeps: RetryDeps = { sleep, random: Math.random, now: Date.now };

/** Delay before attempt `attempt + 1` (attempt ≥ 1): equal jitter over an exponential step. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number, throttled = false): number {
  const base = throttled ? policy.throttleBaseDelayMs : policy.baseDelayMs;
  const step = Math.min(policy.maxDelayMs, base * 2 ** (attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export interface RetryOptions {
  policy?: Partial<RetryPolicy>;
  deps?: RetryDeps;
  /** Mutating calls are retried only with a ClientToken. */
  mutating: boolean;
  clientToken?: string;
  signal?: AbortSignal;
  action?: string;
  /** Throttling* is paced by the limiter the attempts go through: retried at once (see above). */
  pacedThrottling?: boolean;
  onRetry?(error: SwasError, attempt: number, delayMs: number): void;
}

export function canRetry(error: SwasError, mutating: boolean, clientToken: string | undefined): boolean {
  if (!error.retryable) return false;
  return !mutating || (clientToken !== undefined && clientToken !== '');
}

/** Runs `fn(attempt)` until it succeeds or the policy says stop; throws the last SwasError. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...opts.policy };
  const deps = opts.deps ?? realRetryDeps;
  const started = deps.now();
  let throttles = 0;
  let others = 0;
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw abortError();
    try {
      return await fn(attempt);
    } catch (e) {
      const error = toSwasError(e, { action: opts.action });
      if (!canRetry(error, opts.mutating, opts.clientToken)) throw error;
      if (opts.pacedThrottling && isThrottlingCode(error.code)) {
        throttles++;
        if (throttles >= policy.maxThrottleAttempts || deps.now() - started > policy.maxThrottleTotalMs) throw error;
        opts.onRetry?.(error, attempt, 0);
        continue;
      }
      others++;
      if (others >= policy.maxAttempts) throw error;
      // A server hint (x-acs-retry-after) lengthens the delay, never shortens it.
      const delay = Math.max(backoffDelay(others, policy, deps.random, isThrottlingCode(error.code)), error.retryAfterMs ?? 0);
      if (deps.now() + delay - started > policy.maxTotalMs) throw error;
      opts.onRetry?.(error, attempt, delay);
      await deps.sleep(delay, opts.signal);
    }
  }
}
