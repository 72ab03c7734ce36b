import { jsonIds, matchesTags, optional, page, paginate, resourceGroupId, tags } from '../params';
import { instanceWire } from '../render';
import type { InstanceRecord } from '../types';
import type { ActionDef } from './action';

function nameMatcher(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*')) return (name) => name.includes(pattern);
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (name) => re.test(name);
}

export function filterInstances(list: InstanceRecord[], p: Record<string, string>): InstanceRecord[] {
  const ids = jsonIds(p, 'InstanceIds', 100);
  const ips = jsonIds(p, 'PublicIpAddresses', 100);
  const name = optional(p, 'InstanceName');
  const status = optional(p, 'Status');
  const charge = optional(p, 'ChargeType');
  const rg = resourceGroupId(p);
  const wanted = tags(p);
  const nameOk = name === undefined ? () => true : nameMatcher(name);
  return list.filter(
    (i) =>
      (!ids || ids.includes(i.instanceId)) &&
      (!ips || ips.includes(i.publicIpAddress)) &&
      nameOk(i.instanceName) &&
      (!status || i.status.toLowerCase() === status.toLowerCase()) &&
      (!charge || i.chargeType === charge) &&
      (!rg || i.resourceGroupId === rg) &&
      matchesTags(i.tags, wanted),
  );
}

export const listInstances: ActionDef = {
  name: 'ListInstances',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const pg = page(params);
    const all = filterInstances(store.region(accountId, regionId).instances, params);
    return { PageNumber: pg.pageNumber, PageSize: pg.pageSize, TotalCount: all.length, Instances: paginate(all, pg).map(instanceWire) };
  },
};
