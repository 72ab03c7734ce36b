// SWAS: Unshare from ECS — with a modal confirmation (ECS instances lose the image).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { recordActivity } from '../activity/recordActivity';
import type { Services } from '../services';
import { resolveImage } from './targets';

export async function unshareImage(services: Services, node?: unknown): Promise<boolean> {
  const image = await resolveImage(services, node, vscode.l10n.t('SWAS: Unshare from ECS'), (i) => i.inShare);
  const name = image.name || image.imageId;
  const unshare = vscode.l10n.t('Unshare');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Unshare custom image "{0}" from ECS?', name),
    {
      modal: true,
      detail: vscode.l10n.t('ECS can no longer see or use it, and ECS instances created from it can no longer re-initialize their disks.'),
    },
    unshare,
  );
  if (answer !== unshare) return false;
  const api = services.api();
  if (!api) return false;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Unsharing "{0}"…', name) },
      () =>
        recordActivity(
          services.activity,
          { kind: 'unshare', target: { regionId: image.regionId, kind: 'image', id: image.imageId, name } },
          () =>
            api.modifyImageShareStatus({
              regionId: image.regionId,
              imageId: image.imageId,
              operation: 'UnShare',
              clientToken: randomUUID(),
            }),
        ),
    );
  } finally {
    await services.explorer.refreshImages(image.regionId).catch(() => undefined);
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Custom image "{0}" is no longer shared to ECS.', name));
  return true;
}
