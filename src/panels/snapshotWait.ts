// The form's wait for a snapshot it asked for: it follows the tree's own updates of the region
// (the transition poller already polls progressing snapshots) and makes no call itself. Ends at
// the first settled or failed state, when the snapshot disappears, on abort, or at the deadline.
import type { RegionData, Snapshot } from '../core/model';
import type { Unsubscribe } from './createImageDeps';

export type SnapshotOutcome = 'accomplished' | 'failed' | 'gone' | 'aborted' | 'timeout';

export interface SnapshotWaitDeps {
  cachedRegion(regionId: string): RegionData | undefined;
  watchRegion(regionId: string, listener: () => void): Unsubscribe;
}

export const SNAPSHOT_WAIT_MS = 15 * 60_000;

function findSnapshot(data: RegionData, snapshotId: string): Snapshot | undefined {
  for (const list of data.snapshotsByInstance.values()) {
    const s = list.find((x) => x.snapshotId === snapshotId);
    if (s) return s;
  }
  return undefined;
}

/** A settled status (any casing, A1), or undefined while progressing or unknown. */
export function settledOutcome(status: string | undefined): 'accomplished' | 'failed' | undefined {
  const st = String(status ?? '').toLowerCase();
  return st === 'accomplished' ? 'accomplished' : st === 'failed' ? 'failed' : undefined;
}

export function waitForSnapshot(
  deps: SnapshotWaitDeps,
  regionId: string,
  snapshotId: string,
  signal: AbortSignal,
  timeoutMs = SNAPSHOT_WAIT_MS,
): Promise<SnapshotOutcome> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve('aborted');
    let done = false;
    const finish = (o: SnapshotOutcome): void => {
      if (done) return;
      done = true;
      sub.dispose();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(o);
    };
    const onAbort = (): void => finish('aborted');
    let seen = false;
    const check = (): void => {
      const data = deps.cachedRegion(regionId);
      const s = data ? findSnapshot(data, snapshotId) : undefined;
      if (s) seen = true;
      // Gone only once it was listed: a reload that raced the create may not list it yet.
      const o = s ? settledOutcome(s.status) : seen && data ? 'gone' : undefined;
      if (o) finish(o);
    };
    const sub = deps.watchRegion(regionId, check);
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    if (typeof timer === 'object' && 'unref' in timer) timer.unref();
    signal.addEventListener('abort', onAbort);
    check();
  });
}
