// Server lifecycle on the virtual clock: a write puts a server into a transitional status and
// queues the statuses it will pass through; Store.tick() applies each one when its time comes.
//   start   Stopped  → Starting  → Running
//   stop    Running  → Stopping  → Stopped
//   reboot  Running  → Stopping  → Starting → Running
//   reset   Running | Stopped → Resetting → Running
// Durations are guesses (the API documents none); tests drive them with POST /clock/advance.
import { ApiError } from '../apiError';
import type { InstanceRecord } from '../types';

export interface LifecycleStep {
  status: string;
  /** Virtual-clock ms when the server enters `status`. */
  at: number;
}

/** The statuses still ahead of a server in transition (persisted with the state). */
export interface LifecycleRecord {
  steps: LifecycleStep[];
}

export type LifecycleOp = 'start' | 'stop' | 'reboot' | 'reset';

export const LIFECYCLE_SECONDS = { start: 10, stop: 10, rebootStop: 5, reset: 60 } as const;

/** Which statuses each operation accepts (documented: start from Stopped, reboot needs Running). */
const ACCEPTS: Record<LifecycleOp, readonly string[]> = {
  start: ['Stopped'],
  stop: ['Running'],
  reboot: ['Running'],
  reset: ['Running', 'Stopped'],
};

export function incorrectInstanceStatus(instanceId: string, status: string): ApiError {
  return new ApiError(
    403,
    'IncorrectInstanceStatus',
    `The current status of the resource does not support this operation (server ${instanceId} is ${status}).`,
  );
}

/** Throws IncorrectInstanceStatus unless the server is in a status the operation accepts. */
export function checkStatus(inst: InstanceRecord, op: LifecycleOp): void {
  if (!ACCEPTS[op].includes(inst.status)) throw incorrectInstanceStatus(inst.instanceId, inst.status);
}

/** Starts the transition (the caller checked the status). */
export function begin(inst: InstanceRecord, op: LifecycleOp, now: number): void {
  const s = (sec: number): number => now + sec * 1000;
  const plan: Record<LifecycleOp, [string, LifecycleStep[]]> = {
    start: ['Starting', [{ status: 'Running', at: s(LIFECYCLE_SECONDS.start) }]],
    stop: ['Stopping', [{ status: 'Stopped', at: s(LIFECYCLE_SECONDS.stop) }]],
    reboot: [
      'Stopping',
      [
        { status: 'Starting', at: s(LIFECYCLE_SECONDS.rebootStop) },
        { status: 'Running', at: s(LIFECYCLE_SECONDS.rebootStop + LIFECYCLE_SECONDS.start) },
      ],
    ],
    reset: ['Resetting', [{ status: 'Running', at: s(LIFECYCLE_SECONDS.reset) }]],
  };
  const [status, steps] = plan[op];
  inst.status = status;
  inst.lifecycle = { steps };
}

/** Applies every queued status whose time has come (called by Store.tick). */
export function advanceLifecycle(instances: InstanceRecord[], now: number): void {
  for (const inst of instances) {
    const lc = inst.lifecycle;
    if (!lc) continue;
    while (lc.steps.length > 0 && (lc.steps[0]?.at ?? Infinity) <= now) inst.status = lc.steps.shift()?.status ?? inst.status;
    if (lc.steps.length === 0) delete inst.lifecycle;
  }
}
