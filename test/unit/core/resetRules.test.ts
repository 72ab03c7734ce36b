import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomImage, Instance } from '../../../src/core/model';
import { confirms, customImageBlocks, publicImageBlocks } from '../../../src/core/operations/resetRules';
import { instanceNameProblem } from '../../../src/core/operations/instanceName';

const server = (o: Partial<Instance> = {}): Instance => ({
  instanceId: 'i1',
  instanceName: 'web',
  regionId: 'cn-hangzhou',
  status: 'Running',
  businessStatus: '',
  disableReason: '',
  chargeType: '',
  creationTime: '',
  expiredTime: '',
  publicIpAddress: '',
  innerIpAddress: '',
  imageId: '',
  imageName: '',
  osType: 'unknown',
  planId: '',
  spec: { cpu: 1, memoryGiB: 1, diskSizeGiB: 40, diskCategory: '', bandwidthMbps: 1, flow: 0 },
  disks: [
    {
      diskId: 'd1',
      diskName: '',
      diskType: 'System',
      category: '',
      sizeGiB: 40,
      device: '',
      status: 'In_use',
      instanceId: 'i1',
      regionId: 'cn-hangzhou',
      creationTime: '',
    },
    {
      diskId: 'd2',
      diskName: '',
      diskType: 'Data',
      category: '',
      sizeGiB: 100,
      device: '',
      status: 'In_use',
      instanceId: 'i1',
      regionId: 'cn-hangzhou',
      creationTime: '',
    },
  ],
  resourceGroupId: '',
  tags: [],
  ...o,
});
const image = (o: Partial<CustomImage> = {}): CustomImage => ({
  imageId: 'm-1',
  name: 'img',
  description: '',
  status: '1',
  instanceId: 'other',
  instanceName: '',
  systemSnapshotId: '',
  systemSnapshotName: '',
  dataSnapshotId: '',
  dataSnapshotName: '',
  osType: 'Linux',
  inShare: false,
  creationTime: '',
  regionId: 'cn-hangzhou',
  resourceGroupId: '',
  userId: '',
  tags: [],
  requiredSystemDiskSizeGiB: 40,
  requiredDataDiskSizeGiB: 100,
  ...o,
});

test('a fitting, available custom image of another server in the same region is allowed', () => {
  assert.deepEqual(customImageBlocks(image(), server()), []);
});

test('each confirmed rule blocks with its own reason', () => {
  assert.deepEqual(customImageBlocks(image({ regionId: 'cn-shanghai' }), server()), ['otherRegion']);
  assert.deepEqual(customImageBlocks(image({ status: '4' }), server()), ['notAvailable']);
  assert.deepEqual(customImageBlocks(image({ instanceId: 'i1' }), server()), ['sameServer']);
  assert.deepEqual(customImageBlocks(image({ requiredSystemDiskSizeGiB: 60 }), server()), ['systemDiskTooSmall']);
  assert.deepEqual(customImageBlocks(image({ requiredDataDiskSizeGiB: 200 }), server()), ['dataDiskTooSmall']);
  assert.deepEqual(customImageBlocks(image(), server({ status: 'Starting' })), ['serverStatus']);
  assert.deepEqual(publicImageBlocks(server({ status: 'Resetting' })), ['serverStatus']);
});

test('unknown disk needs (absent or 0) never block', () => {
  assert.deepEqual(
    customImageBlocks(image({ requiredSystemDiskSizeGiB: undefined, requiredDataDiskSizeGiB: 0 }), server({ disks: [] })),
    [],
  );
});

test('the typed confirmation must be the server name exactly (trimmed); not a non-string', () => {
  assert.equal(confirms(server(), ' web '), true);
  assert.equal(confirms(server(), 'Web'), false);
  assert.equal(confirms(server(), true), false);
  assert.equal(confirms(server({ instanceName: '' }), 'i1'), true);
});

test('server names: the documented rules block; non-ASCII letters are left to the API', () => {
  assert.equal(instanceNameProblem('www.example.com'), undefined);
  assert.equal(instanceNameProblem('web_1-a'), undefined);
  assert.equal(instanceNameProblem('网站服务器'), undefined);
  assert.equal(instanceNameProblem('a'), 'length');
  assert.equal(instanceNameProblem('x'.repeat(51)), 'length');
  assert.equal(instanceNameProblem('-web'), 'start');
  assert.equal(instanceNameProblem('has space'), 'chars');
  assert.equal(instanceNameProblem('a@b'), 'chars');
});
