// Clicking an Activity row reveals its resource in the Servers view.
import type { Services } from '../../services';
import { activityEntry } from './activityTargets';

export async function revealActivity(services: Services, arg: unknown): Promise<void> {
  const e = activityEntry(services, arg);
  if (!e) return;
  if (e.target.kind === 'image') await services.explorer.revealImage(e.target.regionId, e.target.id);
  else await services.explorer.revealInstance(e.target.regionId, e.target.id);
}
