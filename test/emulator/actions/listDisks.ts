import { diskType, jsonIds, matchesTags, optional, page, paginate, resourceGroupId, tags } from '../params';
import { diskWire } from '../render';
import type { ActionDef } from './action';

export const listDisks: ActionDef = {
  name: 'ListDisks',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const pg = page(params);
    const instanceId = optional(params, 'InstanceId');
    const ids = jsonIds(params, 'DiskIds', 100);
    const type = diskType(params, 'DiskType');
    const rg = resourceGroupId(params);
    const wanted = tags(params);
    const all = store
      .region(accountId, regionId)
      .instances.filter((i) => !instanceId || i.instanceId === instanceId)
      .flatMap((i) => i.disks.map((d) => ({ i, d })))
      .filter(
        ({ d }) =>
          (!ids || ids.includes(d.diskId)) &&
          (!type || d.diskType === type) &&
          (!rg || d.resourceGroupId === rg) &&
          matchesTags(d.tags, wanted),
      );
    return {
      PageNumber: pg.pageNumber,
      PageSize: pg.pageSize,
      TotalCount: all.length,
      Disks: paginate(all, pg).map(({ i, d }) => diskWire(i, d)),
    };
  },
};
