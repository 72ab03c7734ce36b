// The images a server can be reset to: this region's custom images (each confirmed rule that
// blocks one is shown as its reason) and the public images from ListImages.
import * as vscode from 'vscode';
import type { CustomImage, Instance, PublicImage } from '../../core/model';
import type { ResetBlock } from '../../core/operations/resetRules';
import { customImageBlocks } from '../../core/operations/resetRules';
import type { Services } from '../../services';

export interface ImageChoice extends vscode.QuickPickItem {
  imageId?: string;
  imageName?: string;
  blocks?: ResetBlock[];
}

export function blockReason(b: ResetBlock): string {
  switch (b) {
    case 'serverStatus':
      return vscode.l10n.t('the server must be Running or Stopped');
    case 'otherRegion':
      return vscode.l10n.t('the image is in another region');
    case 'notAvailable':
      return vscode.l10n.t('the image is not available yet');
    case 'sameServer':
      return vscode.l10n.t('the image was made from this same server');
    case 'systemDiskTooSmall':
      return vscode.l10n.t("the server's system disk is smaller than the image needs");
    case 'dataDiskTooSmall':
      return vscode.l10n.t("the server's data disk is smaller than the image needs");
  }
}

export function reasons(blocks: ResetBlock[]): string {
  return blocks.map(blockReason).join('; ');
}

export function customChoice(image: CustomImage, server: Instance): ImageChoice {
  const blocks = customImageBlocks(image, server);
  return {
    label: `${blocks.length > 0 ? '$(circle-slash) ' : ''}${image.name || image.imageId}`,
    description: image.imageId,
    detail: blocks.length > 0 ? vscode.l10n.t('Cannot be used: {0}', reasons(blocks)) : image.description || undefined,
    imageId: image.imageId,
    imageName: image.name || image.imageId,
    blocks,
  };
}

export async function imageChoices(services: Services, server: Instance): Promise<ImageChoice[]> {
  const data = await services.regions.load(server.regionId);
  const api = services.api();
  const publicImages: PublicImage[] = api
    ? (await api.listImages(server.regionId)).filter((i) => i.imageType.toLowerCase() !== 'custom')
    : [];
  const items: ImageChoice[] = [
    { label: vscode.l10n.t('Current image'), kind: vscode.QuickPickItemKind.Separator },
    {
      label: vscode.l10n.t('Reinstall {0}', server.imageName || server.imageId),
      description: server.imageId,
      imageName: server.imageName || server.imageId,
    },
    { label: vscode.l10n.t('Custom Images'), kind: vscode.QuickPickItemKind.Separator },
    ...data.images.map((i) => customChoice(i, server)),
    { label: vscode.l10n.t('Public images'), kind: vscode.QuickPickItemKind.Separator },
    ...publicImages.map((i) => ({
      label: i.imageName || i.imageId,
      description: [i.imageType, i.platform].filter((x) => x !== '').join(' · '),
      detail: i.description || undefined,
      imageId: i.imageId,
      imageName: i.imageName || i.imageId,
    })),
  ];
  return items;
}
