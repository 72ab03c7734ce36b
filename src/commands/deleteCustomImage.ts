// SWAS: Delete Custom Image — modal confirmation; an image shared to ECS is unshared first.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { recordActivity } from '../activity/recordActivity';
import { deleteAfterUnshare } from '../core/imageDelete';
import { sleep } from '../core/retry';
import type { Services } from '../services';
import { imageState } from '../tree/contextValue';
import { resolveImage } from './targets';

export async function deleteCustomImage(services: Services, node?: unknown): Promise<boolean> {
  const image = await resolveImage(services, node, vscode.l10n.t('SWAS: Delete Custom Image'), (i) => imageState(i.status) !== 'creating');
  const name = image.name || image.imageId;
  const del = vscode.l10n.t('Delete');
  const detail = [
    image.inShare
      ? vscode.l10n.t(
          'It is shared to ECS: it will be unshared first, and ECS instances created from it can no longer re-initialize their disks.',
        )
      : '',
    vscode.l10n.t('Servers created from this image can no longer be reset to it. This cannot be undone.'),
  ]
    .filter((x) => x !== '')
    .join('\n\n');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete custom image "{0}" ({1})?', name, image.imageId),
    { modal: true, detail },
    del,
  );
  if (answer !== del) return false;
  const api = services.api();
  if (!api) return false;
  const regionId = image.regionId;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting custom image "{0}"', name) },
      async (progress) => {
        if (image.inShare) {
          progress.report({ message: vscode.l10n.t('Unsharing from ECS…') });
          await api.modifyImageShareStatus({ regionId, imageId: image.imageId, operation: 'UnShare', clientToken: randomUUID() });
        }
        progress.report({ message: vscode.l10n.t('Deleting…') });
        const params = { regionId, imageId: image.imageId, clientToken: randomUUID() };
        // After our own unshare, "still shared" may only mean the unshare is not done yet (A14).
        await recordActivity(
          services.activity,
          { kind: 'deleteImage', target: { regionId, kind: 'image', id: image.imageId, name } },
          () => (image.inShare ? deleteAfterUnshare(api, params, { now: Date.now, sleep }) : api.deleteCustomImage(params)),
        );
      },
    );
  } finally {
    await services.explorer.refreshImages(regionId).catch(() => undefined);
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Custom image "{0}" was deleted.', name));
  return true;
}
