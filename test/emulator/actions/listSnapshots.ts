import { diskType, jsonIds, matchesTags, optional, page, paginate, resourceGroupId, tags } from '../params';
import { snapshotWire } from '../render';
import type { ActionDef } from './action';

export const listSnapshots: ActionDef = {
  name: 'ListSnapshots',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params, now }) {
    const pg = page(params);
    const instanceId = optional(params, 'InstanceId');
    const diskId = optional(params, 'DiskId');
    const ids = jsonIds(params, 'SnapshotIds', 100);
    const type = diskType(params, 'SourceDiskType');
    const rg = resourceGroupId(params);
    const wanted = tags(params);
    const all = store
      .region(accountId, regionId)
      .snapshots.filter(
        (s) =>
          (!instanceId || s.instanceId === instanceId) &&
          (!diskId || s.sourceDiskId === diskId) &&
          (!ids || ids.includes(s.snapshotId)) &&
          (!type || s.sourceDiskType === type) &&
          (!rg || s.resourceGroupId === rg) &&
          matchesTags(s.tags, wanted),
      );
    return {
      PageNumber: pg.pageNumber,
      PageSize: pg.pageSize,
      TotalCount: all.length,
      Snapshots: paginate(all, pg).map((s) => snapshotWire(s, now)),
    };
  },
};
