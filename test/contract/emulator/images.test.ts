// DeleteCustomImage(s), ModifyImageShareStatus and server release through the real pop-core.
// Codes marked GUESS in a test name are the emulator's choice, not confirmed Alibaba behaviour (see the evidence column in test/emulator/README.md).
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import type { Json } from './harness';
import { admin, call, pop, rejects, useDemoEmulator } from './harness';

describe('custom image lifecycle (pop-core)', () => {
  let emu: RunningEmulator;
  let images: Json[];
  const named = (n: string): string => String(images.find((i) => i.Name === n)?.ImageId);
  useDemoEmulator({}, (started) => {
    emu = started;
  });
  beforeEach(async () => {
    images = (await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou' })).CustomImages as Json[];
  });

  test('a shared image cannot be deleted (CustomImageInShare, 400) until it is unshared', async () => {
    const id = named('web-prod-golden');
    await rejects(pop(emu).request('DeleteCustomImage', { RegionId: 'cn-hangzhou', ImageId: id }), 'CustomImageInShare', 400);
    await call(pop(emu), 'ModifyImageShareStatus', { RegionId: 'cn-hangzhou', ImageId: id, Operation: 'UnShare' });
    await call(pop(emu), 'DeleteCustomImage', { RegionId: 'cn-hangzhou', ImageId: id });
    assert.equal((await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou' })).TotalCount, '1');
  });

  test('sharing sets InShare; a bad Operation is InvalidParam.OperationIllegal (documented)', async () => {
    const id = named('db-staging-base');
    await call(pop(emu), 'ModifyImageShareStatus', { RegionId: 'cn-hangzhou', ImageId: id, Operation: 'Share' });
    const img = (
      (await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou', ImageIds: JSON.stringify([id]) })).CustomImages as Json[]
    )[0];
    assert.equal(img?.InShare, true);
    await rejects(
      pop(emu).request('ModifyImageShareStatus', { RegionId: 'cn-hangzhou', ImageId: id, Operation: 'share' }),
      'InvalidParam.OperationIllegal',
      400,
    );
    await rejects(
      pop(emu).request('ModifyImageShareStatus', { RegionId: 'cn-hangzhou', ImageId: 'm-nope', Operation: 'Share' }),
      'InvalidImageId.NotFound',
      404,
    );
  });

  test("ModifyImageShareStatus without RegionId acts in the endpoint's region (A9, likely; the emulator's endpoint stands in for cn-hangzhou)", async () => {
    const id = named('db-staging-base');
    await call(pop(emu), 'ModifyImageShareStatus', { ImageId: id, Operation: 'UnShare' });
    const img = (
      (await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou', ImageIds: JSON.stringify([id]) })).CustomImages as Json[]
    )[0];
    assert.equal(img?.InShare, false);
    const sg = ((await call(pop(emu), 'ListCustomImages', { RegionId: 'ap-southeast-1' })).CustomImages as Json[])[0];
    await rejects(pop(emu).request('ModifyImageShareStatus', { ImageId: sg?.ImageId, Operation: 'Share' }), 'InvalidImageId.NotFound', 404);
  });

  test('an image still being created can be neither shared nor deleted (IncorrectImageStatus, 403: GUESS)', async () => {
    const inst = ((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances as Json[])[0] as Json;
    const snaps = (
      await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou', InstanceId: inst.InstanceId, SourceDiskType: 'System' })
    ).Snapshots as Json[];
    const r = await call(pop(emu), 'CreateCustomImage', {
      RegionId: 'cn-hangzhou',
      InstanceId: inst.InstanceId,
      ImageName: 'fresh',
      SystemSnapshotId: snaps[0]?.SnapshotId,
    });
    await rejects(
      pop(emu).request('ModifyImageShareStatus', { RegionId: 'cn-hangzhou', ImageId: r.ImageId, Operation: 'Share' }),
      'IncorrectImageStatus',
      403,
    );
    await rejects(pop(emu).request('DeleteCustomImage', { RegionId: 'cn-hangzhou', ImageId: r.ImageId }), 'IncorrectImageStatus', 403);
    await admin(emu, 'POST', '/clock/advance', { seconds: 30 });
    await call(pop(emu), 'DeleteCustomImage', { RegionId: 'cn-hangzhou', ImageId: r.ImageId });
  });

  test('DeleteCustomImage of an unknown image gives InvalidImageId.NotFound (404, GUESS code)', async () => {
    await rejects(pop(emu).request('DeleteCustomImage', { RegionId: 'cn-hangzhou', ImageId: 'm-nope' }), 'InvalidImageId.NotFound', 404);
  });

  test('DeleteCustomImages takes at most 15 IDs and deletes them together', async () => {
    const ids = (await call(pop(emu), 'ListCustomImages', { RegionId: 'ap-southeast-1' })).CustomImages as Json[];
    const tooMany = JSON.stringify(Array.from({ length: 16 }, (_, i) => `m-${i}`));
    await rejects(pop(emu).request('DeleteCustomImages', { RegionId: 'ap-southeast-1', ImageIds: tooMany }), 'InvalidParameter', 400);
    await call(pop(emu), 'DeleteCustomImages', { RegionId: 'ap-southeast-1', ImageIds: JSON.stringify(ids.map((i) => i.ImageId)) });
    assert.equal((await call(pop(emu), 'ListCustomImages', { RegionId: 'ap-southeast-1' })).TotalCount, '0');
  });

  test('releasing a server releases its snapshots and images', async () => {
    const sg = ((await call(pop(emu), 'ListInstances', { RegionId: 'ap-southeast-1' })).Instances as Json[])[0] as Json;
    await admin(emu, 'DELETE', `/servers/${String(sg.InstanceId)}`);
    assert.equal((await call(pop(emu), 'ListCustomImages', { RegionId: 'ap-southeast-1' })).TotalCount, '0');
    assert.equal((await call(pop(emu), 'ListSnapshots', { RegionId: 'ap-southeast-1' })).TotalCount, 0);
    assert.equal((await call(pop(emu), 'ListInstances', { RegionId: 'ap-southeast-1' })).TotalCount, 0);
  });
});
