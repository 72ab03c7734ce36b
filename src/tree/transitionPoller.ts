// Polls only the items in a transitional state (servers starting/stopping, snapshots
// progressing, images creating), per region, with backoff, until they settle. Two lanes per
// region, each with its own timer: servers and snapshots start at the setting's interval;
// creating images start at 10 s (they take minutes), both ×1.5 each round up to 60 s. Each
// change is handed to the sink, which refreshes just that node.
//
// Servers are followed with ListInstanceStatus (one call per 100 servers per round, whatever
// their number); only servers whose status changed are read in full. Every ID filter is sent in
// chunks of at most 100 (the API's limit). An item missing from the answer, or whose ID filter is
// answered with a "not found" error (A4: InternalError for ListInstances, *.NotFound for
// ListSnapshots), is gone: it is no longer tracked and its region is refreshed once; if a fresh
// read still lists it and it is missing again, it stays untracked (no second refresh).
// An unknown status is polled for UNKNOWN_STATUS_ROUNDS rounds, then left alone (with a note on
// the node). A known transition that lasts longer than LONG_TRANSITION_MS, or a lane whose rounds
// keep failing, is polled every SLOW_POLL_MS, with a note on the node that says so; a lane whose
// rounds fail twice in a row re-reads its region once (an unknown way of saying "gone").
// The clock and timers are injectable (PollScheduler) so that tests run on virtual time.
import { SwasError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { CustomImage, Instance, RegionData, Snapshot } from '../core/model';
import type { SwasApi } from '../core/swasApi';
import { imageFirstPollSeconds, nextPollDelay } from './backoff';
import type { PollScheduler } from './pollScheduler';
import { realScheduler } from './pollScheduler';
import type { RegionStore } from './regionStore';

export interface PollSink {
  applyInstance(regionId: string, instance: Instance): void;
  applySnapshot(regionId: string, snapshot: Snapshot): void;
  applyImage(regionId: string, image: CustomImage): void;
  /** Every status a ListInstanceStatus poll saw, changed or not (server operations follow them). */
  observeStatuses?(regionId: string, statuses: ReadonlyMap<string, string>): void;
  /** An item was found gone: re-read the region (once). */
  refreshRegion?(regionId: string): Promise<void>;
  /** The poll note of an item appeared, changed or went away (redraw its node). */
  noteChanged?(regionId: string, id: string): void;
}

export interface PollPolicy {
  /** First polling interval in seconds (the setting). */
  firstSeconds(): number;
  /** False when a call would wait for the rate limiter: the round skips it. */
  canCallNow(action: string): boolean;
  /** First polling interval in seconds for creating images; default imageFirstPollSeconds(firstSeconds()). */
  imageFirstSeconds?(): number;
}

export type PollKind = 'instance' | 'snapshot' | 'image';
export type PollPhase = 'transitional' | 'settled' | 'unknown';

const PHASES: Record<PollKind, { transitional: ReadonlySet<string>; settled: ReadonlySet<string> }> = {
  instance: {
    transitional: new Set(['pending', 'starting', 'stopping', 'resetting', 'upgrading']),
    settled: new Set(['running', 'stopped', 'disabled']),
  },
  snapshot: { transitional: new Set(['progressing']), settled: new Set(['accomplished', 'failed']) },
  // Image status codes: "0" copying, "4" creating; "1" available, "2" unavailable, "3" failed.
  image: { transitional: new Set(['0', '4']), settled: new Set(['1', '2', '3']) },
};

/** The one place where the poller classifies a status (case-insensitively). */
export function pollPhase(kind: PollKind, status: string): PollPhase {
  const s = status.trim().toLowerCase();
  const p = PHASES[kind];
  if (p.settled.has(s)) return 'settled';
  if (p.transitional.has(s)) return 'transitional';
  return 'unknown';
}

/** True when an error answering an ID filter means "that ID does not exist (any more)" (A4). */
export function isGoneError(e: unknown): boolean {
  if (!(e instanceof SwasError)) return false;
  if (e.code.endsWith('.NotFound')) return true;
  return e.code === 'InternalError' && e.action === 'ListInstances';
}

/** Most IDs an ID filter takes. */
export const ID_CHUNK = 100;
/** ListSnapshots is limited to ~10 calls a minute: polling uses at most 4 (one every 15 s). */
export const SNAPSHOT_POLL_MIN_MS = 15_000;
/** Rounds an item with a status the extension does not know is polled before it is left alone. */
export const UNKNOWN_STATUS_ROUNDS = 5;
/** A transition that lasts longer than this is polled only every SLOW_POLL_MS. */
export const LONG_TRANSITION_MS = 10 * 60_000;
export const SLOW_POLL_MS = 5 * 60_000;
/** Consecutive failed rounds after which the region is re-read once. */
export const REFRESH_AFTER_FAILED_ROUNDS = 2;
/** Consecutive failed rounds after which a lane slows to SLOW_POLL_MS. */
export const FAILED_ROUNDS_BEFORE_SLOW = 5;
/** Rounds an explicitly tracked server may read a settled status before the call took effect. */
export const EXPLICIT_GRACE_ROUNDS = 3;

export type PollNote =
  | { reason: 'long'; status: string; since: number; everyMs: number }
  | { reason: 'failing'; status: string; since: number; everyMs: number }
  | { reason: 'unknown'; status: string; since: number };

/** Servers and snapshots ('items') are polled apart from creating images ('images'). */
type Lane = 'items' | 'images';
const LANES: readonly Lane[] = ['items', 'images'];
const laneOf = (kind: PollKind): Lane => (kind === 'image' ? 'images' : 'items');

interface LaneTimer {
  handle: unknown;
  lastSnapshotPoll: number | undefined;
  delay: number | undefined;
  running: boolean;
  failures: number;
}

interface Item {
  kind: PollKind;
  status: string;
  /** When this status was first seen. */
  since: number;
  unknownRounds: number;
}

interface Explicit {
  expect: string | undefined;
  initial: string | undefined;
  rounds: number;
}

interface RegionState {
  lanes: Map<Lane, LaneTimer>;
  items: Map<string, Item>;
  explicit: Map<string, Explicit>;
  /** Not tracked again: 'gone', or `status:<lowercase status>` for an unknown status capped. */
  ignored: Map<string, string>;
  /** How often an item was found gone. */
  strikes: Map<string, number>;
  notes: Map<string, PollNote>;
}

interface Wanted {
  kind: PollKind;
  status: string;
}

function chunks<T>(list: T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/** The items of a region's data that polling follows (any status that is not settled). */
export function transitionalIds(data: RegionData): { instances: string[]; snapshots: string[]; images: string[] } {
  const snapshots: string[] = [];
  for (const list of data.snapshotsByInstance.values())
    for (const s of list) if (pollPhase('snapshot', s.status) !== 'settled') snapshots.push(s.snapshotId);
  return {
    instances: data.instances.filter((i) => pollPhase('instance', i.status) !== 'settled').map((i) => i.instanceId),
    snapshots,
    images: data.images.filter((i) => pollPhase('image', i.status) !== 'settled').map((i) => i.imageId),
  };
}

export class TransitionPoller {
  private readonly states = new Map<string, RegionState>();
  private disposed = false;

  constructor(
    private readonly api: () => SwasApi | undefined,
    private readonly store: RegionStore,
    private readonly sink: PollSink,
    private readonly policy: PollPolicy,
    private readonly logger: Logger,
    private readonly scheduler: PollScheduler = realScheduler,
  ) {}

  /**
   * Looks at a region's data; starts (or restarts, if new items appeared) polling. With an
   * `instanceId`, that server is followed even if the data is not loaded or still shows a settled
   * status (a server just told to stop): until it reads `expect` (if given), or a settled status
   * after a transition, or after EXPLICIT_GRACE_ROUNDS rounds of a settled status.
   */
  track(regionId: string, instanceId?: string, opts: { expect?: string } = {}): void {
    if (this.disposed) return;
    if (!instanceId && !this.store.get(regionId) && !this.states.has(regionId)) return;
    const st = this.state(regionId);
    if (instanceId) {
      const known = this.store.get(regionId)?.instances.find((i) => i.instanceId === instanceId)?.status;
      st.explicit.set(instanceId, { expect: opts.expect, initial: known, rounds: 0 });
      st.ignored.delete(instanceId);
      st.strikes.delete(instanceId);
    }
    this.sync(regionId, st);
  }

  /** True while a region has something being polled (for tests and diagnostics). */
  isPolling(regionId: string): boolean {
    return (this.states.get(regionId)?.lanes.size ?? 0) > 0;
  }

  /** IDs being followed in a region (for tests and diagnostics). */
  trackedIds(regionId: string): string[] {
    return [...(this.states.get(regionId)?.items.keys() ?? [])];
  }

  /** What the node of an item should say about its polling, if anything. */
  note(regionId: string, id: string): PollNote | undefined {
    return this.states.get(regionId)?.notes.get(id);
  }

  /** Forgets a region (a user refresh): its timers, notes and the items left alone. */
  stop(regionId: string): void {
    const st = this.states.get(regionId);
    if (!st) return;
    for (const t of st.lanes.values()) if (t.handle !== undefined) this.scheduler.clearTimeout(t.handle);
    this.states.delete(regionId);
  }

  clear(): void {
    for (const id of [...this.states.keys()]) this.stop(id);
  }

  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  private state(regionId: string): RegionState {
    let st = this.states.get(regionId);
    if (!st) {
      st = { lanes: new Map(), items: new Map(), explicit: new Map(), ignored: new Map(), strikes: new Map(), notes: new Map() };
      this.states.set(regionId, st);
    }
    return st;
  }

  private isIgnored(st: RegionState, id: string, status: string): boolean {
    const why = st.ignored.get(id);
    return why === 'gone' || why === `status:${status.trim().toLowerCase()}`;
  }

  /** What should be followed now: the data's unsettled items plus the explicitly tracked servers. */
  private wanted(regionId: string, st: RegionState): Map<string, Wanted> {
    const out = new Map<string, Wanted>();
    const data = this.store.get(regionId);
    const add = (kind: PollKind, id: string, status: string): void => {
      if (pollPhase(kind, status) !== 'settled' && !this.isIgnored(st, id, status)) out.set(id, { kind, status });
    };
    if (data) {
      for (const i of data.instances) add('instance', i.instanceId, i.status);
      for (const list of data.snapshotsByInstance.values()) for (const s of list) add('snapshot', s.snapshotId, s.status);
      for (const i of data.images) add('image', i.imageId, i.status);
    }
    for (const id of st.explicit.keys()) {
      if (st.ignored.get(id) === 'gone') continue;
      const status = data?.instances.find((i) => i.instanceId === id)?.status ?? st.items.get(id)?.status ?? '';
      out.set(id, { kind: 'instance', status });
    }
    return out;
  }

  /** Aligns the tracked items with what is wanted, and starts, restarts or stops the lanes. */
  private sync(regionId: string, st: RegionState): void {
    const now = this.scheduler.now();
    const fresh = new Set<Lane>();
    const want = this.wanted(regionId, st);
    for (const [id, w] of want) {
      const it = st.items.get(id);
      if (!it) {
        st.items.set(id, { kind: w.kind, status: w.status, since: now, unknownRounds: 0 });
        fresh.add(laneOf(w.kind));
      } else if (!same(it.status, w.status) && w.status !== '') {
        Object.assign(it, { status: w.status, since: now, unknownRounds: 0 });
      }
    }
    for (const id of [...st.items.keys()]) {
      if (want.has(id)) continue;
      st.items.delete(id);
      if (st.notes.get(id)?.reason !== 'unknown' && st.notes.delete(id)) this.sink.noteChanged?.(regionId, id);
    }
    for (const lane of LANES) {
      const any = [...st.items.values()].some((it) => laneOf(it.kind) === lane);
      let t = st.lanes.get(lane);
      if (!any) {
        if (t && !t.running) {
          if (t.handle !== undefined) this.scheduler.clearTimeout(t.handle);
          st.lanes.delete(lane);
        }
        continue;
      }
      if (!t) {
        t = { handle: undefined, lastSnapshotPoll: undefined, delay: undefined, running: false, failures: 0 };
        st.lanes.set(lane, t);
        fresh.add(lane);
      }
      if (fresh.has(lane)) {
        t.delay = undefined;
        if (!t.running) this.schedule(regionId, lane, t, this.nextDelay(lane, t));
      }
    }
  }

  private firstSeconds(lane: Lane): number {
    if (lane === 'items') return this.policy.firstSeconds();
    return this.policy.imageFirstSeconds?.() ?? imageFirstPollSeconds(this.policy.firstSeconds());
  }

  private nextDelay(lane: Lane, t: LaneTimer): number {
    t.delay = nextPollDelay(t.delay, this.firstSeconds(lane));
    return t.delay;
  }

  private schedule(regionId: string, lane: Lane, t: LaneTimer, delay: number): void {
    if (t.handle !== undefined) this.scheduler.clearTimeout(t.handle);
    t.handle = this.scheduler.setTimeout(() => this.poll(regionId, lane, t), delay);
  }

  private ids(st: RegionState, kind: PollKind): string[] {
    return [...st.items].filter(([, it]) => it.kind === kind).map(([id]) => id);
  }

  private async poll(regionId: string, lane: Lane, t: LaneTimer): Promise<void> {
    t.handle = undefined;
    const st = this.states.get(regionId);
    if (!st || st.lanes.get(lane) !== t || this.disposed) return;
    const api = this.api();
    if (!api) return this.stop(regionId);
    t.running = true;
    const gone = new Set<string>();
    let failed = false;
    try {
      this.sync(regionId, st);
      if (lane === 'images') {
        await this.pollImages(api, regionId, st, gone);
      } else {
        const now = this.scheduler.now();
        const snapshotsDue =
          this.ids(st, 'snapshot').length > 0 &&
          (t.lastSnapshotPoll === undefined || now - t.lastSnapshotPoll >= SNAPSHOT_POLL_MIN_MS) &&
          this.policy.canCallNow('ListSnapshots');
        if (snapshotsDue) t.lastSnapshotPoll = now;
        const results = await Promise.allSettled([
          this.pollInstances(api, regionId, st, gone),
          snapshotsDue ? this.pollSnapshots(api, regionId, st, gone) : undefined,
        ]);
        for (const r of results) if (r.status === 'rejected') throw r.reason;
      }
    } catch (e) {
      failed = true;
      this.logger.warn(`Polling ${regionId} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      t.running = false;
    }
    if (this.states.get(regionId) !== st || st.lanes.get(lane) !== t || this.disposed) return;
    t.failures = failed ? t.failures + 1 : 0;
    // An ID filter that keeps failing may name a released resource in a way not known yet (A4
    // variants): one region refresh re-learns which IDs exist.
    if (t.failures === REFRESH_AFTER_FAILED_ROUNDS && this.sink.refreshRegion) {
      try {
        await this.sink.refreshRegion(regionId);
      } catch (e) {
        this.logger.warn(`Re-reading ${regionId} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (this.states.get(regionId) !== st || this.disposed) return;
    }
    if (gone.size > 0) await this.forgetGone(regionId, st, gone);
    if (this.states.get(regionId) !== st || this.disposed) return;
    this.sync(regionId, st);
    if (st.lanes.get(lane) !== t) return;
    this.scheduleAfterRound(regionId, st, lane, t);
  }

  /** Normal backoff, or SLOW_POLL_MS (with a note on each node) for long transitions and failing rounds. */
  private scheduleAfterRound(regionId: string, st: RegionState, lane: Lane, t: LaneTimer): void {
    const now = this.scheduler.now();
    const items = [...st.items].filter(([, it]) => laneOf(it.kind) === lane);
    const long = items.length > 0 && items.every(([, it]) => now - it.since >= LONG_TRANSITION_MS);
    const failing = t.failures >= FAILED_ROUNDS_BEFORE_SLOW;
    const slow = long || failing;
    for (const [id, it] of items) {
      const prev = st.notes.get(id);
      if (slow) {
        const reason = failing ? 'failing' : 'long';
        if (prev?.reason !== reason || !same(prev.status, it.status)) {
          st.notes.set(id, { reason, status: it.status, since: it.since, everyMs: SLOW_POLL_MS });
          this.sink.noteChanged?.(regionId, id);
        }
      } else if (prev && prev.reason !== 'unknown') {
        st.notes.delete(id);
        this.sink.noteChanged?.(regionId, id);
      }
    }
    if (slow)
      this.logger.info(
        `Polling ${regionId} ${lane} every ${SLOW_POLL_MS / 60_000} min (${failing ? 'rounds keep failing' : 'a transition is taking long'})`,
      );
    this.schedule(regionId, lane, t, slow ? SLOW_POLL_MS : this.nextDelay(lane, t));
  }

  /** Gone items are dropped; the first time, their region is re-read (the fresh data decides). */
  private async forgetGone(regionId: string, st: RegionState, gone: Set<string>): Promise<void> {
    const first: string[] = [];
    for (const id of gone) {
      st.items.delete(id);
      st.explicit.delete(id);
      const n = (st.strikes.get(id) ?? 0) + 1;
      st.strikes.set(id, n);
      st.ignored.set(id, 'gone');
      if (n === 1) first.push(id);
      if (st.notes.delete(id)) this.sink.noteChanged?.(regionId, id);
    }
    this.logger.info(`Polling ${regionId}: ${[...gone].join(', ')} no longer exist${first.length > 0 ? '; re-reading the region' : ''}`);
    if (first.length === 0 || !this.sink.refreshRegion) return;
    try {
      await this.sink.refreshRegion(regionId);
    } catch (e) {
      this.logger.warn(`Re-reading ${regionId} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    // The fresh read decides: an item it still lists is followed again; missing twice, never.
    for (const id of first) if (st.ignored.get(id) === 'gone') st.ignored.delete(id);
  }

  /** Records a status read for an item: unknown-status cap, explicit tracking's end. */
  private observe(regionId: string, st: RegionState, id: string, status: string): void {
    const it = st.items.get(id);
    if (!it) return;
    if (!same(it.status, status)) Object.assign(it, { status, since: this.scheduler.now(), unknownRounds: 0 });
    const phase = pollPhase(it.kind, status);
    const ex = st.explicit.get(id);
    if (ex) {
      ex.rounds++;
      ex.initial ??= status;
      const changed = !same(ex.initial, status);
      if (
        (ex.expect !== undefined && same(ex.expect, status)) ||
        (phase === 'settled' && (changed || ex.rounds >= EXPLICIT_GRACE_ROUNDS))
      ) {
        st.explicit.delete(id);
      } else if (phase !== 'settled') {
        ex.initial = status;
      }
    }
    if (phase === 'unknown') {
      it.unknownRounds++;
      if (it.unknownRounds >= UNKNOWN_STATUS_ROUNDS) {
        st.explicit.delete(id);
        st.ignored.set(id, `status:${status.trim().toLowerCase()}`);
        st.items.delete(id);
        st.notes.set(id, { reason: 'unknown', status, since: it.since });
        this.sink.noteChanged?.(regionId, id);
      }
    }
  }

  private async pollInstances(api: SwasApi, regionId: string, st: RegionState, gone: Set<string>): Promise<void> {
    const ids = this.ids(st, 'instance');
    if (ids.length === 0) return;
    const changed: string[] = [];
    for (const chunk of chunks(ids)) {
      let statuses: Map<string, string>;
      try {
        statuses = await api.listInstanceStatus(regionId, chunk, { fresh: true, signal: this.store.signal(regionId) });
      } catch (e) {
        if (!isGoneError(e)) throw e;
        for (const id of chunk) gone.add(id);
        continue;
      }
      this.sink.observeStatuses?.(regionId, statuses);
      for (const id of chunk) {
        const now = statuses.get(id);
        if (now === undefined) {
          gone.add(id);
          continue;
        }
        const shown = this.store.get(regionId)?.instances.find((i) => i.instanceId === id)?.status ?? st.items.get(id)?.status;
        if (!same(now, shown)) changed.push(id);
        this.observe(regionId, st, id, now);
      }
    }
    for (const chunk of chunks(changed)) {
      let items: Instance[];
      try {
        items = (
          await api.listInstances(
            regionId,
            { instanceIds: chunk, pageSize: ID_CHUNK },
            { fresh: true, signal: this.store.signal(regionId) },
          )
        ).items;
      } catch (e) {
        if (!isGoneError(e)) throw e;
        for (const id of chunk) gone.add(id);
        continue;
      }
      const seen = new Set(items.map((i) => i.instanceId));
      for (const id of chunk) if (!seen.has(id)) gone.add(id);
      for (const i of items) this.sink.applyInstance(regionId, i);
    }
  }

  private async pollSnapshots(api: SwasApi, regionId: string, st: RegionState, gone: Set<string>): Promise<void> {
    for (const chunk of chunks(this.ids(st, 'snapshot'))) {
      let items: Snapshot[];
      try {
        items = (
          await api.listSnapshots(
            regionId,
            { snapshotIds: chunk, pageSize: ID_CHUNK },
            { fresh: true, signal: this.store.signal(regionId) },
          )
        ).items;
      } catch (e) {
        if (!isGoneError(e)) throw e;
        for (const id of chunk) gone.add(id);
        continue;
      }
      const seen = new Set(items.map((s) => s.snapshotId));
      for (const id of chunk) if (!seen.has(id)) gone.add(id);
      for (const s of items) {
        this.sink.applySnapshot(regionId, s);
        this.observe(regionId, st, s.snapshotId, s.status);
      }
    }
  }

  private async pollImages(api: SwasApi, regionId: string, st: RegionState, gone: Set<string>): Promise<void> {
    for (const chunk of chunks(this.ids(st, 'image'))) {
      let items: CustomImage[];
      try {
        items = (
          await api.listCustomImages(
            regionId,
            { imageIds: chunk, pageSize: ID_CHUNK },
            { fresh: true, signal: this.store.signal(regionId) },
          )
        ).items;
      } catch (e) {
        if (!isGoneError(e)) throw e;
        for (const id of chunk) gone.add(id);
        continue;
      }
      const seen = new Set(items.map((i) => i.imageId));
      for (const id of chunk) if (!seen.has(id)) gone.add(id);
      for (const i of items) {
        this.sink.applyImage(regionId, i);
        this.observe(regionId, st, i.imageId, i.status);
      }
    }
  }
}
