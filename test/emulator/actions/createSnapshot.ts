import { ApiError } from '../apiError';
import { required, resourceGroupId, tags } from '../params';
import { IMAGE_READY_STATES, SNAPSHOTS_PER_SERVER, isValidSnapshotName, snapshotQuota } from '../state/rules';
import { isoSeconds } from '../state/time';
import type { SnapshotRecord } from '../types';
import type { ActionDef } from './action';

export const createSnapshot: ActionDef = {
  name: 'CreateSnapshot',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params, now }) {
    const diskId = required(params, 'DiskId');
    const name = required(params, 'SnapshotName');
    if (!isValidSnapshotName(name)) {
      throw new ApiError(
        400,
        'InvalidSnapshotName.Malformed',
        'The snapshot name must be 2-50 characters, start with a letter or a Chinese character, and contain only letters, Chinese characters, digits, ":", "_", "." and "-".',
      );
    }
    const tagList = tags(params);
    const rg = resourceGroupId(params) ?? '';
    const region = store.region(accountId, regionId);
    const inst = region.instances.find((i) => i.disks.some((d) => d.diskId === diskId));
    const disk = inst?.disks.find((d) => d.diskId === diskId);
    if (!inst || !disk) throw new ApiError(404, 'InvalidDiskId.NotFound', 'The specified DiskId does not exist.');
    if (!IMAGE_READY_STATES.has(inst.status)) {
      throw new ApiError(403, 'IncorrectInstanceStatus', 'The state of the current instance does not support this operation.');
    }
    if (disk.status !== 'In_use') {
      throw new ApiError(400, 'IncorrectStatus', 'The state of the disk or instance does not currently support this operation.');
    }
    if (region.snapshots.some((s) => s.sourceDiskId === diskId && s.status === 'Progressing')) {
      throw new ApiError(403, 'IncorrectDiskStatus.CreatingSnapshot', 'A snapshot is being created for the disk. Try again later.');
    }
    if (region.snapshots.filter((s) => s.instanceId === inst.instanceId).length >= SNAPSHOTS_PER_SERVER) {
      throw new ApiError(403, 'QuotaExceed.Snapshot', `A server can have at most ${SNAPSHOTS_PER_SERVER} snapshots.`);
    }
    const quota = snapshotQuota(store.serverCount(accountId));
    if (store.snapshotCount(accountId) >= quota) {
      throw new ApiError(403, 'QuotaExceed.Snapshot', `The account can have at most ${quota} snapshots (3 per server, at most 15).`);
    }
    const seconds = store.timings.snapshotSeconds;
    const snap: SnapshotRecord = {
      snapshotId: store.newSnapshotId(),
      snapshotName: name,
      status: seconds > 0 ? 'Progressing' : 'Accomplished',
      startedAt: now,
      readyAt: now + seconds * 1000,
      failedProgress: 0,
      sourceDiskId: disk.diskId,
      sourceDiskType: disk.diskType,
      instanceId: inst.instanceId,
      creationTime: isoSeconds(now),
      rollbackTime: '',
      regionId,
      remark: '',
      resourceGroupId: rg,
      tags: tagList,
    };
    store.regionForWrite(accountId, regionId).snapshots.push(snap);
    if (snap.sourceDiskType === 'System') store.machines?.disks.snapshot(inst.instanceId, snap.snapshotId);
    return { SnapshotId: snap.snapshotId };
  },
};
