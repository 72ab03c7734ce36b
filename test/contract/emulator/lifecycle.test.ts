// Server lifecycle through the real pop-core: Start/Stop/Reboot (singular and plural),
// UpdateInstanceAttribute, ResetSystem, their state machine on the virtual clock, their codes,
// ClientToken idempotence and faults.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import type { DemoIds, Json } from './harness';
import { admin, call, pop, rejects, useDemoEmulator } from './harness';

const HZ = 'cn-hangzhou';

describe('server lifecycle (pop-core)', () => {
  let emu: RunningEmulator;
  let ids: DemoIds;
  const id = (s: Json): string => String(s.InstanceId);
  const status = async (instanceId: string): Promise<string> => {
    const r = await call(pop(emu), 'ListInstanceStatus', { RegionId: HZ, InstanceIds: JSON.stringify([instanceId]) });
    return String(((r.InstanceStatuses as Json[])[0] as Json).Status);
  };
  const server = async (instanceId: string): Promise<Json> =>
    ((await call(pop(emu), 'ListInstances', { RegionId: HZ, InstanceIds: JSON.stringify([instanceId]) })).Instances as Json[])[0] as Json;
  const advance = (seconds: number): Promise<Json> => admin(emu, 'POST', '/clock/advance', { seconds });

  useDemoEmulator(
    { faults: true },
    (started) => {
      emu = started;
    },
    (demo) => {
      ids = demo;
    },
  );

  test('StopInstance: Running → Stopping → Stopped after 10 virtual seconds', async () => {
    const r = await call(
      pop(emu),
      'StopInstance',
      { RegionId: HZ, InstanceId: id(ids.web), ClientToken: randomUUID() },
      { method: 'POST' },
    );
    assert.match(String(r.RequestId), /^[0-9A-F-]{36}$/);
    assert.equal(await status(id(ids.web)), 'Stopping');
    await advance(9);
    assert.equal(await status(id(ids.web)), 'Stopping');
    await advance(1);
    assert.equal(await status(id(ids.web)), 'Stopped');
  });

  test('StartInstances starts several servers at once: Stopped → Starting → Running', async () => {
    const added = await admin(emu, 'POST', '/servers', { regionId: HZ, instanceName: 'extra', status: 'Stopped' });
    const both = [id(ids.db), String(added.InstanceId)];
    await call(pop(emu), 'StartInstances', { RegionId: HZ, InstanceIds: JSON.stringify(both) }, { method: 'POST' });
    for (const x of both) assert.equal(await status(x), 'Starting');
    await advance(10);
    for (const x of both) assert.equal(await status(x), 'Running');
  });

  test('RebootInstances: Running → Stopping → Starting → Running; ForceReboot must be a boolean', async () => {
    await rejects(
      call(pop(emu), 'RebootInstances', { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.web)]), ForceReboot: 'maybe' }),
      'InvalidParameter',
      400,
    );
    await call(pop(emu), 'RebootInstances', { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.web)]), ForceReboot: 'true' });
    assert.equal(await status(id(ids.web)), 'Stopping');
    await advance(5);
    assert.equal(await status(id(ids.web)), 'Starting');
    await advance(10);
    assert.equal(await status(id(ids.web)), 'Running');
  });

  test('RebootInstance and StopInstances with ForceStop', async () => {
    await call(pop(emu), 'RebootInstance', { RegionId: HZ, InstanceId: id(ids.web) });
    assert.equal(await status(id(ids.web)), 'Stopping');
    await advance(15);
    await call(pop(emu), 'StopInstances', { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.web)]), ForceStop: 'true' });
    await advance(10);
    assert.equal(await status(id(ids.web)), 'Stopped');
    await call(pop(emu), 'StartInstance', { RegionId: HZ, InstanceId: id(ids.web) });
    assert.equal(await status(id(ids.web)), 'Starting');
  });

  test('wrong status → 403 IncorrectInstanceStatus; a plural call changes nothing when one server is wrong', async () => {
    await rejects(call(pop(emu), 'StartInstance', { RegionId: HZ, InstanceId: id(ids.web) }), 'IncorrectInstanceStatus', 403);
    await rejects(call(pop(emu), 'StopInstance', { RegionId: HZ, InstanceId: id(ids.db) }), 'IncorrectInstanceStatus', 403);
    await rejects(call(pop(emu), 'RebootInstance', { RegionId: HZ, InstanceId: id(ids.api) }), 'IncorrectInstanceStatus', 403);
    await rejects(call(pop(emu), 'StartInstance', { RegionId: HZ, InstanceId: id(ids.legacy) }), 'IncorrectInstanceStatus', 403);
    await rejects(
      call(pop(emu), 'StopInstances', { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.web), id(ids.db)]) }),
      'IncorrectInstanceStatus',
      403,
    );
    assert.equal(await status(id(ids.web)), 'Running');
  });

  test('unknown server → 404 InvalidInstanceId.NotFound; missing or malformed InstanceIds → 400', async () => {
    await rejects(call(pop(emu), 'StopInstance', { RegionId: HZ, InstanceId: 'nope' }), 'InvalidInstanceId.NotFound', 404);
    await rejects(
      call(pop(emu), 'StopInstances', { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.web), 'nope']) }),
      'InvalidInstanceId.NotFound',
      404,
    );
    await rejects(call(pop(emu), 'StopInstances', { RegionId: HZ }), 'MissingParameter', 400);
    await rejects(call(pop(emu), 'StopInstances', { RegionId: HZ, InstanceIds: 'a,b' }), 'InvalidParameter', 400);
    await rejects(call(pop(emu), 'StartInstances', { RegionId: HZ, InstanceIds: '[]' }), 'InvalidParameter', 400);
    await rejects(call(pop(emu), 'StartInstance', { RegionId: 'cn-shanghai', InstanceId: id(ids.db) }), 'InvalidInstanceId.NotFound', 404);
  });

  test('20 parallel StartInstances with one ClientToken → one start, every call answered with success', async () => {
    const token = randomUUID();
    await admin(emu, 'DELETE', '/requests');
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(
          pop(emu),
          'StartInstances',
          { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.db)]), ClientToken: token },
          { method: 'POST' },
        ),
      ),
    );
    assert.equal(results.length, 20);
    assert.equal(await status(id(ids.db)), 'Starting');
    const log = (await admin(emu, 'GET', '/requests')).requests as Json[];
    assert.equal(log.filter((r) => r.action === 'StartInstances' && r.httpStatus === 200).length, 20);
    // Without the token each repeat would have met a Starting server: IncorrectInstanceStatus.
    await rejects(
      call(pop(emu), 'StartInstances', { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.db)]), ClientToken: randomUUID() }),
      'IncorrectInstanceStatus',
      403,
    );
    await rejects(
      call(pop(emu), 'StartInstances', { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.web)]), ClientToken: token }),
      'IdempotentParameterMismatch',
      400,
    );
  });

  test('ResetAfterCommit on StopInstances: the retry with the same ClientToken succeeds without a second stop', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ action: 'StopInstances', kind: 'ResetAfterCommit' }] });
    const token = randomUUID();
    const params = { RegionId: HZ, InstanceIds: JSON.stringify([id(ids.web)]), ClientToken: token };
    await assert.rejects(call(pop(emu), 'StopInstances', params));
    assert.equal(await status(id(ids.web)), 'Stopping');
    await call(pop(emu), 'StopInstances', params);
    assert.equal(await status(id(ids.web)), 'Stopping');
  });

  test('InternalError on StartInstance changes nothing', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ action: 'StartInstance', kind: 'InternalError' }] });
    await rejects(call(pop(emu), 'StartInstance', { RegionId: HZ, InstanceId: id(ids.db) }), 'InternalError', 500);
    assert.equal(await status(id(ids.db)), 'Stopped');
  });

  test('UpdateInstanceAttribute renames (letters, digits, _ - . ; 2–50, starts with a letter or digit)', async () => {
    await call(pop(emu), 'UpdateInstanceAttribute', {
      RegionId: HZ,
      InstanceId: id(ids.web),
      InstanceName: 'www.example.com_1-a',
      ClientToken: randomUUID(),
    });
    assert.equal((await server(id(ids.web))).InstanceName, 'www.example.com_1-a');
    for (const bad of ['a', '-web', 'has space', 'x'.repeat(51), '网站']) {
      await rejects(
        call(pop(emu), 'UpdateInstanceAttribute', { RegionId: HZ, InstanceId: id(ids.web), InstanceName: bad }),
        'InvalidInstanceName.Malformed',
        400,
      );
    }
    await rejects(
      call(pop(emu), 'UpdateInstanceAttribute', { RegionId: HZ, InstanceId: 'nope', InstanceName: 'ok-name' }),
      'InvalidInstanceId.NotFound',
      404,
    );
  });

  test('UpdateInstanceAttribute Password: 8–30 characters of three kinds', async () => {
    await call(pop(emu), 'UpdateInstanceAttribute', { RegionId: HZ, InstanceId: id(ids.web), Password: 'Test123!' });
    for (const bad of ['Short1!', 'alllowercase', 'NoDigitsOrSpecials', 'Tab\there1A']) {
      await rejects(
        call(pop(emu), 'UpdateInstanceAttribute', { RegionId: HZ, InstanceId: id(ids.web), Password: bad }),
        'InvalidPassword.Malformed',
        400,
      );
    }
  });

  test('ResetSystem with a custom image: Resetting → Running after 60 s, with the image applied', async () => {
    const images = (await call(pop(emu), 'ListCustomImages', { RegionId: HZ })).CustomImages as Json[];
    const golden = images.find((i) => i.Name === 'web-prod-golden') as Json;
    const before = await call(pop(emu), 'ListSnapshots', { RegionId: HZ, InstanceId: id(ids.db) });
    await call(
      pop(emu),
      'ResetSystem',
      { RegionId: HZ, InstanceId: id(ids.db), ImageId: golden.ImageId, ClientToken: randomUUID() },
      { method: 'POST' },
    );
    const during = await server(id(ids.db));
    assert.deepEqual([during.Status, during.ImageId, (during.Image as Json).ImageName], ['Resetting', golden.ImageId, 'web-prod-golden']);
    await advance(59);
    assert.equal(await status(id(ids.db)), 'Resetting');
    await advance(1);
    assert.equal(await status(id(ids.db)), 'Running');
    const after = await call(pop(emu), 'ListSnapshots', { RegionId: HZ, InstanceId: id(ids.db) });
    assert.equal(after.TotalCount, before.TotalCount, 'snapshots are kept');
  });

  test('ResetSystem with a public image from ListImages, and without ImageId (reinstall)', async () => {
    const pub = ((await call(pop(emu), 'ListImages', { RegionId: HZ, ImageType: 'system' })).Images as Json[])[1] as Json;
    await advance(600); // the demo's Progressing data snapshot of web-prod-1 finishes
    await call(pop(emu), 'ResetSystem', { RegionId: HZ, InstanceId: id(ids.web), ImageId: pub.ImageId });
    assert.equal((await server(id(ids.web))).ImageId, pub.ImageId);
    await advance(60);
    await call(pop(emu), 'ResetSystem', { RegionId: HZ, InstanceId: id(ids.web) });
    const again = await server(id(ids.web));
    assert.deepEqual([again.Status, again.ImageId], ['Resetting', pub.ImageId]);
  });

  test('ResetSystem image checks: not found / other region, not available, same server, too small, busy disk, wrong status', async () => {
    const images = (await call(pop(emu), 'ListCustomImages', { RegionId: HZ })).CustomImages as Json[];
    const golden = images.find((i) => i.Name === 'web-prod-golden') as Json;
    const dbBase = images.find((i) => i.Name === 'db-staging-base') as Json;
    const sg = ((await call(pop(emu), 'ListCustomImages', { RegionId: 'ap-southeast-1' })).CustomImages as Json[])[0] as Json;
    const reset = (instanceId: string, imageId: unknown): Promise<Json> =>
      call(pop(emu), 'ResetSystem', { RegionId: HZ, InstanceId: instanceId, ImageId: String(imageId) });
    await rejects(reset(id(ids.db), 'm-nope'), 'InvalidImageId.NotFound', 404);
    await rejects(reset(id(ids.db), sg.ImageId), 'InvalidImageId.NotFound', 404);
    await rejects(reset(id(ids.db), dbBase.ImageId), 'InvalidImageId.SameInstance', 400);
    await rejects(reset(id(ids.api), golden.ImageId), 'IncorrectInstanceStatus', 403);
    await rejects(reset(id(ids.legacy), golden.ImageId), 'IncorrectInstanceStatus', 403);
    // web-prod-1 has a data snapshot Progressing in the demo.
    await rejects(reset(id(ids.web), golden.ImageId), 'IncorrectStatus', 400);
    const created = await call(pop(emu), 'CreateCustomImage', {
      RegionId: HZ,
      InstanceId: id(ids.db),
      ImageName: 'db-fresh',
      SystemSnapshotId: String(
        ((await call(pop(emu), 'ListSnapshots', { RegionId: HZ, InstanceId: id(ids.db) })) as { Snapshots: Json[] }).Snapshots.find(
          (s) => s.SourceDiskType === 'System' && s.Status === 'Accomplished',
        )?.SnapshotId,
      ),
    });
    const added = await admin(emu, 'POST', '/servers', { regionId: HZ, instanceName: 'target', status: 'Running' });
    await rejects(reset(String(added.InstanceId), dbBase.ImageId), 'InvalidDiskSize.NotSupported', 400);
    await rejects(reset(String(added.InstanceId), created.ImageId), 'IncorrectImageStatus', 403);
    await rejects(call(pop(emu), 'ResetSystem', { RegionId: HZ }), 'MissingParameter', 400);
  });

  test('the lifecycle survives a state round trip (GET /state → POST /reset) mid-transition', async () => {
    await call(pop(emu), 'StopInstance', { RegionId: HZ, InstanceId: id(ids.web) });
    const state = await admin(emu, 'GET', '/state');
    assert.ok(JSON.stringify(state).includes('"lifecycle"'));
    await advance(10);
    assert.equal(await status(id(ids.web)), 'Stopped');
  });
});
