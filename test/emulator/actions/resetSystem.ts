// ResetSystem: reinstall the server's image, or apply another one (public or custom) [SDK].
// Confirmed rules for a custom image [swas-api-2 §B]: same region, not made from this same
// server, fits the server's disks; it must be available (status "1", likely). The disks are
// wiped; snapshots are kept. Codes for the image checks are guesses.
import { ApiError } from '../apiError';
import { optional, required } from '../params';
import { begin, checkStatus } from '../state/lifecycle';
import type { InstanceRecord } from '../types';
import type { ActionDef } from './action';
import { CATALOG } from './listImages';

function applyImage(
  inst: InstanceRecord,
  image: { imageId: string; imageName: string; imageType: string; imageVersion: string; osType: string },
): void {
  inst.imageId = image.imageId;
  inst.image = { imageName: image.imageName, imageType: image.imageType, imageVersion: image.imageVersion, osType: image.osType };
}

export const resetSystem: ActionDef = {
  name: 'ResetSystem',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params, now }) {
    const id = required(params, 'InstanceId');
    const imageId = optional(params, 'ImageId');
    const inst = store.findInstance(accountId, regionId, id);
    if (!inst) throw new ApiError(404, 'InvalidInstanceId.NotFound', `The specified InstanceId "${id}" does not exist.`);
    checkStatus(inst, 'reset');
    const region = store.region(accountId, regionId);
    if (region.snapshots.some((s) => s.instanceId === inst.instanceId && s.status === 'Progressing')) {
      throw new ApiError(
        400,
        'IncorrectStatus',
        'The state of the disk or instance does not currently support this operation (a snapshot is being created).',
      );
    }
    if (imageId === undefined || imageId === inst.imageId) {
      // A reinstall wipes the disks (and the SSH host keys: a new server makes new ones).
      store.machines?.disks.reset(inst.instanceId, undefined, inst.instanceName);
      begin(inst, 'reset', now);
      return {};
    }
    const custom = region.images.find((i) => i.imageId === imageId);
    const pub = CATALOG.find((i) => i.ImageId === imageId);
    if (custom) {
      if (custom.status !== '1') throw new ApiError(403, 'IncorrectImageStatus', 'The custom image is not available.');
      if (custom.instanceId === inst.instanceId) {
        throw new ApiError(400, 'InvalidImageId.SameInstance', 'A custom image cannot be applied to the server it was created from.');
      }
      const sys = inst.disks.find((d) => d.diskType === 'System')?.size ?? 0;
      const data = inst.disks.find((d) => d.diskType === 'Data')?.size ?? 0;
      if (custom.requiredSystemDiskSize > sys || custom.requiredDataDiskSize > data) {
        throw new ApiError(400, 'InvalidDiskSize.NotSupported', 'The disks of the server are smaller than the custom image requires.');
      }
      applyImage(inst, { imageId: custom.imageId, imageName: custom.name, imageType: 'custom', imageVersion: '', osType: custom.osType });
      // The disks now hold the image's copy of its source server's files.
      store.machines?.disks.reset(inst.instanceId, custom.imageId, inst.instanceName);
    } else if (pub) {
      const [name, ...version] = pub.ImageName.split(' ');
      applyImage(inst, {
        imageId: pub.ImageId,
        imageName: name ?? pub.ImageName,
        imageType: pub.ImageType,
        imageVersion: version.join(' '),
        osType: pub.Platform,
      });
      store.machines?.disks.reset(inst.instanceId, undefined, inst.instanceName);
    } else {
      throw new ApiError(404, 'InvalidImageId.NotFound', `The specified ImageId "${imageId}" does not exist in ${regionId}.`);
    }
    begin(inst, 'reset', now);
    return {};
  },
};
