// The List* operations through the real pop-core: shapes, filters, paging, parameter errors.
// Codes marked GUESS in a test name are the emulator's choice, not confirmed Alibaba behaviour (see the evidence column in test/emulator/README.md).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import type { Json } from './harness';
import { call, demoIds, pop, rejects, useEmulator } from './harness';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('emulator read operations (pop-core)', () => {
  let emu: RunningEmulator;
  useEmulator((started) => {
    emu = started;
  });

  test('ListRegions returns 26 regions with Chinese names by default and English ones for en-US', async () => {
    const zh = (await call(pop(emu), 'ListRegions')).Regions as Json[];
    const en = (await call(pop(emu), 'ListRegions', { AcceptLanguage: 'en-US' })).Regions as Json[];
    assert.equal(zh.length, 26);
    assert.equal(zh.find((r) => r.RegionId === 'cn-hangzhou')?.LocalName, '华东1（杭州）');
    assert.equal(en.find((r) => r.RegionId === 'ap-southeast-1')?.LocalName, 'Singapore');
    assert.ok(zh.every((r) => r.RegionEndpoint === `swas.${String(r.RegionId)}.aliyuncs.com`));
  });

  test('ListInstances returns the demo servers with disks, numbers as numbers and ISO times', async () => {
    const r = await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
    assert.deepEqual([r.PageNumber, r.PageSize, r.TotalCount], [1, 10, 4]);
    const inst = r.Instances as Json[];
    assert.deepEqual(
      inst.map((i) => i.Status),
      ['Running', 'Stopped', 'Starting', 'Disabled'],
    );
    const web = inst[0] as Json;
    assert.match(String(web.InstanceId), /^[0-9a-f]{32}$/);
    assert.match(String(web.CreationTime), ISO);
    const disks = web.Disks as Json[];
    assert.deepEqual(
      disks.map((d) => d.DiskType),
      ['System', 'Data'],
    );
    assert.equal(typeof disks[0]?.Size, 'number');
    assert.equal(typeof (web.ResourceSpec as Json).Cpu, 'number');
    assert.equal((inst[3] as Json).DisableReason, 'EXPIRED');
  });

  test('ListInstances filters by InstanceIds (JSON array), Status, name wildcard and pages', async () => {
    const ids = await demoIds(pop(emu));
    const byIds = await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou', InstanceIds: JSON.stringify([ids.db.InstanceId]) });
    assert.deepEqual(
      (byIds.Instances as Json[]).map((i) => i.InstanceName),
      ['db-staging'],
    );
    const stopped = await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou', Status: 'Stopped' });
    assert.equal(stopped.TotalCount, 1);
    const wild = await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou', InstanceName: '*-prod-*' });
    assert.deepEqual(
      (wild.Instances as Json[]).map((i) => i.InstanceName),
      ['web-prod-1'],
    );
    const fuzzy = await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou', InstanceName: 'stag' });
    assert.equal(fuzzy.TotalCount, 1);
    const page2 = await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou', PageSize: 3, PageNumber: 2 });
    assert.deepEqual([page2.TotalCount, (page2.Instances as Json[]).length, page2.PageNumber], [4, 1, 2]);
  });

  test('an empty region lists nothing', async () => {
    const r = await call(pop(emu), 'ListInstances', { RegionId: 'eu-west-1' });
    assert.deepEqual([r.TotalCount, r.Instances], [0, []]);
  });

  test('List calls reject PageSize above 100 and non-numeric paging with InvalidParameter (limit documented; the code: GUESS)', async () => {
    await rejects(pop(emu).request('ListInstances', { RegionId: 'cn-hangzhou', PageSize: 101 }), 'InvalidParameter', 400);
    await rejects(pop(emu).request('ListSnapshots', { RegionId: 'cn-hangzhou', PageNumber: 'x' }), 'InvalidParameter', 400);
    const max = await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou', PageSize: 100 });
    assert.equal(max.PageSize, 100);
  });

  test('multi-ID filters must be JSON arrays (refusing a comma list: GUESS)', async () => {
    await rejects(pop(emu).request('ListInstances', { RegionId: 'cn-hangzhou', InstanceIds: 'a,b' }), 'InvalidParameter', 400);
    const tooMany = JSON.stringify(Array.from({ length: 101 }, (_, i) => `id${i}`));
    await rejects(pop(emu).request('ListInstances', { RegionId: 'cn-hangzhou', InstanceIds: tooMany }), 'InvalidParameter', 400);
  });

  test('a missing RegionId gives MissingParameter and an unknown one InvalidRegionId.NotFound (GUESS code)', async () => {
    const body = await rejects(pop(emu).request('ListInstances', {}), 'MissingParameter', 400);
    assert.match(String(body.Message), /RegionId/);
    await rejects(pop(emu).request('ListInstances', { RegionId: 'mars-north-1' }), 'InvalidRegionId.NotFound', 404);
  });

  test('ListInstanceStatus returns InstanceStatuses', async () => {
    const r = await call(pop(emu), 'ListInstanceStatus', { RegionId: 'cn-hangzhou' });
    assert.equal(r.TotalCount, 4);
    assert.deepEqual(Object.keys((r.InstanceStatuses as Json[])[0] ?? {}), ['InstanceId', 'Status']);
  });

  test('ListDisks filters by InstanceId and DiskType in either case', async () => {
    const ids = await demoIds(pop(emu));
    const all = await call(pop(emu), 'ListDisks', { RegionId: 'cn-hangzhou' });
    assert.equal(all.TotalCount, 8);
    const webData = await call(pop(emu), 'ListDisks', { RegionId: 'cn-hangzhou', InstanceId: ids.web.InstanceId, DiskType: 'data' });
    const d = (webData.Disks as Json[])[0] as Json;
    assert.deepEqual([webData.TotalCount, d.DiskType, d.InstanceName, d.Device], [1, 'Data', 'web-prod-1', '/dev/xvdb']);
    await rejects(pop(emu).request('ListDisks', { RegionId: 'cn-hangzhou', DiskType: 'swap' }), 'InvalidParameter', 400);
  });

  test('ListSnapshots shows Progress as NN%, capitalized SourceDiskType and InstanceId only for system snapshots', async () => {
    const r = await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou' });
    const snaps = r.Snapshots as Json[];
    assert.equal(r.TotalCount, 6);
    assert.deepEqual(new Set(snaps.map((s) => s.Status)), new Set(['Accomplished', 'Progressing', 'Failed']));
    for (const s of snaps) {
      assert.match(String(s.Progress), /^\d{1,3}%$/);
      assert.match(String(s.SnapshotId), /^s-/);
      assert.ok(s.SourceDiskType === 'System' || s.SourceDiskType === 'Data');
      assert.equal(s.InstanceId === '', s.SourceDiskType === 'Data');
    }
    const sys = await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou', SourceDiskType: 'system' });
    assert.equal(sys.TotalCount, 3);
  });

  test('ListSnapshots filters by InstanceId, DiskId and SnapshotIds', async () => {
    const ids = await demoIds(pop(emu));
    const db = await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou', InstanceId: ids.db.InstanceId });
    assert.equal(db.TotalCount, 3);
    const disk = ((ids.db.Disks as Json[])[1] as Json).DiskId;
    const byDisk = await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou', DiskId: disk });
    assert.equal(byDisk.TotalCount, 2);
    const one = String((ids.snapshots[0] as Json).SnapshotId);
    const byIds = await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou', SnapshotIds: JSON.stringify([one]) });
    assert.equal(byIds.TotalCount, 1);
  });

  test('ListCustomImages sends paging fields as strings, Status as a digit string and UserId as a 16-digit number', async () => {
    const c = pop(emu);
    const res = await c.request<Record<string, unknown>>('ListCustomImages', { RegionId: 'cn-hangzhou' });
    assert.deepEqual([res.PageNumber, res.PageSize, res.TotalCount], ['1', '10', '2']);
    const first = (res.CustomImages as Record<string, unknown>[])[0] as Record<string, unknown>;
    assert.equal(typeof first.UserId, 'object', 'pop-core turns a 16-digit number into a BigNumber');
    assert.equal(String(first.UserId), '1234567890123456');
    assert.equal(first.Status, '1');
    assert.equal(first.Name, 'web-prod-golden');
    assert.equal(first.InShare, true);
    assert.ok(Array.isArray(first.CreateInstances));
  });

  test('ListCustomImages Share=false hides shared images and Share=true shows only them (GUESS, A13)', async () => {
    const unshared = await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou', Share: false });
    assert.deepEqual(
      (unshared.CustomImages as Json[]).map((i) => i.Name),
      ['db-staging-base'],
    );
    const shared = await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou', Share: true });
    assert.deepEqual(
      (shared.CustomImages as Json[]).map((i) => i.Name),
      ['web-prod-golden'],
    );
    const byName = await call(pop(emu), 'ListCustomImages', { RegionId: 'ap-southeast-1', ImageNames: JSON.stringify(['sg-gateway-v2']) });
    assert.equal(byName.TotalCount, '1');
  });

  test('ap-southeast-1 is at its image quota of 3', async () => {
    const inst = await call(pop(emu), 'ListInstances', { RegionId: 'ap-southeast-1' });
    const imgs = await call(pop(emu), 'ListCustomImages', { RegionId: 'ap-southeast-1' });
    assert.deepEqual([inst.TotalCount, imgs.TotalCount], [1, '3']);
  });

  test('ListImages lists system, app and custom images by type', async () => {
    const all = (await call(pop(emu), 'ListImages', { RegionId: 'cn-hangzhou' })).Images as Json[];
    assert.deepEqual(new Set(all.map((i) => i.ImageType)), new Set(['system', 'app', 'custom']));
    const custom = (await call(pop(emu), 'ListImages', { RegionId: 'cn-hangzhou', ImageType: 'custom' })).Images as Json[];
    assert.deepEqual(
      custom.map((i) => i.ImageName),
      ['web-prod-golden', 'db-staging-base'],
    );
    await rejects(pop(emu).request('ListImages', { RegionId: 'cn-hangzhou', ImageType: 'weird' }), 'InvalidParameter', 400);
  });
});
