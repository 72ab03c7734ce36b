// SWAS: Apply Image to Server… — from a custom image: pick target servers of the same region
// (those the confirmed rules block are listed with the reason), then each one goes through the
// same typed confirmation as Reset System.
import * as vscode from 'vscode';
import { customImageBlocks } from '../../core/operations/resetRules';
import type { Services } from '../../services';
import { instanceStatusLabel } from '../../tree/labels';
import { imageState } from '../../tree/contextValue';
import { orCancel } from '../runner';
import { resolveImage } from '../targets';
import { reasons } from './imageChoices';
import { applyConfirmed } from './resetServer';

export async function applyImage(services: Services, node?: unknown): Promise<void> {
  const title = vscode.l10n.t('SWAS: Apply Image to Server');
  const image = await resolveImage(services, node, title, (i) => imageState(i.status) === 'available');
  const data = await services.regions.load(image.regionId);
  const items = data.instances.map((i) => {
    const blocks = customImageBlocks(image, i);
    return {
      label: `${blocks.length > 0 ? '$(circle-slash) ' : ''}${i.instanceName || i.instanceId}`,
      description: instanceStatusLabel(i.status),
      detail: blocks.length > 0 ? vscode.l10n.t('Cannot be used: {0}', reasons(blocks)) : i.instanceId,
      instance: i,
      blocks,
    };
  });
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no suitable server in {0}.', image.regionId));
    return;
  }
  const picked = orCancel(
    await services.prompts.pickMany(items, {
      title,
      placeHolder: vscode.l10n.t('Select the servers to reset to "{0}"', image.name),
      ignoreFocusOut: true,
    }),
  );
  const blocked = picked.filter((p) => p.blocks.length > 0);
  for (const b of blocked) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Image "{0}" cannot be applied to "{1}": {2}.', image.name, b.instance.instanceName, reasons(b.blocks)),
    );
  }
  for (const p of picked.filter((x) => x.blocks.length === 0)) {
    if (!(await applyConfirmed(services, p.instance, image.imageId, image.name || image.imageId))) break;
  }
}
