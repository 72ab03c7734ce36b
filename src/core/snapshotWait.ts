// Following a snapshot that was just created, until it settles — with an end: a deadline, an
// AbortSignal (the user cancels, the session changes), and a cap on consecutive read failures
// (the write succeeded: a read that keeps failing means "still being created, see the tree",
// not "the create failed"). The snapshot is looked up by its ID. Clock and sleep are injectable.
import { SwasError, CLIENT_CODES } from './errors';
import type { Snapshot } from './model';
import { sleep as realSleep } from './retry';
import type { SwasApi } from './swasApi';

export type SnapshotWaitOutcome =
  /** Accomplished or failed: see `snapshot.status`. */
  | { kind: 'settled'; snapshot: Snapshot }
  | { kind: 'timeout'; snapshot: Snapshot | undefined }
  | { kind: 'cancelled'; snapshot: Snapshot | undefined }
  /** Reads failed `maxReadFailures` times in a row after the create succeeded. */
  | { kind: 'unreadable'; snapshot: Snapshot | undefined; error: unknown };

export interface SnapshotWaitOptions {
  /** Reads the snapshot (by ID); undefined while it is not listed (yet). */
  lookup(signal: AbortSignal): Promise<Snapshot | undefined>;
  signal: AbortSignal;
  /** Default 10 minutes. */
  deadlineMs?: number;
  /** Default 3. */
  maxReadFailures?: number;
  /** Delay before read n+1 (n from 0); default 3 s growing by half up to 15 s. */
  intervalMs?(n: number): number;
  onProgress?(snapshot: Snapshot | undefined): void;
  now?(): number;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
}

export const SNAPSHOT_WAIT_DEADLINE_MS = 10 * 60_000;
/** ListSnapshots is limited (~10 a minute): at most 4 reads a minute once the wait is long. */
export const SNAPSHOT_WAIT_MAX_INTERVAL_MS = 15_000;

export function defaultSnapshotInterval(n: number): number {
  return Math.min(SNAPSHOT_WAIT_MAX_INTERVAL_MS, Math.round(3000 * 1.5 ** n));
}

/** The one place that decides whether a snapshot status is final (case-insensitively). */
export function isSettledSnapshotStatus(status: string): boolean {
  const s = status.trim().toLowerCase();
  return s === 'accomplished' || s === 'failed';
}

const cancelled = (e: unknown, signal: AbortSignal): boolean =>
  signal.aborted || (e instanceof SwasError && e.code === CLIENT_CODES.cancelled);

export async function waitForSnapshot(o: SnapshotWaitOptions): Promise<SnapshotWaitOutcome> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? realSleep;
  const interval = o.intervalMs ?? defaultSnapshotInterval;
  const deadline = now() + (o.deadlineMs ?? SNAPSHOT_WAIT_DEADLINE_MS);
  const maxFailures = o.maxReadFailures ?? 3;
  let last: Snapshot | undefined;
  let failures = 0;
  for (let n = 0; ; n++) {
    if (o.signal.aborted) return { kind: 'cancelled', snapshot: last };
    try {
      const s = await o.lookup(o.signal);
      failures = 0;
      if (s) last = s;
      o.onProgress?.(s);
      if (s && isSettledSnapshotStatus(s.status)) return { kind: 'settled', snapshot: s };
    } catch (e) {
      if (cancelled(e, o.signal)) return { kind: 'cancelled', snapshot: last };
      if (++failures >= maxFailures) return { kind: 'unreadable', snapshot: last, error: e };
    }
    if (now() >= deadline) return { kind: 'timeout', snapshot: last };
    try {
      await sleep(Math.min(interval(n), Math.max(0, deadline - now())), o.signal);
    } catch {
      return { kind: 'cancelled', snapshot: last };
    }
  }
}

/** Looks one snapshot up by ID (SnapshotIds filter). A "not found" answer (A4) reads as not listed. */
export async function lookupSnapshotById(
  api: SwasApi,
  regionId: string,
  snapshotId: string,
  signal?: AbortSignal,
): Promise<Snapshot | undefined> {
  try {
    const page = await api.listSnapshots(regionId, { snapshotIds: [snapshotId], pageSize: 10 }, { fresh: true, signal });
    return page.items.find((s) => s.snapshotId === snapshotId);
  } catch (e) {
    if (e instanceof SwasError && e.code.endsWith('.NotFound')) return undefined;
    throw e;
  }
}
