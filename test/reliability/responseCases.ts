// The malformed API responses of the hostile-input campaign (served by the emulator's canned
// `responses` fault). A case with `expect` checks a successful result; one without must not be
// believed: a retry reaching the real action, or a clear error when every attempt is malformed.
import { loadRegion } from '../../src/core/regionLoader';
import type { SwasApi } from '../../src/core/swasApi';

export interface ResponseCase {
  action: string;
  body: string;
  status?: number;
  /** Checks a successful result; returns a reason when it is wrong. */
  expect?: (api: SwasApi) => Promise<string | undefined>;
  /** The call must fail with a clear error (default when expect is absent). */
}

const INSTANCE = (id: string): string =>
  `{"InstanceId":${id},"InstanceName":"odd","RegionId":"cn-hangzhou","Status":"Running","Disks":[{"DiskId":"d-1","DiskType":"System"}],"ResourceSpec":{"Cpu":2,"Memory":"4"}}`;

export const RESPONSE_CASES: Record<string, ResponseCase> = {
  instancesMissing: { action: 'ListInstances', body: '{"RequestId":"{RequestId}","TotalCount":3}' },
  instancesMissingNoTotal: { action: 'ListInstances', body: '{"RequestId":"{RequestId}"}' },
  instancesNotArray: { action: 'ListInstances', body: '{"RequestId":"{RequestId}","TotalCount":1,"Instances":"oops"}' },
  instancesItemsNotObjects: { action: 'ListInstances', body: '{"RequestId":"{RequestId}","TotalCount":3,"Instances":[null,1,"x"]}' },
  instanceWithoutId: { action: 'ListInstances', body: '{"RequestId":"{RequestId}","TotalCount":1,"Instances":[{"InstanceName":"ghost"}]}' },
  bodyNull: { action: 'ListInstances', body: 'null' },
  bodyArray: { action: 'ListInstances', body: '[]' },
  bodyNumber: { action: 'ListInstances', body: '42' },
  bodyEmpty: { action: 'ListInstances', body: '' },
  bodyHtml200: { action: 'ListInstances', body: '<html><body>maintenance</body></html>' },
  bodyProtoKey: {
    action: 'ListInstances',
    body: `{"RequestId":"{RequestId}","TotalCount":1,"__proto__":{"polluted":1},"Instances":[${INSTANCE('"s-1"')}]}`,
  },
  bodyDeepNesting: { action: 'ListInstances', body: `{"RequestId":"{RequestId}","X":${'['.repeat(100_000)}${']'.repeat(100_000)}}` },
  errorCodeIn200: {
    action: 'ListInstances',
    body: '{"RequestId":"{RequestId}","Code":"Forbidden.RAM","Message":"You are not authorized."}',
  },
  codeless500: { action: 'ListInstances', status: 500, body: '{"RequestId":"{RequestId}"}' },
  extraFields: {
    action: 'ListInstances',
    body: `{"RequestId":"{RequestId}","TotalCount":1,"Surprise":{"a":[1,2]},"Instances":[{"Extra":true,"Nested":{"x":[{}]},${INSTANCE('"s-extra"').slice(1)}]}`,
    expect: async (api) => {
      const p = await api.listInstances('cn-hangzhou');
      return p.items.length === 1 && p.items[0]?.instanceId === 's-extra' && p.items[0].spec.memoryGiB === 4
        ? undefined
        : JSON.stringify(p.items[0]).slice(0, 200);
    },
  },
  bigNumberIds: {
    action: 'ListInstances',
    body: `{"RequestId":"{RequestId}","TotalCount":1,"PageNumber":1,"PageSize":100,"Instances":[${INSTANCE('123456789012345678901234567890')}]}`,
    expect: async (api) => {
      const p = await api.listInstances('cn-hangzhou');
      return p.items[0]?.instanceId === '123456789012345678901234567890' ? undefined : `id ${p.items[0]?.instanceId}`;
    },
  },
  bigNumberTotal: {
    action: 'ListInstances',
    body: `{"RequestId":"{RequestId}","TotalCount":12345678901234567890,"Instances":[${INSTANCE('"s-2"')}]}`,
    expect: async (api) => {
      const d = await loadRegion(api, 'cn-hangzhou', { fresh: true });
      return d.truncated ? undefined : 'a huge TotalCount with one item was not marked truncated';
    },
  },
  emptyPageWithTotal: {
    action: 'ListInstances',
    body: '{"RequestId":"{RequestId}","TotalCount":150,"PageNumber":1,"PageSize":100,"Instances":[]}',
    expect: async (api) => {
      const d = await loadRegion(api, 'cn-hangzhou', { fresh: true });
      return d.truncated ? undefined : 'an empty page of 150 servers was presented as complete';
    },
  },
  explicitEmpty: {
    action: 'ListInstances',
    body: '{"RequestId":"{RequestId}","TotalCount":0,"PageNumber":1,"PageSize":100,"Instances":[]}',
    expect: async (api) => {
      const p = await api.listInstances('cn-hangzhou');
      return p.items.length === 0 && p.totalCount === 0 ? undefined : 'not empty';
    },
  },
  snapshotsMissing: { action: 'ListSnapshots', body: '{"RequestId":"{RequestId}","TotalCount":2}' },
  imagesNotArray: { action: 'ListCustomImages', body: '{"RequestId":"{RequestId}","TotalCount":"1","CustomImages":{"a":1,"b":2}}' },
  regionsMissing: { action: 'ListRegions', body: '{"RequestId":"{RequestId}"}' },
  regionWithoutId: { action: 'ListRegions', body: '{"RequestId":"{RequestId}","Regions":[{"LocalName":"nowhere"}]}' },
  regionsExtraFields: {
    action: 'ListRegions',
    body: '{"RequestId":"{RequestId}","Regions":[{"RegionId":"cn-hangzhou","LocalName":"Hangzhou","Extra":[1],"RegionEndpoint":null}],"More":1}',
    expect: async (api) => {
      const r = await api.listRegions('en-US');
      return r.length === 1 && r[0]?.regionId === 'cn-hangzhou' && r[0].endpoint === '' ? undefined : JSON.stringify(r);
    },
  },
  createWithoutImageId: {
    // A 200 without ImageId must not be reported as a success with an empty id. The client may
    // retry (same ClientToken): the emulator then creates the image once and answers its id.
    action: 'CreateCustomImage',
    body: '{"RequestId":"{RequestId}"}',
    expect: async (api) => {
      const data = await loadRegion(api, 'cn-hangzhou', { fresh: true });
      const server = data.instances.find(
        (i) =>
          (data.snapshotsByInstance.get(i.instanceId) ?? []).some((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished') &&
          i.status === 'Running',
      );
      const snap =
        server &&
        (data.snapshotsByInstance.get(server.instanceId) ?? []).find((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished');
      if (!server || !snap) return 'no target in the demo seed';
      const res = await api.createCustomImage({
        regionId: 'cn-hangzhou',
        instanceId: server.instanceId,
        imageName: 'hostile-no-id',
        systemSnapshotId: snap.snapshotId,
        clientToken: 'hostile-no-id-token',
      });
      return /^[A-Za-z0-9-]+$/.test(res.imageId) ? undefined : `told success with image id "${res.imageId}"`;
    },
  },
};
