// Per-account call spacing for the actions the API limits.
//
// Choice: a sliding-window log per (account, action). At most `maxCalls` calls start in any
// `windowMs`; a call that would exceed it waits until the oldest call in the window leaves it.
// This allows a burst of `maxCalls` at once (a region expands in one round of parallel calls), and
// unlike a token bucket it can never exceed the server's limit over a sliding minute (a full
// bucket plus a minute of refill would allow 2 × the limit in ~60 s). Defaults follow the fact
// sheet: 10 calls / minute per account for ListRegions, ListSnapshots, CreateSnapshot and
// CreateCustomImage; the window gets 1 s of slack for clock and network skew. Other actions are
// not limited. Everything is configurable; clock and sleep are injectable for tests.
import { abortError, sleep as realSleep } from './retry';

export interface LimitRule {
  maxCalls: number;
  windowMs: number;
}

export interface LimiterConfig {
  /** Rules by action; actions without a rule are not limited. */
  rules: Record<string, LimitRule>;
}

const DOC_LIMIT: LimitRule = { maxCalls: 10, windowMs: 61_000 };

export const DEFAULT_LIMITER_CONFIG: LimiterConfig = {
  rules: {
    ListRegions: DOC_LIMIT,
    ListSnapshots: DOC_LIMIT,
    CreateSnapshot: DOC_LIMIT,
    CreateCustomImage: DOC_LIMIT,
  },
};

export interface LimiterDeps {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface Limiter {
  /** Resolves when a call of `action` for `account` may start (and counts it as started). */
  acquire(account: string, action: string, signal?: AbortSignal): Promise<void>;
  /** How long a call would wait now, in ms (0 when it may start at once). */
  waitTime(account: string, action: string): number;
}

export function createLimiter(config: Partial<LimiterConfig> = {}, deps: LimiterDeps = { now: Date.now, sleep: realSleep }): Limiter {
  const rules = config.rules ?? DEFAULT_LIMITER_CONFIG.rules;
  /** Start times of granted calls (and reserved future slots), ascending, per account+action. */
  const logs = new Map<string, number[]>();

  function logFor(key: string, rule: LimitRule, now: number): number[] {
    const log = (logs.get(key) ?? []).filter((t) => t > now - rule.windowMs);
    logs.set(key, log);
    return log;
  }

  /** Reserves the earliest slot and returns its start time. */
  function reserve(key: string, rule: LimitRule, now: number): number {
    const log = logFor(key, rule, now);
    const slot = log.length < rule.maxCalls ? now : Math.max(now, (log[log.length - rule.maxCalls] ?? now) + rule.windowMs);
    log.push(slot);
    log.sort((a, b) => a - b);
    return slot;
  }

  return {
    waitTime(account, action) {
      const rule = rules[action];
      if (!rule) return 0;
      const now = deps.now();
      const log = logFor(`${account}\u0000${action}`, rule, now);
      if (log.length < rule.maxCalls) return 0;
      return Math.max(0, (log[log.length - rule.maxCalls] ?? now) + rule.windowMs - now);
    },
    async acquire(account, action, signal) {
      if (signal?.aborted) throw abortError();
      const rule = rules[action];
      if (!rule || rule.maxCalls <= 0) return;
      const key = `${account}\u0000${action}`;
      const now = deps.now();
      const slot = reserve(key, rule, now);
      if (slot <= now) return;
      try {
        await deps.sleep(slot - now, signal);
      } catch (e) {
        // Give the slot back so a cancelled caller does not delay the others.
        const log = logs.get(key);
        const i = log?.indexOf(slot) ?? -1;
        if (log && i >= 0) log.splice(i, 1);
        throw e;
      }
    },
  };
}
