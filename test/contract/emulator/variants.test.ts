// Variants the client must survive (swas-api-2.md §A), each switched on through the API the tests
// use: startEmulator({ variants }), the CLI's --variant and the admin PUT /variants. The codes and
// casings here are what the EVIDENCE ALLOWS (A1, A3, A4, A10, A14: likely or guess), not confirmed
// behaviour of Alibaba's service: these tests check that the emulator produces each variant.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import { variantFromEnv } from '../../emulator/index';
import type { Json } from './harness';
import { admin, call, demoIds, pop, raw, rejects, snapshotNamed, start } from './harness';

async function withEmu(
  variants: string,
  body: (emu: RunningEmulator) => Promise<void>,
  extra: Parameters<typeof start>[0] = {},
): Promise<void> {
  const emu = await start({ variants, ...extra });
  try {
    await body(emu);
  } finally {
    await emu.stop();
  }
}

const statuses = (list: unknown): string[] => (list as Json[]).map((x) => String(x.Status));

describe('emulator variants (pop-core)', () => {
  test('lowercase-status (A1, likely): servers, disks and snapshots answer in lowercase', async () => {
    await withEmu('lowercase-status', async (emu) => {
      const p = pop(emu);
      const inst = (await call(p, 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances as Json[];
      assert.deepEqual(statuses(inst), ['running', 'stopped', 'starting', 'disabled']);
      assert.deepEqual(statuses(inst[0]?.Disks), ['in_use', 'in_use']);
      assert.deepEqual(statuses((await call(p, 'ListInstanceStatus', { RegionId: 'cn-hangzhou' })).InstanceStatuses), [
        'running',
        'stopped',
        'starting',
        'disabled',
      ]);
      const snaps = (await call(p, 'ListSnapshots', { RegionId: 'cn-hangzhou', PageSize: 100 })).Snapshots as Json[];
      assert.deepEqual([...new Set(statuses(snaps))].sort(), ['accomplished', 'failed', 'progressing']);
      assert.deepEqual(statuses((await call(p, 'ListDisks', { RegionId: 'cn-hangzhou' })).Disks).slice(0, 1), ['in_use']);
      const ok = await call(p, 'ListInstances', { RegionId: 'cn-hangzhou', Status: 'running' });
      assert.equal(ok.TotalCount, 1, 'filters still accept any case');
    });
  });

  test('mixed-status (A1): casing differs between items of one response and between responses', async () => {
    await withEmu('mixed-status', async (emu) => {
      const first = statuses((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances);
      const second = statuses((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances);
      assert.deepEqual(first, ['Running', 'stopped', 'Starting', 'disabled']);
      assert.deepEqual(second, ['running', 'Stopped', 'starting', 'Disabled']);
    });
  });

  test('lowercase-disktype (A10, likely): ListInstances Disks[].DiskType lowercase, ListDisks unchanged', async () => {
    await withEmu('lowercase-disktype', async (emu) => {
      const inst = (await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances as Json[];
      assert.deepEqual(
        (inst[0]?.Disks as Json[]).map((d) => d.DiskType),
        ['system', 'data'],
      );
      assert.equal(inst[0]?.Status, 'Running');
      const disks = (await call(pop(emu), 'ListDisks', { RegionId: 'cn-hangzhou' })).Disks as Json[];
      assert.equal(disks[0]?.DiskType, 'System');
    });
  });

  test('released-id-errors (A4, likely; which code when is a GUESS): ID filters naming released resources fail', async () => {
    await withEmu('released-id-errors', async (emu) => {
      const p = pop(emu);
      const ids = await demoIds(p);
      const webId = String(ids.web.InstanceId);
      const webDisk = String((ids.web.Disks as Json[])[0]?.DiskId);
      const webSnap = snapshotNamed(ids, 'web-prod-1-sys-0601');
      const dbFailed = snapshotNamed(ids, 'db-staging-data-0521');
      await call(p, 'DeleteSnapshot', { RegionId: 'cn-hangzhou', SnapshotId: dbFailed });
      await admin(emu, 'DELETE', `/servers/${webId}`);
      await rejects(p.request('ListInstances', { RegionId: 'cn-hangzhou', InstanceIds: JSON.stringify([webId]) }), 'InternalError', 500);
      await rejects(
        p.request('ListSnapshots', { RegionId: 'cn-hangzhou', SnapshotIds: JSON.stringify([webSnap]) }),
        'InvalidInstanceId.NotFound',
        404,
      );
      await rejects(p.request('ListSnapshots', { RegionId: 'cn-hangzhou', InstanceId: webId }), 'InvalidInstanceId.NotFound', 404);
      await rejects(p.request('ListSnapshots', { RegionId: 'cn-hangzhou', DiskId: webDisk }), 'InvalidDiskId.NotFound', 404);
      await rejects(
        p.request('ListSnapshots', { RegionId: 'cn-hangzhou', SnapshotIds: JSON.stringify([dbFailed]) }),
        'InvalidDiskId.NotFound',
        404,
      );
      const never = await call(p, 'ListInstances', { RegionId: 'cn-hangzhou', InstanceIds: JSON.stringify(['0'.repeat(32)]) });
      assert.equal(never.TotalCount, 0, 'an ID that never existed still gives an empty list');
      await admin(emu, 'DELETE', '/variants');
      const plainAnswer = await call(p, 'ListInstances', { RegionId: 'cn-hangzhou', InstanceIds: JSON.stringify([webId]) });
      assert.equal(plainAnswer.TotalCount, 0, 'without the variant: an empty list');
    });
  });

  test('account-wide-quota (A3, likely): images count against 3 × all servers of the account, at most 15', async () => {
    const create = async (emu: RunningEmulator): Promise<unknown> => {
      const p = pop(emu);
      const gw = ((await call(p, 'ListInstances', { RegionId: 'ap-southeast-1' })).Instances as Json[])[0];
      const snap = ((await call(p, 'ListSnapshots', { RegionId: 'ap-southeast-1' })).Snapshots as Json[])[0];
      return p.request('CreateCustomImage', {
        RegionId: 'ap-southeast-1',
        InstanceId: gw?.InstanceId,
        SystemSnapshotId: snap?.SnapshotId,
        ImageName: 'sg-gateway-v4',
      });
    };
    await withEmu('', async (emu) => {
      await rejects(create(emu), 'CustomImageQuotaLimit', 400);
    });
    await withEmu('account-wide-quota', async (emu) => {
      const r = (await create(emu)) as Json;
      assert.match(String(r.ImageId), /^m-/, '5 images for 7 servers: the region being full does not matter');
    });
  });

  test('async-unshare (A14, GUESS): UnShare takes effect later on the virtual clock; deleting before then is CustomImageInShare', async () => {
    await withEmu('async-unshare', async (emu) => {
      const p = pop(emu);
      const golden = (
        (await call(p, 'ListCustomImages', { RegionId: 'cn-hangzhou', ImageNames: '["web-prod-golden"]' })).CustomImages as Json[]
      )[0];
      const id = String(golden?.ImageId);
      await call(p, 'ModifyImageShareStatus', { RegionId: 'cn-hangzhou', ImageId: id, Operation: 'UnShare' });
      const inShare = async (): Promise<unknown> =>
        ((await call(p, 'ListCustomImages', { RegionId: 'cn-hangzhou', ImageIds: JSON.stringify([id]) })).CustomImages as Json[])[0]
          ?.InShare;
      assert.equal(await inShare(), true);
      await rejects(p.request('DeleteCustomImage', { RegionId: 'cn-hangzhou', ImageId: id }), 'CustomImageInShare', 400);
      await admin(emu, 'POST', '/clock/advance', { seconds: 29 });
      assert.equal(await inShare(), true);
      await admin(emu, 'POST', '/clock/advance', { seconds: 1 });
      assert.equal(await inShare(), false);
      await call(p, 'DeleteCustomImage', { RegionId: 'cn-hangzhou', ImageId: id });
    });
  });

  test('PUT /variants switches at run time (hostile = the five), GET reads them, unknown names are refused', async () => {
    await withEmu('', async (emu) => {
      assert.deepEqual((await admin(emu, 'GET', '/variants')).variants, []);
      const set = await admin(emu, 'PUT', '/variants', { variants: 'hostile', unshareSeconds: 5 });
      assert.deepEqual(set.variants, [
        'lowercase-status',
        'released-id-errors',
        'account-wide-quota',
        'async-unshare',
        'lowercase-disktype',
      ]);
      assert.equal(set.unshareSeconds, 5);
      assert.equal(((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances as Json[])[0]?.Status, 'running');
      const bad = await raw(`${emu.admin}/variants`, {
        method: 'PUT',
        body: JSON.stringify({ variants: ['lowercase', 'hostile'] }),
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(bad.status, 400);
      assert.match(String((JSON.parse(bad.text) as Json).error), /unknown variant "lowercase"/);
      assert.equal((await admin(emu, 'DELETE', '/variants')).variants instanceof Array, true);
      assert.equal(((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances as Json[])[0]?.Status, 'Running');
    });
  });

  test('SWAS_EMULATOR_VARIANT=hostile means the hostile variants; limits only from SWAS_EMULATOR_LIMITS', () => {
    assert.deepEqual(variantFromEnv({ SWAS_EMULATOR_VARIANT: 'hostile' }), { variants: 'hostile', limits: 'none' });
    assert.deepEqual(variantFromEnv({ SWAS_EMULATOR_VARIANT: 'hostile', SWAS_EMULATOR_LIMITS: 'quota-2025' }).limits, 'quota-2025');
    assert.deepEqual(variantFromEnv({}), { variants: '', limits: 'none' });
  });
});
