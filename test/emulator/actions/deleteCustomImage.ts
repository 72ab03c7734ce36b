import { ApiError } from '../apiError';
import { jsonIds, required } from '../params';
import type { Store } from '../state/store';
import type { ActionDef } from './action';

function checkDeletable(store: Store, accountId: string, regionId: string, imageId: string): void {
  const img = store.findImage(accountId, regionId, imageId);
  if (!img) throw new ApiError(404, 'InvalidImageId.NotFound', `The specified ImageId "${imageId}" does not exist.`);
  if (img.inShare) throw new ApiError(400, 'CustomImageInShare', 'The custom image is shared to ECS; unshare it before deleting it.');
  if (img.status === '4' || img.status === '0') {
    throw new ApiError(403, 'IncorrectImageStatus', 'The custom image is being created; try again when it is available.');
  }
}

function remove(store: Store, accountId: string, regionId: string, ids: string[]): void {
  const region = store.regionForWrite(accountId, regionId);
  region.images = region.images.filter((i) => !ids.includes(i.imageId));
  for (const id of ids) store.machines?.disks.deleteImage(id);
}

export const deleteCustomImage: ActionDef = {
  name: 'DeleteCustomImage',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const id = required(params, 'ImageId');
    checkDeletable(store, accountId, regionId, id);
    remove(store, accountId, regionId, [id]);
    return {};
  },
};

export const deleteCustomImages: ActionDef = {
  name: 'DeleteCustomImages',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    required(params, 'ImageIds');
    const ids = jsonIds(params, 'ImageIds', 15) ?? [];
    for (const id of ids) checkDeletable(store, accountId, regionId, id);
    remove(store, accountId, regionId, ids);
    return {};
  },
};
