// The official SDK (ACS3) drives every lifecycle operation of the emulator, and each new error
// code reaches it as a typed ClientError with the status and a RequestId.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import * as $Swas from '@alicloud/swas-open20200601';
import type { RunningEmulator } from '../../emulator/index';
import type { DemoIds, Json } from './harness';
import { admin, call, pop, sdk, useDemoEmulator } from './harness';

const HZ = 'cn-hangzhou';

async function sdkRejects(p: Promise<unknown>, code: string, status: number): Promise<void> {
  try {
    await p;
  } catch (e) {
    const err = e as { name?: string; code?: string; statusCode?: number; data?: Json };
    assert.deepEqual([err.name, err.code, err.statusCode], ['ClientError', code, status]);
    assert.match(String(err.data?.RequestId), /^[0-9A-F-]{36}$/);
    return;
  }
  assert.fail(`expected ${code}`);
}

describe('official SDK: server lifecycle', () => {
  let emu: RunningEmulator;
  let ids: DemoIds;
  const id = (s: Json): string => String(s.InstanceId);
  const status = async (instanceId: string): Promise<string | undefined> =>
    (await sdk(emu).listInstanceStatus(new $Swas.ListInstanceStatusRequest({ regionId: HZ, instanceIds: JSON.stringify([instanceId]) })))
      .body?.instanceStatuses?.[0]?.status;
  const advance = (seconds: number): Promise<Json> => admin(emu, 'POST', '/clock/advance', { seconds });

  useDemoEmulator(
    {},
    (started) => {
      emu = started;
    },
    (demo) => {
      ids = demo;
    },
  );

  test('StopInstance, StartInstance, RebootInstance (singular)', async () => {
    const c = sdk(emu);
    const r = await c.stopInstance(new $Swas.StopInstanceRequest({ regionId: HZ, instanceId: id(ids.web), clientToken: randomUUID() }));
    assert.equal(r.statusCode, 200);
    assert.match(String(r.body?.requestId), /^[0-9A-F-]{36}$/);
    assert.equal(await status(id(ids.web)), 'Stopping');
    await advance(10);
    await c.startInstance(new $Swas.StartInstanceRequest({ regionId: HZ, instanceId: id(ids.web) }));
    assert.equal(await status(id(ids.web)), 'Starting');
    await advance(10);
    await c.rebootInstance(new $Swas.RebootInstanceRequest({ regionId: HZ, instanceId: id(ids.web) }));
    assert.equal(await status(id(ids.web)), 'Stopping');
  });

  test('StopInstances (ForceStop), StartInstances, RebootInstances (ForceReboot) (plural)', async () => {
    const c = sdk(emu);
    await c.stopInstances(new $Swas.StopInstancesRequest({ regionId: HZ, instanceIds: JSON.stringify([id(ids.web)]), forceStop: true }));
    await advance(10);
    assert.equal(await status(id(ids.web)), 'Stopped');
    await c.startInstances(
      new $Swas.StartInstancesRequest({ regionId: HZ, instanceIds: JSON.stringify([id(ids.web), id(ids.db)]), clientToken: randomUUID() }),
    );
    await advance(10);
    assert.equal(await status(id(ids.db)), 'Running');
    await c.rebootInstances(
      new $Swas.RebootInstancesRequest({ regionId: HZ, instanceIds: JSON.stringify([id(ids.web), id(ids.db)]), forceReboot: false }),
    );
    await advance(5);
    assert.equal(await status(id(ids.web)), 'Starting');
  });

  test('UpdateInstanceAttribute renames and sets a password', async () => {
    const c = sdk(emu);
    await c.updateInstanceAttribute(
      new $Swas.UpdateInstanceAttributeRequest({
        regionId: HZ,
        instanceId: id(ids.web),
        instanceName: 'web-renamed',
        password: 'Test123!',
      }),
    );
    const list = await c.listInstances(new $Swas.ListInstancesRequest({ regionId: HZ, instanceIds: JSON.stringify([id(ids.web)]) }));
    assert.equal(list.body?.instances?.[0]?.instanceName, 'web-renamed');
  });

  test('ResetSystem applies a custom image (LoginCredentials accepted) and ListImages lists public and custom images', async () => {
    const c = sdk(emu);
    const images = await c.listImages(new $Swas.ListImagesRequest({ regionId: HZ }));
    const golden = images.body?.images?.find((i) => i.imageName === 'web-prod-golden');
    assert.equal(golden?.imageType, 'custom');
    assert.ok((images.body?.images ?? []).some((i) => i.imageType === 'system'));
    await c.resetSystem(
      new $Swas.ResetSystemRequest({
        regionId: HZ,
        instanceId: id(ids.db),
        imageId: golden?.imageId,
        clientToken: randomUUID(),
        loginCredentials: new $Swas.ResetSystemRequestLoginCredentials({ password: 'Test123!' }),
      }),
    );
    assert.equal(await status(id(ids.db)), 'Resetting');
    await advance(60);
    const after = await c.listInstances(new $Swas.ListInstancesRequest({ regionId: HZ, instanceIds: JSON.stringify([id(ids.db)]) }));
    assert.deepEqual([after.body?.instances?.[0]?.status, after.body?.instances?.[0]?.imageId], ['Running', golden?.imageId]);
  });

  test('every new error code reaches the SDK as a typed ClientError', async () => {
    const c = sdk(emu);
    const imgs = (await call(pop(emu), 'ListCustomImages', { RegionId: HZ })).CustomImages as Json[];
    const dbBase = String(imgs.find((i) => i.Name === 'db-staging-base')?.ImageId);
    const golden = String(imgs.find((i) => i.Name === 'web-prod-golden')?.ImageId);
    await sdkRejects(
      c.startInstance(new $Swas.StartInstanceRequest({ regionId: HZ, instanceId: id(ids.web) })),
      'IncorrectInstanceStatus',
      403,
    );
    await sdkRejects(
      c.stopInstances(new $Swas.StopInstancesRequest({ regionId: HZ, instanceIds: JSON.stringify(['nope']) })),
      'InvalidInstanceId.NotFound',
      404,
    );
    await sdkRejects(
      c.updateInstanceAttribute(new $Swas.UpdateInstanceAttributeRequest({ regionId: HZ, instanceId: id(ids.web), instanceName: '-x' })),
      'InvalidInstanceName.Malformed',
      400,
    );
    await sdkRejects(
      c.updateInstanceAttribute(new $Swas.UpdateInstanceAttributeRequest({ regionId: HZ, instanceId: id(ids.web), password: 'weak' })),
      'InvalidPassword.Malformed',
      400,
    );
    await sdkRejects(
      c.resetSystem(new $Swas.ResetSystemRequest({ regionId: HZ, instanceId: id(ids.db), imageId: 'm-none' })),
      'InvalidImageId.NotFound',
      404,
    );
    await sdkRejects(
      c.resetSystem(new $Swas.ResetSystemRequest({ regionId: HZ, instanceId: id(ids.db), imageId: dbBase })),
      'InvalidImageId.SameInstance',
      400,
    );
    await sdkRejects(
      c.resetSystem(new $Swas.ResetSystemRequest({ regionId: HZ, instanceId: id(ids.web), imageId: golden })),
      'IncorrectStatus',
      400,
    );
    const added = await admin(emu, 'POST', '/servers', { regionId: HZ, instanceName: 'small', status: 'Running' });
    await sdkRejects(
      c.resetSystem(new $Swas.ResetSystemRequest({ regionId: HZ, instanceId: String(added.InstanceId), imageId: dbBase })),
      'InvalidDiskSize.NotSupported',
      400,
    );
    const created = await call(pop(emu), 'CreateCustomImage', {
      RegionId: HZ,
      InstanceId: id(ids.db),
      ImageName: 'db-creating',
      SystemSnapshotId: String(
        ids.snapshots.find((s) => s.InstanceId === id(ids.db) && s.SourceDiskType === 'System' && s.Status === 'Accomplished')?.SnapshotId,
      ),
    });
    await sdkRejects(
      c.resetSystem(new $Swas.ResetSystemRequest({ regionId: HZ, instanceId: String(added.InstanceId), imageId: String(created.ImageId) })),
      'IncorrectImageStatus',
      403,
    );
    const token = randomUUID();
    await c.startInstances(
      new $Swas.StartInstancesRequest({ regionId: HZ, instanceIds: JSON.stringify([id(ids.db)]), clientToken: token }),
    );
    await sdkRejects(
      c.startInstances(new $Swas.StartInstancesRequest({ regionId: HZ, instanceIds: JSON.stringify([id(ids.web)]), clientToken: token })),
      'IdempotentParameterMismatch',
      400,
    );
  });
});
