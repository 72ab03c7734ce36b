import { ApiError } from '../apiError';
import { optional, required, resourceGroupId, tags } from '../params';
import { IMAGE_READY_STATES, imageQuota, isValidDescription, isValidImageName } from '../state/rules';
import { isoSeconds } from '../state/time';
import type { ImageRecord } from '../types';
import type { ActionDef } from './action';

export const createCustomImage: ActionDef = {
  name: 'CreateCustomImage',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params, now, variants }) {
    const instanceId = required(params, 'InstanceId');
    const name = required(params, 'ImageName');
    const systemSnapshotId = required(params, 'SystemSnapshotId');
    const dataSnapshotId = optional(params, 'DataSnapshotId');
    const description = params.Description ?? '';
    if (!isValidImageName(name)) throw new ApiError(400, 'InvalidParam.IllegalImageName', 'The specified parameter imageName is illegal.');
    if (!isValidDescription(description))
      throw new ApiError(
        400,
        'InvalidDescription.Malformed',
        'The description is at most 256 characters and must not start with http:// or https://.',
      );
    const tagList = tags(params);
    const rg = resourceGroupId(params) ?? '';
    const inst = store.findInstance(accountId, regionId, instanceId);
    if (!inst) throw new ApiError(404, 'InvalidInstanceId.NotFound', 'The specified InstanceId does not exist.');
    if (!IMAGE_READY_STATES.has(inst.status)) {
      throw new ApiError(403, 'IncorrectInstanceStatus', 'The state of the current instance does not support this operation.');
    }
    const region = store.region(accountId, regionId);
    const sys = region.snapshots.find((s) => s.snapshotId === systemSnapshotId);
    if (!sys) throw new ApiError(400, 'InvalidParam.SystemSnapshotIdNotFound', 'The specified parameter systemSnapshotId is not found.');
    if (sys.sourceDiskType !== 'System' || sys.instanceId !== inst.instanceId || sys.status !== 'Accomplished') {
      throw new ApiError(
        400,
        'InvalidParam.SystemSnapshotIdNotSupport',
        'You cannot create custom images in the specified parameter system snapshotId.',
      );
    }
    const data = dataSnapshotId === undefined ? undefined : region.snapshots.find((s) => s.snapshotId === dataSnapshotId);
    if (dataSnapshotId !== undefined && !data) {
      throw new ApiError(400, 'InvalidParam.DataSnapshotIdNotFound', 'The specified parameter dataSnapshotId is not found.');
    }
    if (data && (data.sourceDiskType !== 'Data' || data.instanceId !== inst.instanceId || data.status !== 'Accomplished')) {
      throw new ApiError(
        400,
        'InvalidParam.DataSnapshotIdNotSupport',
        'You cannot create custom images in the specified parameter data snapshotId.',
      );
    }
    if (region.images.some((i) => i.name === name)) throw new ApiError(400, 'ImageNameAlreadyExist', 'The image name already exists.');
    const [images, servers] = variants.has('account-wide-quota')
      ? [store.imageCount(accountId), store.serverCount(accountId)]
      : [region.images.length, region.instances.length];
    if (images >= imageQuota(servers)) {
      throw new ApiError(400, 'CustomImageQuotaLimit', 'The maximum number of custom image in this region is exceeded.');
    }
    const dataDisk = data ? inst.disks.find((d) => d.diskId === data.sourceDiskId) : undefined;
    const image: ImageRecord = {
      imageId: store.newImageId(),
      name,
      description,
      status: '4',
      readyAt: now + store.timings.imageSeconds * 1000,
      instanceId: inst.instanceId,
      instanceName: inst.instanceName,
      systemSnapshotId: sys.snapshotId,
      systemSnapshotName: sys.snapshotName,
      dataSnapshotId: data?.snapshotId ?? '',
      dataSnapshotName: data?.snapshotName ?? '',
      requiredSystemDiskSize: inst.disks[0]?.size ?? 40,
      requiredDataDiskSize: dataDisk?.size ?? 0,
      osType: inst.image.osType,
      sourceImageName: inst.image.imageName,
      sourceImageVersion: inst.image.imageVersion,
      inShare: false,
      inShareUser: false,
      createInstances: [],
      creationTime: isoSeconds(now),
      regionId,
      resourceGroupId: rg,
      tags: tagList,
    };
    if (store.timings.imageSeconds <= 0) image.status = '1';
    store.regionForWrite(accountId, regionId).images.push(image);
    store.machines?.disks.imageFromSnapshot(image.systemSnapshotId, image.imageId);
    return { ImageId: image.imageId };
  },
};
