// Figures read from the emulator's request log: calls per action, and sequential round trips.
import type { LoggedRequest } from './emulator';

export interface RequestStats {
  calls: number;
  byAction: Record<string, number>;
  /** Longest chain of requests each of which started only after the previous one answered. */
  roundTrips: number;
  /** Responses with an error code (throttling included). */
  errors: number;
  throttled: number;
}

const SLACK_MS = 2;

interface Span {
  start: number;
  end: number;
}

/**
 * The critical path in round trips: a request's depth is 1 + the largest depth among requests
 * that had already answered when it arrived. Requests sent together (a parallel fan-out) share a
 * depth; a loop that awaits each call before the next one adds 1 per call. The log's `time` is
 * written when the response is sent and `ms` is measured from the request's arrival; both are read
 * from the clock separately, so a request counts as "after" another when it arrived no more than
 * SLACK_MS before that one's response (far less than the injected latency of parallel requests).
 */
export function sequentialRoundTrips(entries: LoggedRequest[]): number {
  const spans: Span[] = entries.map((e) => {
    const end = Date.parse(e.time);
    return { start: end - e.ms, end };
  });
  spans.sort((a, b) => a.start - b.start);
  const byEnd = [...spans.keys()].sort((a, b) => (spans[a]?.end ?? 0) - (spans[b]?.end ?? 0));
  const depth = new Array<number>(spans.length).fill(0);
  // Sweep in start order; `best` is the largest depth among spans that ended at or before `start`.
  let best = 0;
  let j = 0;
  for (let i = 0; i < spans.length; i++) {
    const start = spans[i]?.start ?? 0;
    for (; j < byEnd.length; j++) {
      const k = byEnd[j] ?? 0;
      if ((spans[k]?.end ?? 0) > start + SLACK_MS) break;
      best = Math.max(best, depth[k] ?? 0);
    }
    depth[i] = best + 1;
  }
  return Math.max(0, ...depth);
}

export function requestStats(entries: LoggedRequest[]): RequestStats {
  const byAction: Record<string, number> = {};
  for (const e of entries) byAction[e.action] = (byAction[e.action] ?? 0) + 1;
  return {
    calls: entries.length,
    byAction,
    roundTrips: sequentialRoundTrips(entries),
    errors: entries.filter((e) => e.httpStatus >= 400 || e.httpStatus === 0).length,
    throttled: entries.filter((e) => e.code.startsWith('Throttling')).length,
  };
}
