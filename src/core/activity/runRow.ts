// A Run Command run as an Activity row (one per server): what each update of the run means for
// the row. Success is "succeeded"; any other final status fails the row with that status as its
// code; the exit code is kept either way. Pure.
import type { RunOutcome } from '../remote/runOnServers';
import { FINISHED_INVOCATION } from '../remote/remoteModel';
import type { ActivityEntry } from './activityLog';

export type RunRowPatch =
  | { outcome: 'running'; patch: Partial<ActivityEntry> }
  | { outcome: 'succeeded'; patch: Partial<ActivityEntry> }
  | { outcome: 'failed'; error: { code: string; message?: string; requestId?: string }; patch: Partial<ActivityEntry> };

export function runRowPatch(o: RunOutcome, params: Record<string, string | boolean> = {}): RunRowPatch {
  const p: Record<string, string | boolean> = { ...params };
  if (o.invokeId) p.invokeId = o.invokeId;
  if (o.result?.exitCode !== undefined) p.exitCode = String(o.result.exitCode);
  const patch: Partial<ActivityEntry> = { params: p, ...(o.requestId ? { requestId: o.requestId } : {}) };
  if (o.error && !o.result)
    return {
      outcome: 'failed',
      error: { code: o.error.code, message: o.error.message, requestId: o.error.requestId ?? o.requestId },
      patch,
    };
  if (o.stillRunning) return { outcome: 'failed', error: { code: 'swas.stillRunning', requestId: o.requestId }, patch };
  const r = o.result;
  if (!r || !FINISHED_INVOCATION.has(r.status)) return { outcome: 'running', patch };
  if (r.status === 'Success') return { outcome: 'succeeded', patch };
  return { outcome: 'failed', error: { code: r.status, message: r.errorInfo || r.errorCode || undefined, requestId: o.requestId }, patch };
}
