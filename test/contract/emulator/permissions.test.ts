// RAM permissions of the demo keys (A8): a read-only key and a key with no SWAS permission, through
// pop-core. ListRegions needs no RAM authorization (A8, confirmed). The answer `403 Forbidden.RAM`
// for a call the key may not make: the code exists (A7, confirmed); that SWAS answers exactly this
// code (rather than `NoPermission`) for these operations is a GUESS.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import {
  NOPERM_ACCESS_KEY_ID,
  NOPERM_ACCESS_KEY_SECRET,
  READONLY_ACCESS_KEY_ID,
  READONLY_ACCESS_KEY_SECRET,
} from '../../emulator/seeds/credentials';
import type { Json } from './harness';
import { call, demoIds, pop, rejects, useEmulator } from './harness';

describe('emulator RAM permissions (pop-core)', () => {
  let emu: RunningEmulator;
  useEmulator(
    (started) => {
      emu = started;
    },
    { snapshotSeconds: 0 },
  );

  test('the read-only key lists and describes the demo account but every write is 403 Forbidden.RAM (GUESS code)', async () => {
    const ro = pop(emu, { accessKeyId: READONLY_ACCESS_KEY_ID, accessKeySecret: READONLY_ACCESS_KEY_SECRET });
    assert.equal((await call(ro, 'ListRegions')).Regions instanceof Array, true);
    const ids = await demoIds(ro);
    assert.equal(ids.web.InstanceName, 'web-prod-1', 'same account as the demo key');
    for (const action of ['ListInstanceStatus', 'ListDisks', 'ListSnapshots', 'ListCustomImages', 'ListImages']) {
      await call(ro, action, { RegionId: 'cn-hangzhou' });
    }
    const disk = String((ids.web.Disks as Json[])[0]?.DiskId);
    const body = await rejects(
      ro.request('CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: disk, SnapshotName: 'ro-try' }),
      'Forbidden.RAM',
      403,
    );
    assert.match(String(body.Message), /not authorized/);
    await rejects(
      ro.request('CreateCustomImage', {
        RegionId: 'cn-hangzhou',
        InstanceId: ids.web.InstanceId,
        ImageName: 'ro-image',
        SystemSnapshotId: 's-x',
      }),
      'Forbidden.RAM',
      403,
    );
    await rejects(ro.request('DeleteSnapshot', { RegionId: 'cn-hangzhou', SnapshotId: 's-x' }), 'Forbidden.RAM', 403);
    await rejects(
      ro.request('ModifyImageShareStatus', { RegionId: 'cn-hangzhou', ImageId: 'm-x', Operation: 'Share' }),
      'Forbidden.RAM',
      403,
    );
    await rejects(ro.request('UpdateSnapshotAttribute', { RegionId: 'cn-hangzhou', SnapshotId: 's-x', Remark: 'x' }), 'Forbidden.RAM', 403);
    assert.equal(
      (await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou', PageSize: 100 })).TotalCount,
      ids.snapshots.length,
      'nothing was created',
    );
  });

  test('the key with no SWAS permission passes ListRegions (A8, confirmed) and gets 403 Forbidden.RAM for everything else', async () => {
    const none = pop(emu, { accessKeyId: NOPERM_ACCESS_KEY_ID, accessKeySecret: NOPERM_ACCESS_KEY_SECRET });
    assert.equal(((await call(none, 'ListRegions')).Regions as Json[]).length, 26);
    await rejects(none.request('ListInstances', { RegionId: 'cn-hangzhou', PageSize: 1 }), 'Forbidden.RAM', 403);
    await rejects(none.request('ListSnapshots', { RegionId: 'cn-hangzhou' }), 'Forbidden.RAM', 403);
    await rejects(none.request('CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: 'd-x', SnapshotName: 'nope' }), 'Forbidden.RAM', 403);
  });
});
