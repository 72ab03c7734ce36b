// CreateSnapshot, DeleteSnapshot(s) and UpdateSnapshotAttribute through the real pop-core.
// Codes marked GUESS in a test name are the emulator's choice, not confirmed Alibaba behaviour (see the evidence column in test/emulator/README.md).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import type { DemoIds, Json } from './harness';
import { admin, call, pop, rejects, snapshotNamed, start, useDemoEmulator } from './harness';

function disk(server: Json, index: number): string {
  return String(((server.Disks as Json[])[index] as Json).DiskId);
}

describe('snapshots (pop-core)', () => {
  let emu: RunningEmulator;
  let ids: DemoIds;
  useDemoEmulator(
    {},
    (started) => {
      emu = started;
    },
    (demo) => {
      ids = demo;
    },
  );

  test('CreateSnapshot starts Progressing with a rising Progress and is Accomplished after 20 s of virtual time', async () => {
    const r = await call(pop(emu), 'CreateSnapshot', {
      RegionId: 'cn-hangzhou',
      DiskId: disk(ids.web, 0),
      SnapshotName: 'web-sys-now',
      Tag: [{ Key: 'k', Value: 'v' }],
    });
    assert.match(String(r.SnapshotId), /^s-/);
    const get = async (): Promise<Json> =>
      (
        (await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou', SnapshotIds: JSON.stringify([r.SnapshotId]) }))
          .Snapshots as Json[]
      )[0] as Json;
    const first = await get();
    assert.equal(first.Status, 'Progressing');
    assert.equal(first.SourceDiskType, 'System');
    assert.equal(first.InstanceId, ids.web.InstanceId);
    assert.deepEqual(first.Tags, [{ Key: 'k', Value: 'v' }]);
    await admin(emu, 'POST', '/clock/advance', { seconds: 10 });
    const mid = await get();
    assert.equal(mid.Status, 'Progressing');
    assert.ok(parseInt(String(mid.Progress), 10) >= 45, `progress rose: ${String(mid.Progress)}`);
    await admin(emu, 'POST', '/clock/advance', { seconds: 11 });
    const done = await get();
    assert.deepEqual([done.Status, done.Progress], ['Accomplished', '100%']);
  });

  test('a second snapshot on a disk with one in progress gives IncorrectDiskStatus.CreatingSnapshot (403)', async () => {
    await rejects(
      pop(emu).request('CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: disk(ids.web, 1), SnapshotName: 'again' }),
      'IncorrectDiskStatus.CreatingSnapshot',
      403,
    );
  });

  test('a fourth snapshot of one server gives QuotaExceed.Snapshot (403; the quota documented, the code a GUESS)', async () => {
    await rejects(
      pop(emu).request('CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: disk(ids.db, 0), SnapshotName: 'fourth' }),
      'QuotaExceed.Snapshot',
      403,
    );
  });

  test('the account snapshot quota is min(3 × servers, 15) (documented; QuotaExceed.Snapshot a GUESS code)', async () => {
    const quick = await start({ seed: 'empty', snapshotSeconds: 0 });
    try {
      const servers: Json[] = [];
      for (let i = 0; i < 6; i++)
        servers.push(await admin(quick, 'POST', '/servers', { regionId: 'cn-beijing', instanceName: `srv-${i}` }));
      for (let i = 0; i < 15; i++) {
        const server = servers[Math.floor(i / 3)] as Json;
        const r = await call(pop(quick), 'CreateSnapshot', { RegionId: 'cn-beijing', DiskId: disk(server, i % 2), SnapshotName: `s${i}` });
        assert.match(String(r.SnapshotId), /^s-/);
      }
      const body = await rejects(
        pop(quick).request('CreateSnapshot', { RegionId: 'cn-beijing', DiskId: disk(servers[5] as Json, 0), SnapshotName: 's15' }),
        'QuotaExceed.Snapshot',
        403,
      );
      assert.match(String(body.Message), /account/);
    } finally {
      await quick.stop();
    }
  });

  test('CreateSnapshot rejects unknown disks, disabled servers and bad names (IncorrectInstanceStatus here and InvalidSnapshotName.Malformed: GUESS codes)', async () => {
    await rejects(
      pop(emu).request('CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: 'd-nope', SnapshotName: 'abc' }),
      'InvalidDiskId.NotFound',
      404,
    );
    await rejects(
      pop(emu).request('CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: disk(ids.legacy, 0), SnapshotName: 'abc' }),
      'IncorrectInstanceStatus',
      403,
    );
    for (const name of ['1starts-with-digit', 'a', 'http://x', 'has space', 'x'.repeat(51)]) {
      await rejects(
        pop(emu).request('CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: disk(ids.web, 0), SnapshotName: name }),
        'InvalidSnapshotName.Malformed',
        400,
      );
    }
    await rejects(pop(emu).request('CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: disk(ids.web, 0) }), 'MissingParameter', 400);
  });

  test('CreateSnapshot honours ClientToken', async () => {
    const p = { RegionId: 'cn-hangzhou', DiskId: disk(ids.web, 0), SnapshotName: 'tok-snap', ClientToken: 'snap-token' };
    const a = await call(pop(emu), 'CreateSnapshot', p);
    const b = await call(pop(emu), 'CreateSnapshot', p);
    assert.equal(a.SnapshotId, b.SnapshotId);
    await rejects(pop(emu).request('CreateSnapshot', { ...p, SnapshotName: 'tok-snap-2' }), 'IdempotentParameterMismatch', 400);
  });

  test('DeleteSnapshot removes a snapshot; a missing one gives InvalidSnapshotId.NotFound (404, GUESS code)', async () => {
    const id = snapshotNamed(ids, 'db-staging-data-0521');
    const r = await call(pop(emu), 'DeleteSnapshot', { RegionId: 'cn-hangzhou', SnapshotId: id });
    assert.deepEqual(Object.keys(r), ['RequestId']);
    await rejects(pop(emu).request('DeleteSnapshot', { RegionId: 'cn-hangzhou', SnapshotId: id }), 'InvalidSnapshotId.NotFound', 404);
  });

  test('a snapshot used by a custom image cannot be deleted (rule documented; SnapshotUsedByImage 403: GUESS code)', async () => {
    await rejects(
      pop(emu).request('DeleteSnapshot', { RegionId: 'cn-hangzhou', SnapshotId: snapshotNamed(ids, 'web-prod-1-sys-0601') }),
      'SnapshotUsedByImage',
      403,
    );
  });

  test('DeleteSnapshots deletes all or nothing (GUESS)', async () => {
    const free = [snapshotNamed(ids, 'db-staging-data-0521'), snapshotNamed(ids, 'api-canary-sys-0610')];
    await rejects(
      pop(emu).request('DeleteSnapshots', {
        RegionId: 'cn-hangzhou',
        SnapshotIds: JSON.stringify([...free, snapshotNamed(ids, 'web-prod-1-sys-0601')]),
      }),
      'SnapshotUsedByImage',
      403,
    );
    assert.equal((await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou' })).TotalCount, 6);
    await call(pop(emu), 'DeleteSnapshots', { RegionId: 'cn-hangzhou', SnapshotIds: JSON.stringify(free) });
    assert.equal((await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou' })).TotalCount, 4);
  });

  test('UpdateSnapshotAttribute changes the remark', async () => {
    const id = snapshotNamed(ids, 'api-canary-sys-0610');
    await call(pop(emu), 'UpdateSnapshotAttribute', { RegionId: 'cn-hangzhou', SnapshotId: id, Remark: 'before upgrade' });
    const s = (
      (await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou', SnapshotIds: JSON.stringify([id]) })).Snapshots as Json[]
    )[0];
    assert.equal(s?.Remark, 'before upgrade');
    await rejects(
      pop(emu).request('UpdateSnapshotAttribute', { RegionId: 'cn-hangzhou', SnapshotId: 's-nope' }),
      'InvalidSnapshotId.NotFound',
      404,
    );
  });
});
