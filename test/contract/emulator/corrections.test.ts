// Corrections from swas-api-2.md §A through pop-core: Chinese snapshot (A5, confirmed) and image
// (A6, likely) names, ListInstances' Image.ImageContact a string and Image.OsType lowercase (A11,
// confirmed types / SDK examples), and IncorrectStatus for a disk whose state does not allow a
// snapshot (A7: the code and its text are documented; that CreateSnapshot answers it is a GUESS).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import type { Json } from './harness';
import { admin, call, pop, rejects, start } from './harness';

describe('emulator corrections from the evidence (pop-core)', () => {
  let emu: RunningEmulator;
  let shop: Json;
  before(async () => {
    emu = await start({ snapshotSeconds: 0, imageSeconds: 0 });
    shop = ((await call(pop(emu), 'ListInstances', { RegionId: 'cn-shanghai' })).Instances as Json[])[0] as Json;
  });
  after(() => emu.stop());
  const disk = (n: number): string => String((shop.Disks as Json[])[n]?.DiskId);

  test('a Chinese snapshot name is accepted and listed as sent (A5)', async () => {
    const r = await call(pop(emu), 'CreateSnapshot', { RegionId: 'cn-shanghai', DiskId: disk(0), SnapshotName: '每日快照-01' });
    const snaps = (await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-shanghai', SnapshotIds: JSON.stringify([r.SnapshotId]) }))
      .Snapshots as Json[];
    assert.equal(snaps[0]?.SnapshotName, '每日快照-01');
    await rejects(
      pop(emu).request('CreateSnapshot', { RegionId: 'cn-shanghai', DiskId: disk(0), SnapshotName: '1号快照' }),
      'InvalidSnapshotName.Malformed',
      400,
    );
  });

  test('a Chinese image name is accepted (A6); a full stop is not', async () => {
    const snap = (
      (await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-shanghai', InstanceId: shop.InstanceId, SourceDiskType: 'System' }))
        .Snapshots as Json[]
    )[0];
    const base = { RegionId: 'cn-shanghai', InstanceId: shop.InstanceId, SystemSnapshotId: snap?.SnapshotId };
    await rejects(pop(emu).request('CreateCustomImage', { ...base, ImageName: '商城。前端' }), 'InvalidParam.IllegalImageName', 400);
    const r = await call(pop(emu), 'CreateCustomImage', { ...base, ImageName: '商城前端-v1' });
    const img = (
      (await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-shanghai', ImageIds: JSON.stringify([r.ImageId]) })).CustomImages as Json[]
    )[0];
    assert.equal(img?.Name, '商城前端-v1');
  });

  test('ListInstances: Image.ImageContact is a string and Image.OsType lowercase (A11)', async () => {
    const image = shop.Image as Json;
    assert.equal(typeof image.ImageContact, 'string');
    assert.equal(image.OsType, 'linux');
  });

  test('CreateSnapshot of a disk that is not In_use is 400 IncorrectStatus (GUESS which operation answers it)', async () => {
    await admin(emu, 'POST', `/disks/${disk(0)}/status`, { status: 'Attaching' });
    const body = await rejects(
      pop(emu).request('CreateSnapshot', { RegionId: 'cn-shanghai', DiskId: disk(0), SnapshotName: 'busy-disk' }),
      'IncorrectStatus',
      400,
    );
    assert.match(String(body.Message), /state of the disk or instance/);
    await admin(emu, 'POST', `/disks/${disk(0)}/status`, { status: 'In_use' });
  });
});
