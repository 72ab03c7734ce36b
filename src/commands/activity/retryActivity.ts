// Retry of a failed Activity row: server operations (the same ClientToken when the call never
// took effect; a reset goes through the typed confirmation again), Create Snapshot and Create
// Custom Image (src/activity/resourceRetry.ts). Rows that cannot be retried are ignored.
import * as vscode from 'vscode';
import { canRetry } from '../../core/activity/resourceOp';
import type { Services } from '../../services';
import { loadServers } from '../servers/serverTargets';
import { confirmReset } from '../servers/resetConfirmation';
import { activityEntry } from './activityTargets';

export async function retryActivity(services: Services, arg: unknown): Promise<void> {
  const e = activityEntry(services, arg);
  if (!e || !canRetry(e)) return;
  if (e.kind === 'createSnapshot' || e.kind === 'createImage') return services.resourceOps.retry(e.id);
  if (e.kind === 'reset') {
    const [server] = await loadServers(services, [{ regionId: e.target.regionId, instanceId: e.target.id }]);
    if (!server) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The server no longer exists.'));
      return;
    }
    const imageName = typeof e.params?.imageName === 'string' ? e.params.imageName : server.imageName;
    if (!(await confirmReset(services, server, imageName))) return;
  }
  await services.serverOps.retry(e.id);
}
