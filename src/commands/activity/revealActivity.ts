// Clicking an Activity row reveals its resource in the Servers view (a snapshot under its server).
import type { Services } from '../../services';
import { activityEntry } from './activityTargets';

export async function revealActivity(services: Services, arg: unknown): Promise<void> {
  const e = activityEntry(services, arg);
  if (!e) return;
  const { regionId, id, kind } = e.target;
  const owner = typeof e.params?.instanceId === 'string' ? e.params.instanceId : undefined;
  if (kind === 'image') {
    if (!id && owner) await services.explorer.revealInstance(regionId, owner);
    else await services.explorer.revealImage(regionId, id || undefined);
  } else if (kind === 'snapshot' && owner) await services.explorer.revealSnapshot(regionId, owner, id || undefined);
  else await services.explorer.revealInstance(regionId, id);
}
