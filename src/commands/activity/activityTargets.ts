// The Activity row a command acts on: `{ entryId }` from a row, or its tree row object.
import type { ActivityEntry } from '../../core/activity/activityLog';
import type { Services } from '../../services';

export function activityEntry(services: Services, arg: unknown): ActivityEntry | undefined {
  const id = typeof arg === 'object' && arg !== null ? (arg as { entryId?: unknown }).entryId : undefined;
  return typeof id === 'string' ? services.activity.get(id) : undefined;
}
