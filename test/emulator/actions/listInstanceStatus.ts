import { jsonIds, page, paginate } from '../params';
import type { ActionDef } from './action';

export const listInstanceStatus: ActionDef = {
  name: 'ListInstanceStatus',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const pg = page(params);
    const ids = jsonIds(params, 'InstanceIds', 100);
    const all = store.region(accountId, regionId).instances.filter((i) => !ids || ids.includes(i.instanceId));
    return {
      PageNumber: pg.pageNumber,
      PageSize: pg.pageSize,
      TotalCount: all.length,
      InstanceStatuses: paginate(all, pg).map((i) => ({ InstanceId: i.instanceId, Status: i.status })),
    };
  },
};
