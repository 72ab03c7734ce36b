import { ApiError } from '../apiError';
import type { Params } from '../params';
import { jsonIds, required } from '../params';
import type { Store } from '../state/store';
import type { ActionDef } from './action';

/** Checks that a snapshot can be deleted; returns nothing, throws the API error. */
export function checkDeletable(store: Store, accountId: string, regionId: string, snapshotId: string): void {
  const region = store.region(accountId, regionId);
  if (!region.snapshots.some((s) => s.snapshotId === snapshotId)) {
    throw new ApiError(404, 'InvalidSnapshotId.NotFound', `The specified SnapshotId "${snapshotId}" does not exist.`);
  }
  const user = region.images.find((i) => i.systemSnapshotId === snapshotId || i.dataSnapshotId === snapshotId);
  if (user) {
    throw new ApiError(403, 'SnapshotUsedByImage', `The snapshot is used by custom image ${user.imageId}; delete the image first.`);
  }
}

export function removeSnapshots(store: Store, accountId: string, regionId: string, ids: string[]): void {
  const region = store.regionForWrite(accountId, regionId);
  region.snapshots = region.snapshots.filter((s) => !ids.includes(s.snapshotId));
  store.markReleased(ids, 'snapshot');
  for (const id of ids) store.machines?.disks.deleteSnapshot(id);
}

export const deleteSnapshot: ActionDef = {
  name: 'DeleteSnapshot',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const id = required(params, 'SnapshotId');
    checkDeletable(store, accountId, regionId, id);
    removeSnapshots(store, accountId, regionId, [id]);
    return {};
  },
};

function idsParam(p: Params): string[] {
  required(p, 'SnapshotIds');
  return jsonIds(p, 'SnapshotIds', 100) ?? [];
}

export const deleteSnapshots: ActionDef = {
  name: 'DeleteSnapshots',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const ids = idsParam(params);
    for (const id of ids) checkDeletable(store, accountId, regionId, id);
    removeSnapshots(store, accountId, regionId, ids);
    return {};
  },
};
