// An Activity row for a one-call operation (share, unshare, delete): running while the call
// is under way, then its outcome and RequestId. Wrap the API call: the result passes through.
import { randomUUID } from 'node:crypto';
import type { ActivityKind, ActivityTarget } from '../core/activity/activityLog';
import type { ActivityStore } from './activityStore';

export async function recordActivity<T extends { requestId: string }>(
  activity: ActivityStore,
  what: { kind: ActivityKind; target: ActivityTarget; clientToken?: string },
  run: () => Promise<T>,
  now: () => number = Date.now,
): Promise<T> {
  const entry = activity.add({
    id: randomUUID(),
    kind: what.kind,
    target: what.target,
    startedAt: now(),
    outcome: 'running',
    steps: [{ label: what.kind, state: 'active' }],
    clientToken: what.clientToken,
  });
  try {
    const result = await run();
    activity.succeed(entry.id, now(), { requestId: result.requestId });
    return result;
  } catch (e) {
    const err = e as { code?: string; message?: string; requestId?: string };
    activity.fail(entry.id, now(), { code: err.code, message: err.message, requestId: err.requestId });
    throw e;
  }
}
