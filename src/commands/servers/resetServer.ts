// SWAS: Reset System… — from a server: pick the image (custom or public), confirm with the
// typed name, one ClientToken per submission, then follow Resetting → Running. After the
// call, offer to forget the old SSH host key of the server's IP (`ssh-keygen -R`).
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import { canRun } from '../../core/operations/serverOperation';
import { customImageBlocks } from '../../core/operations/resetRules';
import type { Services } from '../../services';
import { orCancel } from '../runner';
import { resolveInstance } from '../targets';
import { imageChoices, reasons } from './imageChoices';
import { forgetHostKey } from './forgetHostKey';
import { confirmReset } from './resetConfirmation';

export async function resetServer(services: Services, node?: unknown): Promise<void> {
  const title = vscode.l10n.t('SWAS: Reset System');
  const server = await resolveInstance(services, node, title, (i) => canRun('reset', i.status));
  if (!canRun('reset', server.status)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Server "{0}" must be Running or Stopped to be reset.', server.instanceName || server.instanceId),
    );
    return;
  }
  const choice = orCancel(
    await services.prompts.pick(await imageChoices(services, server), {
      title,
      placeHolder: vscode.l10n.t('Select the image to apply'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    }),
  );
  if (choice.blocks && choice.blocks.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Image "{0}" cannot be applied to "{1}": {2}.', choice.imageName ?? '', server.instanceName, reasons(choice.blocks)),
    );
    return;
  }
  await applyConfirmed(services, server, choice.imageId, choice.imageName ?? server.imageName);
}

/** Confirmation, call and follow-up shared by Reset System and Apply Image to Server. */
export async function applyConfirmed(
  services: Services,
  server: Instance,
  imageId: string | undefined,
  imageName: string,
): Promise<boolean> {
  if (!(await confirmReset(services, server, imageName))) return false;
  // Checked again right before the call with fresh data: the rules may have changed meanwhile.
  const data = await services.regions.load(server.regionId);
  const fresh = data.instances.find((i) => i.instanceId === server.instanceId) ?? server;
  const image = imageId ? data.images.find((i) => i.imageId === imageId) : undefined;
  const blocks = image ? customImageBlocks(image, fresh) : canRun('reset', fresh.status) ? [] : ['serverStatus' as const];
  if (blocks.length > 0) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Image "{0}" cannot be applied to "{1}": {2}.', imageName, fresh.instanceName, reasons(blocks)),
    );
    return false;
  }
  await services.serverOps.run('reset', [fresh], { imageId: imageId && imageId !== fresh.imageId ? imageId : undefined, imageName });
  void forgetHostKey(services, fresh);
  return true;
}
