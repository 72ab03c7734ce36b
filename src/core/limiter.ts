// Client-side rate control: adaptive, keyed by what the service counts.
//
// Key. The current SWAS quota table counts calls per (main account, region, operation)
// ("regionId, API, ParentUid", swas-api-2 A2). The client does not know the main account's id,
// so the AccessKey ID stands in for it: two keys of one account (or an STS key) get separate
// buckets, which can only make the client less careful, never more, and the adaptive part below
// then learns the shared limit from the first Throttling answer. Older pages count 10 calls a
// minute per account across all regions; so every (account, operation) also has an account-wide
// bucket, open until a throttle shows that the regions share a limit.
//
// Bucket. A token bucket whose tokens come back one window after they were taken (a sliding-window
// log): at most `limit` calls start in any window, so a server counting a sliding minute is never
// exceeded by the client's own burst (a classic refilling bucket would allow 2 × the limit in
// ~60 s). A call whose answer is Throttling* gives its token back (the server did not count it).
//
// Adaptive, like the AWS SDKs' "adaptive" retry mode (CUBIC increase, multiplicative decrease):
//  - a Throttling* answer drops the limit sharply: to β = 0.7 of what demonstrably went through in
//    the window (never above the current limit), once per congestion event (answers to calls
//    granted before the drop do not drop it again). A server hint (x-acs-retry-after) also holds
//    the bucket closed until then. When nothing of ours went through in the window there is no
//    rate to learn: the bucket is only held (for the hint, or a tenth of the window). The hint
//    also bounds the server's window (hint + age of our oldest call in it): a bucket whose window
//    turns out shorter than the seed's learns that too;
//  - while calls succeed the limit grows back on a cubic curve: it is back at the last maximum one
//    window after the drop (when the server's window has drained), then grows faster and faster;
//    above the last maximum only as far as twice the calls actually made in the window (no
//    growth without demand, as the AWS limiter caps at 2 × the measured rate).
// Seeds: the published table (A2); seeded buckets start on the plateau at the seed.
//
// Waiters are served first come, first served per bucket (a waiter held only by its own region's
// bucket does not hold up other regions): nobody starves. Cancelling (AbortSignal) leaves the
// queue at once. Clock and sleep are injectable (unit tests run on a virtual clock).
import { abortError, sleep as realSleep } from './retry';

export interface LimitRule {
  maxCalls: number;
  windowMs: number;
  /** What the server counts: per region (the current quota table, default) or per account across regions. */
  scope?: 'region' | 'account';
}

export interface LimiterConfig {
  /** Seeds (or fixed limits when not adaptive) by operation. */
  rules: Record<string, LimitRule>;
  /** Seed for operations not in `rules`; null: open until a throttle (the default when `rules` is given). */
  defaultRule: LimitRule | null;
  /** false: a fixed schedule (no learning), as the limits in `rules` say. */
  adaptive: boolean;
  /** Slack added to every window for clock and network skew. */
  slackMs: number;
  /** Waits longer than this are announced through `onWait`. */
  waitNoticeMs: number;
}

const MINUTE = 60_000;
const perMinute = (maxCalls: number): LimitRule => ({ maxCalls, windowMs: MINUTE });

/**
 * Seeds from the current SWAS quota table (A2), per region, operation and account. Published:
 * ListRegions, ListSnapshots, ListDisks, UpdateSnapshotAttribute, ResetSystem 1000/60 s;
 * CreateFirewallRule, RebootInstances 100/60 s; AllocatePublicConnection 50/60 s;
 * ListInstancesTrafficPackages 60/60 s. Not published there (seed chosen): the other reads at
 * 1000/60 s like the published list calls, the other writes at 100/60 s like the published writes.
 * Why optimistic: a seed that is too high costs one Throttling answer, after which the bucket has
 * learned the real limit and the call is retried unseen; a seed that is too low (10/min, the 2021
 * and Jan 2024 pages) would make every user wait for minutes when the account's real limit is 100
 * times higher.
 */
export const PUBLISHED_LIMITS: Record<string, LimitRule> = {
  ListRegions: perMinute(1000),
  ListSnapshots: perMinute(1000),
  ListDisks: perMinute(1000),
  UpdateSnapshotAttribute: perMinute(1000),
  ResetSystem: perMinute(1000),
  CreateFirewallRule: perMinute(100),
  RebootInstances: perMinute(100),
  AllocatePublicConnection: perMinute(50),
  ListInstancesTrafficPackages: perMinute(60),
};

const CHOSEN_SEEDS: Record<string, LimitRule> = {
  ListInstances: perMinute(1000),
  ListInstanceStatus: perMinute(1000),
  ListCustomImages: perMinute(1000),
  ListImages: perMinute(1000),
  CreateSnapshot: perMinute(100),
  DeleteSnapshot: perMinute(100),
  DeleteSnapshots: perMinute(100),
  CreateCustomImage: perMinute(100),
  DeleteCustomImage: perMinute(100),
  DeleteCustomImages: perMinute(100),
  ModifyImageShareStatus: perMinute(100),
};

export const DEFAULT_LIMITER_CONFIG: LimiterConfig = {
  rules: { ...CHOSEN_SEEDS, ...PUBLISHED_LIMITS },
  defaultRule: perMinute(100),
  adaptive: true,
  slackMs: 1000,
  waitNoticeMs: 2000,
};

/** Multiplicative decrease factor (AWS: 0.7). */
export const BETA = 0.7;

export interface LimiterDeps {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface CallKey {
  /** The account stand-in: the AccessKey ID. */
  account: string;
  regionId: string;
  action: string;
}

/** A call's wait, announced when it exceeds `waitNoticeMs`; `waitMs` 0 = that wait ended. */
export interface WaitEvent {
  regionId: string;
  action: string;
  waitMs: number;
}

export interface LimiterStats {
  granted: number;
  /** Calls that had to wait, and their waits in all (ms). */
  waited: number;
  waitedMs: number;
  throttled: number;
  /** Limit drops (congestion events). */
  decreases: number;
}

/** The outcome of a granted call, reported once. */
export interface Permit {
  succeeded(): void;
  /** A Throttling* answer: the token goes back and the bucket learns. */
  throttled(retryAfterMs?: number): void;
  /** Any other failure (the server may have counted it: the token is kept). */
  failed(): void;
}

export interface Limiter {
  /** True when the limiter learns from Throttling* (then it also paces the retries). */
  readonly adaptive: boolean;
  /** Resolves when the call may start. */
  acquire(key: CallKey, signal?: AbortSignal): Promise<Permit>;
  /** How long a call would wait now (ms); without a region, the account-wide bucket only. */
  waitTime(account: string, action: string, regionId?: string): number;
  /** Announced waits; returns the unsubscribe function. */
  onWait(listener: (e: WaitEvent) => void): () => void;
  stats(): LimiterStats;
}

interface Token {
  at: number;
  /** out: in flight; ok: the server answered; refunded: throttled (not counted by the server). */
  state: 'out' | 'ok' | 'failed' | 'refunded';
}

interface Bucket {
  windowMs: number;
  /** Infinity: open (no limit known). */
  lastMax: number;
  /** Time of the last drop (or of the seed); the cubic curve is measured from it. */
  epoch: number;
  /** False until the first drop: a seed holds for one window before it may grow. */
  dropped: boolean;
  blockedUntil: number;
  tokens: Token[];
}

interface Waiter {
  buckets: Bucket[];
  regionId: string;
  action: string;
  since: number;
  announced: boolean;
  resolve(p: Permit): void;
  reject(e: unknown): void;
  cleanup(): void;
}

interface Queue {
  waiters: Waiter[];
  pumping: boolean;
  wake: AbortController | undefined;
}

export function createLimiter(config: Partial<LimiterConfig> = {}, deps: LimiterDeps = { now: Date.now, sleep: realSleep }): Limiter {
  const rules = config.rules ?? DEFAULT_LIMITER_CONFIG.rules;
  const defaultRule = config.defaultRule !== undefined ? config.defaultRule : config.rules ? null : DEFAULT_LIMITER_CONFIG.defaultRule;
  const adaptive = config.adaptive ?? DEFAULT_LIMITER_CONFIG.adaptive;
  const slackMs = config.slackMs ?? DEFAULT_LIMITER_CONFIG.slackMs;
  const waitNoticeMs = config.waitNoticeMs ?? DEFAULT_LIMITER_CONFIG.waitNoticeMs;
  const buckets = new Map<string, Bucket>();
  const queues = new Map<string, Queue>();
  const listeners = new Set<(e: WaitEvent) => void>();
  const stats: LimiterStats = { granted: 0, waited: 0, waitedMs: 0, throttled: 0, decreases: 0 };

  function bucketFor(key: string, rule: LimitRule | null, seeded: boolean, windowMs: number): Bucket {
    let b = buckets.get(key);
    if (!b) {
      const w = rule?.windowMs ?? windowMs;
      // A seeded bucket starts at the seed (the plateau), an open one at ∞.
      b = {
        windowMs: w,
        lastMax: seeded && rule ? rule.maxCalls : Infinity,
        epoch: deps.now(),
        dropped: false,
        blockedUntil: 0,
        tokens: [],
      };
      buckets.set(key, b);
    }
    return b;
  }

  function bucketsOf(k: CallKey): [region: Bucket, account: Bucket] {
    const rule = rules[k.action] ?? defaultRule;
    const accountScoped = rule?.scope === 'account';
    const windowMs = rule?.windowMs ?? MINUTE;
    const region = bucketFor(`${k.account}\u0000${k.regionId}\u0000${k.action}`, rule, !accountScoped, windowMs);
    const account = bucketFor(`${k.account}\u0000*\u0000${k.action}`, rule, accountScoped, windowMs);
    return [region, account];
  }

  const span = (b: Bucket): number => b.windowMs + slackMs;

  /** Tokens still out (taken within the window and not given back); drops the old ones. */
  function count(b: Bucket, now: number): number {
    while (b.tokens.length > 0 && (b.tokens[0]?.at ?? now) + span(b) <= now) b.tokens.shift();
    return b.tokens.reduce((n, t) => n + (t.state === 'refunded' ? 0 : 1), 0);
  }

  /** Calls answered with success within the window: what demonstrably went through. */
  function okCount(b: Bucket, now: number): number {
    count(b, now);
    return b.tokens.reduce((n, t) => n + (t.state === 'ok' ? 1 : 0), 0);
  }

  /** The cubic curve: β·lastMax at the drop, lastMax one window later, growing after that. */
  function cubic(b: Bucket, now: number): number {
    const raw = (now - b.epoch - b.windowMs) / b.windowMs;
    const x = b.dropped ? raw : Math.max(0, raw);
    return b.lastMax * (1 + (1 - BETA) * x ** 3);
  }

  function limitAt(b: Bucket, now: number): number {
    if (b.lastMax === Infinity) return Infinity;
    if (!adaptive) return b.lastMax;
    const cap = Math.max(b.lastMax, 2 * count(b, now));
    return Math.max(1, Math.min(cubic(b, now), cap));
  }

  /** When a call could take a token from `b` (now or later), given `ahead` waiters before it. */
  function availableAt(b: Bucket, now: number, ahead = 0): number {
    const blocked = Math.max(now, b.blockedUntil);
    if (b.lastMax === Infinity) return blocked;
    const n = count(b, now);
    const limit = Math.floor(limitAt(b, now) + 1e-9);
    const need = n + ahead + 1 - limit; // tokens that must come back first
    if (need <= 0) return blocked;
    const live = b.tokens.filter((t) => t.state !== 'refunded');
    let at: number;
    if (need <= live.length) at = (live[need - 1]?.at ?? now) + span(b);
    else at = (live[live.length - 1]?.at ?? now) + span(b) + Math.ceil((need - live.length) / Math.max(1, limit)) * span(b);
    // The limit may grow past the tokens out before one comes back (only for the head of the line).
    if (adaptive && ahead === 0 && n + 1 <= Math.max(b.lastMax, 2 * n)) {
      const x = Math.cbrt(((n + 1) / b.lastMax - 1) / (1 - BETA));
      const grown = Math.ceil(b.epoch + b.windowMs + x * b.windowMs);
      if (grown > now) at = Math.min(at, grown);
    }
    return Math.max(at, blocked);
  }

  function emit(e: WaitEvent): void {
    for (const l of [...listeners]) {
      try {
        l(e);
      } catch {
        // a listener's failure is not the caller's
      }
    }
  }

  function decrease(b: Bucket, now: number, retryAfterMs: number | undefined): void {
    // The hint tells how long the server's window still holds its oldest call: hint + the age of
    // our oldest call that went through bounds the server's window. A shorter one than we assumed
    // (or a throttle that is not about our rate at all) then costs a short window, not a minute.
    const oldest = b.tokens.find((t) => t.state === 'ok');
    if (retryAfterMs !== undefined && retryAfterMs > 0 && oldest)
      b.windowMs = Math.min(b.windowMs, Math.max(1000, Math.round(retryAfterMs + now - oldest.at)));
    b.lastMax = Math.max(1, Math.min(limitAt(b, now), okCount(b, now)));
    b.epoch = now;
    b.dropped = true;
    stats.decreases++;
  }

  function permitFor(q: Queue, region: Bucket, account: Bucket, token: Token, grantedAt: number): Permit {
    let reported = false;
    const once = (): boolean => {
      if (reported) return false;
      reported = true;
      return true;
    };
    return {
      succeeded() {
        if (!once()) return;
        token.state = 'ok';
        // A late success of a call granted before the last drop: the limit is at least what went
        // through in that window (answers to one burst arrive in any order).
        const now = deps.now();
        for (const b of [region, account]) if (b.dropped && grantedAt <= b.epoch) b.lastMax = Math.max(b.lastMax, okCount(b, now));
      },
      failed() {
        if (once()) token.state = 'failed';
      },
      throttled(retryAfterMs) {
        if (!once()) return;
        stats.throttled++;
        const now = deps.now();
        token.state = 'refunded';
        if (adaptive) {
          // Which bucket the server counted: when other regions used this operation in the window,
          // the limit is (likely) shared by the account; otherwise it is this region's.
          const nRegion = count(region, now);
          const nAccount = count(account, now);
          const b = nAccount > nRegion ? account : region;
          if (okCount(b, now) === 0) {
            // Nothing of ours went through in the window: no rate to learn from (another client
            // of the account, or a passing hiccup). Hold the bucket for the hint, or a tenth of
            // the window, and keep the limit.
            b.blockedUntil = Math.max(b.blockedUntil, now + (retryAfterMs && retryAfterMs > 0 ? retryAfterMs : b.windowMs / 10));
          } else {
            if (!b.dropped || grantedAt > b.epoch) decrease(b, now, retryAfterMs);
            if (retryAfterMs !== undefined && retryAfterMs > 0) b.blockedUntil = Math.max(b.blockedUntil, now + retryAfterMs);
          }
        }
        wake(q);
      },
    };
  }

  function grant(q: Queue, w: Waiter, now: number): void {
    const token: Token = { at: now, state: 'out' };
    // One token object for both levels: a refund gives it back to both.
    for (const b of w.buckets) {
      b.tokens.push(token);
    }
    stats.granted++;
    const waited = now - w.since;
    if (waited > 0) {
      stats.waited++;
      stats.waitedMs += waited;
    }
    w.cleanup();
    if (w.announced) emit({ regionId: w.regionId, action: w.action, waitMs: 0 });
    const [region, account] = w.buckets as [Bucket, Bucket];
    w.resolve(permitFor(q, region, account, token, now));
  }

  function wake(q: Queue): void {
    // (the pump re-reads every bucket when woken)
    if (q.pumping) q.wake?.abort();
    else if (q.waiters.length > 0) void pump(q);
  }

  async function pump(q: Queue): Promise<void> {
    q.pumping = true;
    try {
      while (q.waiters.length > 0) {
        const now = deps.now();
        let next = Infinity;
        const held = new Set<Bucket>();
        const aheadIn = new Map<Bucket, number>();
        for (const w of [...q.waiters]) {
          if (w.buckets.some((b) => held.has(b))) {
            for (const b of w.buckets) aheadIn.set(b, (aheadIn.get(b) ?? 0) + 1);
            continue;
          }
          const at = Math.max(...w.buckets.map((b) => availableAt(b, now)));
          if (at <= now) {
            q.waiters.splice(q.waiters.indexOf(w), 1);
            grant(q, w, now);
            continue;
          }
          for (const b of w.buckets) if (availableAt(b, now) > now) held.add(b);
          next = Math.min(next, at);
          if (!w.announced) {
            const estimate = Math.max(...w.buckets.map((b) => availableAt(b, now, aheadIn.get(b) ?? 0))) - now;
            if (estimate > waitNoticeMs) {
              w.announced = true;
              emit({ regionId: w.regionId, action: w.action, waitMs: estimate });
            }
          }
          for (const b of w.buckets) aheadIn.set(b, (aheadIn.get(b) ?? 0) + 1);
        }
        if (q.waiters.length === 0) break;
        const ac = new AbortController();
        q.wake = ac;
        try {
          await deps.sleep(Math.min(Math.max(1, next - now), 60_000), ac.signal);
        } catch {
          // woken early: state changed
        }
        q.wake = undefined;
      }
    } finally {
      q.pumping = false;
    }
  }

  return {
    adaptive,
    acquire(k, signal) {
      if (signal?.aborted) return Promise.reject(abortError());
      const qKey = `${k.account}\u0000${k.action}`;
      let q = queues.get(qKey);
      if (!q) queues.set(qKey, (q = { waiters: [], pumping: false, wake: undefined }));
      const queue = q;
      return new Promise<Permit>((resolve, reject) => {
        const onAbort = (): void => {
          const i = queue.waiters.indexOf(w);
          if (i < 0) return;
          queue.waiters.splice(i, 1);
          if (w.announced) emit({ regionId: w.regionId, action: w.action, waitMs: 0 });
          reject(abortError());
          wake(queue);
        };
        const w: Waiter = {
          buckets: bucketsOf(k),
          regionId: k.regionId,
          action: k.action,
          since: deps.now(),
          announced: false,
          resolve,
          reject,
          cleanup: () => signal?.removeEventListener('abort', onAbort),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.waiters.push(w);
        // Fast path: nobody ahead and the buckets allow it now.
        const now = deps.now();
        if (queue.waiters.length === 1 && w.buckets.every((b) => availableAt(b, now) <= now)) {
          queue.waiters.pop();
          grant(queue, w, now);
          return;
        }
        wake(queue);
      });
    },
    waitTime(account, action, regionId) {
      const now = deps.now();
      const [region, acct] = bucketsOf({ account, action, regionId: regionId ?? '*' });
      const ahead = queues.get(`${account}\u0000${action}`)?.waiters.length ?? 0;
      const list = regionId === undefined ? [acct] : [region, acct];
      return Math.max(0, ...list.map((b) => availableAt(b, now, ahead) - now));
    },
    onWait(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stats: () => ({ ...stats }),
  };
}
