import { bool, jsonIds, matchesTags, optional, page, paginate, resourceGroupId, tags } from '../params';
import { imageWire } from '../render';
import type { ActionDef } from './action';

/** Paging fields are strings here (as the SDK types them). Share=true returns only shared images. */
export const listCustomImages: ActionDef = {
  name: 'ListCustomImages',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const pg = page(params);
    const ids = jsonIds(params, 'ImageIds', 100);
    const names = jsonIds(params, 'ImageNames', 100);
    const instanceId = optional(params, 'InstanceId');
    const sys = optional(params, 'SystemSnapshotId');
    const data = optional(params, 'DataSnapshotId');
    const share = bool(params, 'Share');
    const rg = resourceGroupId(params);
    const wanted = tags(params);
    const all = store
      .region(accountId, regionId)
      .images.filter(
        (i) =>
          (!ids || ids.includes(i.imageId)) &&
          (!names || names.includes(i.name)) &&
          (!instanceId || i.instanceId === instanceId) &&
          (!sys || i.systemSnapshotId === sys) &&
          (!data || i.dataSnapshotId === data) &&
          (share === undefined || i.inShare === share) &&
          (!rg || i.resourceGroupId === rg) &&
          matchesTags(i.tags, wanted),
      );
    const acc = store.state.accounts[accountId] ?? { accountId, userId: '0', regions: {} };
    return {
      PageNumber: String(pg.pageNumber),
      PageSize: String(pg.pageSize),
      TotalCount: String(all.length),
      CustomImages: paginate(all, pg).map((i) => imageWire(i, acc)),
    };
  },
};
