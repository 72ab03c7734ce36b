// The Activity view's model: one entry per long operation started from the extension, kept in
// globalState (plain JSON, never a secret). Pure: the clock is passed in, the stored form is
// validated on the way back in (globalState is data from an earlier version or a bad write).
export type ActivityKind =
  | 'start'
  | 'stop'
  | 'reboot'
  | 'reset'
  | 'rename'
  | 'createSnapshot'
  | 'createImage'
  | 'share'
  | 'unshare'
  | 'deleteImage'
  /** A Run Command run on one server (added later: stored entries of every earlier kind still load). */
  | 'runCommand';

export type ActivityOutcome = 'running' | 'succeeded' | 'failed';

export interface ActivityTarget {
  regionId: string;
  kind: 'instance' | 'snapshot' | 'image';
  id: string;
  name: string;
}

export interface ActivityStep {
  /** A code (an API status such as "Stopping", or a step name); the UI localises it. */
  label: string;
  state: 'pending' | 'active' | 'done' | 'failed';
}

export interface ActivityEntry {
  id: string;
  kind: ActivityKind;
  /** Servers of one plural call share an entry per server (one row per target). */
  target: ActivityTarget;
  startedAt: number;
  finishedAt?: number;
  outcome: ActivityOutcome;
  steps: ActivityStep[];
  requestId?: string;
  errorCode?: string;
  /** Already scrubbed by the client (no URL, no secret). */
  errorMessage?: string;
  /** The ClientToken of the submission, reused by Retry where the API has one. */
  clientToken?: string;
  /** Parameters Retry needs (ids, flags; never a secret). */
  params?: Record<string, string | boolean>;
  /** State of the operation's machine (e.g. ServerOpState), for resuming after a reload. */
  machine?: Record<string, unknown>;
}

export const DEFAULT_CAP = 50;
export const STORE_KEY = 'swas.activity.v1';

export const ACTIVITY_KINDS: readonly ActivityKind[] = [
  'start',
  'stop',
  'reboot',
  'reset',
  'rename',
  'createSnapshot',
  'createImage',
  'share',
  'unshare',
  'deleteImage',
  'runCommand',
];
const KINDS = ACTIVITY_KINDS;
const OUTCOMES: readonly ActivityOutcome[] = ['running', 'succeeded', 'failed'];
const STEP_STATES: readonly ActivityStep['state'][] = ['pending', 'active', 'done', 'failed'];

export class ActivityLog {
  private entries: ActivityEntry[] = [];

  constructor(private readonly cap = DEFAULT_CAP) {}

  all(): readonly ActivityEntry[] {
    return this.entries;
  }

  get(id: string): ActivityEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  unfinished(): ActivityEntry[] {
    return this.entries.filter((e) => e.outcome === 'running');
  }

  /** Adds an entry at the top; the oldest finished entries go beyond the cap (running ones stay). */
  add(entry: ActivityEntry): ActivityEntry {
    this.entries = [entry, ...this.entries.filter((e) => e.id !== entry.id)];
    this.trim();
    return entry;
  }

  update(id: string, patch: Partial<Omit<ActivityEntry, 'id'>>): ActivityEntry | undefined {
    const i = this.entries.findIndex((e) => e.id === id);
    const cur = this.entries[i];
    if (!cur) return undefined;
    const next = { ...cur, ...patch };
    this.entries[i] = next;
    return next;
  }

  succeed(id: string, now: number, patch: Partial<ActivityEntry> = {}): ActivityEntry | undefined {
    const cur = this.get(id);
    if (!cur) return undefined;
    const steps = cur.steps.map((s) => ({ ...s, state: 'done' as const }));
    return this.update(id, { steps, ...patch, outcome: 'succeeded', finishedAt: now });
  }

  fail(
    id: string,
    now: number,
    error: { code?: string; message?: string; requestId?: string },
    patch: Partial<ActivityEntry> = {},
  ): ActivityEntry | undefined {
    const cur = this.get(id);
    if (!cur) return undefined;
    const steps = cur.steps.map((s) => (s.state === 'active' ? { ...s, state: 'failed' as const } : s));
    return this.update(id, {
      steps,
      ...patch,
      outcome: 'failed',
      finishedAt: now,
      errorCode: error.code,
      errorMessage: error.message,
      requestId: error.requestId ?? cur.requestId,
    });
  }

  /** Removes the finished entries; returns how many went. */
  clearFinished(): number {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.outcome === 'running');
    return before - this.entries.length;
  }

  remove(id: string): void {
    this.entries = this.entries.filter((e) => e.id !== id);
  }

  private trim(): void {
    if (this.entries.length <= this.cap) return;
    const keep: ActivityEntry[] = [];
    let room = this.cap - this.entries.filter((e) => e.outcome === 'running').length;
    for (const e of this.entries) {
      if (e.outcome === 'running') keep.push(e);
      else if (room > 0) {
        keep.push(e);
        room--;
      }
    }
    this.entries = keep;
  }

  toJSON(): ActivityEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  /** Restores from stored data, dropping anything malformed. */
  static from(data: unknown, cap = DEFAULT_CAP): ActivityLog {
    const log = new ActivityLog(cap);
    if (Array.isArray(data)) {
      const valid = data.filter(isEntry);
      log.entries = valid.slice(0, Math.max(cap, valid.filter((e) => e.outcome === 'running').length));
      log.trim();
    }
    return log;
  }
}

/** Steps for an operation: the first active, the rest pending. */
export function initialSteps(labels: string[]): ActivityStep[] {
  return labels.map((label, i) => ({ label, state: i === 0 ? 'active' : 'pending' }));
}

/** Marks step `index` active, those before done. */
export function stepsAt(labels: string[], index: number): ActivityStep[] {
  return labels.map((label, i) => ({ label, state: i < index ? 'done' : i === index ? 'active' : 'pending' }));
}

/** Elapsed time as m:ss or h:mm:ss (no words, so no translation). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown): boolean => v === undefined || typeof v === 'string';

function isEntry(v: unknown): v is ActivityEntry {
  if (!isRecord(v)) return false;
  const t = v.target;
  if (!isRecord(t) || !isStr(t.regionId) || !isStr(t.id) || !isStr(t.name) || !['instance', 'snapshot', 'image'].includes(String(t.kind)))
    return false;
  if (!isStr(v.id) || !KINDS.includes(v.kind as ActivityKind) || !OUTCOMES.includes(v.outcome as ActivityOutcome)) return false;
  if (typeof v.startedAt !== 'number' || !(v.finishedAt === undefined || typeof v.finishedAt === 'number')) return false;
  if (
    !Array.isArray(v.steps) ||
    !v.steps.every((s) => isRecord(s) && isStr(s.label) && STEP_STATES.includes(s.state as ActivityStep['state']))
  )
    return false;
  if (![v.requestId, v.errorCode, v.errorMessage, v.clientToken].every(optStr)) return false;
  if (
    v.params !== undefined &&
    !(isRecord(v.params) && Object.values(v.params).every((x) => typeof x === 'string' || typeof x === 'boolean'))
  )
    return false;
  if (v.machine !== undefined && !isRecord(v.machine)) return false;
  return true;
}
