// SWAS: Share to ECS — makes the custom image usable by ECS in the same region.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { recordActivity } from '../activity/recordActivity';
import type { Services } from '../services';
import { imageState } from '../tree/contextValue';
import { resolveImage } from './targets';

export async function shareImage(services: Services, node?: unknown): Promise<boolean> {
  const image = await resolveImage(
    services,
    node,
    vscode.l10n.t('SWAS: Share to ECS'),
    (i) => !i.inShare && imageState(i.status) === 'available',
  );
  const api = services.api();
  if (!api) return false;
  const name = image.name || image.imageId;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sharing "{0}" to ECS…', name) },
      () =>
        recordActivity(
          services.activity,
          { kind: 'share', target: { regionId: image.regionId, kind: 'image', id: image.imageId, name } },
          () =>
            api.modifyImageShareStatus({ regionId: image.regionId, imageId: image.imageId, operation: 'Share', clientToken: randomUUID() }),
        ),
    );
  } finally {
    await services.explorer.refreshImages(image.regionId).catch(() => undefined);
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Custom image "{0}" is shared to ECS.', name));
  return true;
}
