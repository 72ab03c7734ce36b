// One state machine for the long server operations (start, stop, reboot, reset): what the tree
// shows at once, and what each observed status means. Pure; time comes from the caller (an
// injected clock), so it is tested without waiting.
//
// The API answers a write before the server changes, and a poll right after may still show the
// old status: an old status is "not yet" for a grace period, then the operation has failed.
// A reboot or reset can be over between two polls: seen back at the end status after the grace
// period (without a transitional status in between) counts as done.
import type { KnownInstanceStatus } from '../enums';
import { statusIs, statusWord } from './status';

export type ServerOpKind = 'start' | 'stop' | 'reboot' | 'reset';

export type OpPhase = 'waiting' | 'succeeded' | 'failed';

export interface ServerOpState {
  kind: ServerOpKind;
  /** Clock ms when the call was answered. */
  since: number;
  /** Statuses seen so far (lowercase, no repeats in a row). */
  seen: string[];
  phase: OpPhase;
  /** Why it failed: 'disabled' | 'timeout' | 'unchanged' (a code, never a sentence). */
  reason?: 'disabled' | 'timeout' | 'unchanged';
}

export const GRACE_MS = 60_000;
export const TIMEOUT_MS: Record<ServerOpKind, number> = { start: 10 * 60_000, stop: 10 * 60_000, reboot: 15 * 60_000, reset: 30 * 60_000 };

/** The status the server node shows as soon as the call is answered. */
export function optimisticStatus(kind: ServerOpKind): KnownInstanceStatus {
  return kind === 'start' ? 'Starting' : kind === 'reset' ? 'Resetting' : 'Stopping';
}

/** The statuses the operation passes through, for the Activity view's steps. */
export function opSteps(kind: ServerOpKind): KnownInstanceStatus[] {
  switch (kind) {
    case 'start':
      return ['Starting', 'Running'];
    case 'stop':
      return ['Stopping', 'Stopped'];
    case 'reboot':
      return ['Stopping', 'Starting', 'Running'];
    case 'reset':
      return ['Resetting', 'Running'];
  }
}

/** Which statuses a server may be in for the operation to be offered (confirmed: start from Stopped, reboot needs Running). */
export function canRun(kind: ServerOpKind, status: string): boolean {
  switch (kind) {
    case 'start':
      return statusIs(status, 'stopped');
    case 'stop':
    case 'reboot':
      return statusIs(status, 'running');
    case 'reset':
      return statusIs(status, 'running', 'stopped');
  }
}

export function beginOp(kind: ServerOpKind, now: number): ServerOpState {
  return { kind, since: now, seen: [], phase: 'waiting' };
}

function ends(kind: ServerOpKind, word: string): boolean {
  if (kind === 'stop') return word === 'stopped';
  if (kind === 'reset') return word === 'running' || word === 'stopped';
  return word === 'running';
}

function isOld(kind: ServerOpKind, word: string): boolean {
  return kind === 'start' ? word === 'stopped' : kind === 'stop' ? word === 'running' : false;
}

/** Feeds one observed status; returns the new state (the input is not changed). */
export function observe(state: ServerOpState, status: string, now: number): ServerOpState {
  if (state.phase !== 'waiting') return state;
  const word = statusWord(status);
  const seen = state.seen[state.seen.length - 1] === word ? state.seen : [...state.seen, word];
  const next = { ...state, seen };
  const elapsed = now - state.since;
  if (word === 'disabled') return { ...next, phase: 'failed', reason: 'disabled' };
  const transitional = seen.some((w) => !ends(state.kind, w) && !isOld(state.kind, w));
  if (ends(state.kind, word) && (state.kind === 'start' || state.kind === 'stop' || transitional || elapsed >= GRACE_MS)) {
    return { ...next, phase: 'succeeded' };
  }
  if (isOld(state.kind, word) && elapsed >= GRACE_MS) return { ...next, phase: 'failed', reason: 'unchanged' };
  return tick(next, now);
}

/** Time passing without an observation: fails after the operation's timeout. */
export function tick(state: ServerOpState, now: number): ServerOpState {
  if (state.phase === 'waiting' && now - state.since >= TIMEOUT_MS[state.kind]) return { ...state, phase: 'failed', reason: 'timeout' };
  return state;
}

/** Index of the current step in opSteps(kind) (the last one when succeeded). */
export function currentStep(state: ServerOpState): number {
  const steps = opSteps(state.kind).map(statusWord);
  if (state.phase === 'succeeded') return steps.length - 1;
  let at = 0;
  const middle = steps.slice(0, -1);
  for (const w of state.seen) {
    const i = middle.indexOf(w, at);
    if (i >= 0) at = i;
  }
  return at;
}

/** After observe(): whether the tree should keep showing the optimistic status (the API still shows an end/old status). */
export function keepOptimistic(next: ServerOpState, status: string): boolean {
  return next.phase === 'waiting' && statusIs(status, 'running', 'stopped');
}

const KINDS: readonly ServerOpKind[] = ['start', 'stop', 'reboot', 'reset'];

/** Reads a stored state back (globalState is untrusted input); undefined when malformed. */
export function restoreOpState(v: unknown): ServerOpState | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (
    !KINDS.includes(o.kind as ServerOpKind) ||
    typeof o.since !== 'number' ||
    !Array.isArray(o.seen) ||
    !o.seen.every((x) => typeof x === 'string')
  )
    return undefined;
  if (o.phase !== 'waiting' && o.phase !== 'succeeded' && o.phase !== 'failed') return undefined;
  const reason = o.reason === 'disabled' || o.reason === 'timeout' || o.reason === 'unchanged' ? o.reason : undefined;
  return { kind: o.kind as ServerOpKind, since: o.since, seen: o.seen as string[], phase: o.phase, ...(reason ? { reason } : {}) };
}
