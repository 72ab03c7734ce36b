// Following a snapshot or a custom image the extension asked for, for the Activity view: what
// each observed status (or its absence) means, and when following ends. Pure: the clock is the
// caller's. Status codes: snapshots Progressing / Accomplished / Failed (any casing, A1);
// images "0" copying, "1" available, "2" unavailable, "3" creation failed, "4" creating
// (swas-api.md §4.3, word forms read as the same codes).
import { customImageStatus, imagePhase, snapshotPhase, snapshotStatus } from '../enums';
import type { ActivityEntry } from './activityLog';

export type ResourceKind = 'snapshot' | 'image';
export type ResourcePhase = 'waiting' | 'awaitingImage' | 'succeeded' | 'failed';
/** Why following ended without success (a code; the UI words it). */
export type ResourceReason = 'failed' | 'unavailable' | 'gone' | 'stillCreating';

export interface ResourceOpState {
  resource: ResourceKind;
  /** The snapshot's or image's ID. */
  id: string;
  /** Clock ms when the create was answered. */
  since: number;
  /** Following ends ("still being created — see the tree") at this clock ms. */
  deadline: number;
  /** Listed at least once (absent afterwards = gone; absent before = not listed yet). */
  seen: boolean;
  phase: ResourcePhase;
  reason?: ResourceReason;
  /** The last status seen, as the API sent it. */
  status?: string;
  /** Snapshot progress in percent, when known. */
  progress?: number;
}

/** A snapshot is followed as long as Create Snapshot's own wait (10 min); an image takes longer. */
export const RESOURCE_DEADLINE_MS: Record<ResourceKind, number> = { snapshot: 10 * 60_000, image: 60 * 60_000 };

export function beginResourceOp(
  resource: ResourceKind,
  id: string,
  now: number,
  deadlineMs = RESOURCE_DEADLINE_MS[resource],
): ResourceOpState {
  return { resource, id, since: now, deadline: now + deadlineMs, seen: false, phase: 'waiting' };
}

/** What a status means: settled well, settled badly (with why), or still going. */
export function classify(
  resource: ResourceKind,
  status: string,
): { phase: 'succeeded' } | { phase: 'failed'; reason: ResourceReason } | { phase: 'waiting' } {
  if (resource === 'snapshot') {
    const p = snapshotPhase(snapshotStatus(status));
    return p === 'accomplished' ? { phase: 'succeeded' } : p === 'failed' ? { phase: 'failed', reason: 'failed' } : { phase: 'waiting' };
  }
  const p = imagePhase(customImageStatus(status));
  if (p === 'available') return { phase: 'succeeded' };
  if (p === 'failed') return { phase: 'failed', reason: 'failed' };
  if (p === 'unavailable') return { phase: 'failed', reason: 'unavailable' };
  return { phase: 'waiting' };
}

/**
 * One observation: the item as a read listed it, or undefined when a complete read of its
 * region did not list it. A settled state changes only from "still being created" (following
 * had ended, then the tree saw it settle).
 */
export function observeResource(s: ResourceOpState, item: { status: string; progress?: number } | undefined): ResourceOpState {
  if (s.phase !== 'waiting' && !(s.phase === 'failed' && s.reason === 'stillCreating')) return s;
  if (!item) return s.seen ? { ...s, phase: 'failed', reason: 'gone' } : s;
  const next: ResourceOpState = {
    ...s,
    seen: true,
    status: item.status,
    ...(item.progress === undefined ? {} : { progress: item.progress }),
  };
  const c = classify(s.resource, item.status);
  if (c.phase === 'succeeded') return { ...next, phase: 'succeeded', reason: undefined };
  if (c.phase === 'failed') return { ...next, phase: 'failed', reason: c.reason };
  return next;
}

/** Time passing: past the deadline, following ends with "still being created". */
export function tickResource(s: ResourceOpState, now: number): ResourceOpState {
  return s.phase === 'waiting' && now >= s.deadline ? { ...s, phase: 'failed', reason: 'stillCreating' } : s;
}

/** A snapshot made for an image is ready: the row waits for the form's submit. */
export function awaitImage(s: ResourceOpState): ResourceOpState {
  return { ...s, phase: 'awaitingImage' };
}

export function restoreResourceState(v: unknown): ResourceOpState | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if ((o.resource !== 'snapshot' && o.resource !== 'image') || typeof o.id !== 'string' || !o.id) return undefined;
  if (typeof o.since !== 'number' || typeof o.deadline !== 'number' || typeof o.seen !== 'boolean') return undefined;
  if (!['waiting', 'awaitingImage', 'succeeded', 'failed'].includes(String(o.phase))) return undefined;
  const s: ResourceOpState = {
    resource: o.resource,
    id: o.id,
    since: o.since,
    deadline: o.deadline,
    seen: o.seen,
    phase: o.phase as ResourcePhase,
  };
  if (['failed', 'unavailable', 'gone', 'stillCreating'].includes(String(o.reason))) s.reason = o.reason as ResourceReason;
  if (typeof o.status === 'string') s.status = o.status;
  if (typeof o.progress === 'number' && Number.isFinite(o.progress)) s.progress = o.progress;
  return s;
}

const SERVER_KINDS: readonly string[] = ['start', 'stop', 'reboot', 'reset'];

/**
 * Whether a row offers Retry: a failed server operation, snapshot or image. Not a row whose
 * create may still finish ("still being created") or whose answer never came (interrupted: it
 * may have been created), and not the one-call operations (share, unshare, delete).
 */
export function canRetry(e: ActivityEntry): boolean {
  if (e.outcome !== 'failed') return false;
  if (SERVER_KINDS.includes(e.kind)) return true;
  if (e.kind !== 'createSnapshot' && e.kind !== 'createImage') return false;
  return e.errorCode !== 'swas.stillCreating' && e.errorCode !== 'swas.interrupted' && e.errorCode !== 'swas.gone';
}

/**
 * Retry reuses the ClientToken when the create call itself failed (nothing was created: the
 * same token is the same request); once the call was answered the token is used up (sending it
 * again returns the same resource), so a new call gets a new token.
 */
export function retryReusesToken(e: ActivityEntry): boolean {
  return restoreResourceState(e.machine) === undefined || e.machine?.phase === 'awaitingImage';
}
