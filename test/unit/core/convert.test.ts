import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { arr, num, str, toCustomImage, toInstance, toPage, toSnapshot, diskType } from '../../../src/core/convert';

/** pop-core's own parser (json-bigint, no type declarations): null prototypes and BigNumbers. */
const JSONbig = createRequire(__filename)('json-bigint') as { parse(text: string): unknown };
const popParse = (text: string): unknown => JSONbig.parse(text);

test('BigNumber user ids (16 digits) become exact strings', () => {
  const raw = popParse('{"ImageId":"m-1","UserId":1234567890123456789,"Status":"1","InShare":true}');
  const image = toCustomImage(raw);
  assert.equal(image.userId, '1234567890123456789');
  assert.equal(image.inShare, true);
  assert.equal(image.status, '1');
});

test('null-prototype results become plain objects that deep-equal literals', () => {
  const raw = popParse(
    '{"SnapshotId":"s-1","SnapshotName":"n","Status":"Accomplished","Progress":"100%","SourceDiskId":"d-1","SourceDiskType":"system","InstanceId":"i","CreationTime":"2026-01-01T00:00:00Z","RegionId":"r","Tags":[{"Key":"k","Value":"v"}]}',
  );
  assert.equal(Object.getPrototypeOf(raw), null);
  const s = toSnapshot(raw);
  assert.equal(Object.getPrototypeOf(s), Object.prototype);
  assert.deepStrictEqual(s, {
    snapshotId: 's-1',
    snapshotName: 'n',
    status: 'Accomplished',
    progress: 100,
    sourceDiskId: 'd-1',
    sourceDiskType: 'System',
    instanceId: 'i',
    creationTime: '2026-01-01T00:00:00Z',
    regionId: 'r',
    remark: '',
    resourceGroupId: '',
    tags: [{ key: 'k', value: 'v' }],
  });
});

test('numbers sent as strings are read as numbers (paging of ListCustomImages, progress percent)', () => {
  const page = toPage(popParse('{"TotalCount":"123","PageNumber":"2","PageSize":"100","CustomImages":[]}'), 'CustomImages', toCustomImage, {
    pageNumber: 2,
    pageSize: 100,
  });
  assert.deepStrictEqual(page, { items: [], pageNumber: 2, pageSize: 100, totalCount: 123 });
  assert.equal(num('45%'), 45);
  assert.equal(num(' 7 '), 7);
  assert.equal(num('x', 3), 3);
  assert.equal(num(undefined, 9), 9);
  const big = (popParse('{"a":1234567890123456}') as { a: unknown }).a;
  assert.equal(typeof big, 'object');
  assert.equal(num(big), 1234567890123456);
});

test('a page without paging fields falls back to the request and the item count', () => {
  const page = toPage(popParse('{"Snapshots":[{"SnapshotId":"s"}]}'), 'Snapshots', toSnapshot, { pageNumber: 1, pageSize: 100 });
  assert.equal(page.totalCount, 1);
  assert.equal(page.pageSize, 100);
});

test('instances carry spec numbers, disks with their owner, and the public IP from NetworkAttributes when needed', () => {
  const raw = popParse(
    JSON.stringify({
      InstanceId: 'i-1',
      InstanceName: 'web',
      RegionId: 'cn-hangzhou',
      Status: 'Running',
      Image: { ImageName: 'Ubuntu', OsType: 'Linux' },
      ResourceSpec: { Cpu: 2, Memory: '4', DiskSize: 60, Bandwidth: 5, Flow: 0, DiskCategory: 'ESSD' },
      Disks: [
        { DiskId: 'd-1', DiskType: 'System', Size: 60 },
        { DiskId: 'd-2', DiskType: 'data', Size: '40' },
      ],
      NetworkAttributes: [{ PublicIpAddress: '203.0.113.5', PrivateIpAddress: '10.0.0.5' }],
    }),
  );
  const i = toInstance(raw);
  assert.equal(i.spec.memoryGiB, 4);
  assert.equal(i.publicIpAddress, '203.0.113.5');
  assert.equal(i.innerIpAddress, '10.0.0.5');
  assert.equal(i.imageName, 'Ubuntu');
  assert.deepStrictEqual(
    i.disks.map((d) => [d.diskId, d.diskType, d.sizeGiB, d.instanceId, d.regionId]),
    [
      ['d-1', 'System', 60, 'i-1', 'cn-hangzhou'],
      ['d-2', 'Data', 40, 'i-1', 'cn-hangzhou'],
    ],
  );
});

test('scalars and odd shapes convert without throwing', () => {
  assert.equal(str(null), '');
  assert.equal(str(12), '12');
  assert.equal(str({}), '');
  assert.deepStrictEqual(arr({ Instance: [1] }), [1]);
  assert.deepStrictEqual(arr('x'), []);
  assert.equal(diskType('DATA'), 'Data');
  assert.equal(toInstance(undefined).instanceId, '');
});
