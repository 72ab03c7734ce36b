// CreateCustomImage through the real pop-core: every rule of its reference, all nine error codes,
// Codes marked GUESS in a test name are the emulator's choice, not confirmed Alibaba behaviour (see the evidence column in test/emulator/README.md).
// ClientToken idempotence and the asynchronous "4" → "1" status on the virtual clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import type { DemoIds, Json } from './harness';
import { admin, call, pop, rejects, snapshotNamed, useDemoEmulator } from './harness';

describe('CreateCustomImage (pop-core)', () => {
  let emu: RunningEmulator;
  let ids: DemoIds;
  useDemoEmulator(
    { faults: true },
    (started) => {
      emu = started;
    },
    (demo) => {
      ids = demo;
    },
  );

  const base = (): Json => ({
    RegionId: 'cn-hangzhou',
    InstanceId: ids.web.InstanceId,
    ImageName: 'web-image-1',
    SystemSnapshotId: snapshotNamed(ids, 'web-prod-1-sys-0601'),
  });

  test('creates an image that is "4" (creating) and becomes "1" after the clock advances', async () => {
    const r = await call(pop(emu), 'CreateCustomImage', {
      ...base(),
      Description: 'from web',
      Tag: [
        { Key: 'env', Value: 'prod' },
        { Key: 'empty', Value: '' },
      ],
    });
    assert.match(String(r.ImageId), /^m-/);
    assert.deepEqual(Object.keys(r).sort(), ['ImageId', 'RequestId']);
    const list = async (): Promise<Json> =>
      (
        (await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou', ImageIds: JSON.stringify([r.ImageId]) }))
          .CustomImages as Json[]
      )[0] as Json;
    const creating = await list();
    assert.equal(creating.Status, '4');
    assert.deepEqual(creating.Tags, [
      { Key: 'env', Value: 'prod' },
      { Key: 'empty', Value: '' },
    ]);
    assert.equal(creating.Description, 'from web');
    assert.equal(creating.InstanceName, 'web-prod-1');
    assert.equal(creating.SystemSnapshotName, 'web-prod-1-sys-0601');
    await admin(emu, 'POST', '/clock/advance', { seconds: 30 });
    assert.equal((await list()).Status, '1');
  });

  test('includes a data snapshot of the same server', async () => {
    const r = await call(pop(emu), 'CreateCustomImage', {
      RegionId: 'cn-hangzhou',
      InstanceId: ids.db.InstanceId,
      ImageName: 'db-with-data',
      SystemSnapshotId: snapshotNamed(ids, 'db-staging-sys-0520'),
      DataSnapshotId: snapshotNamed(ids, 'db-staging-data-0520'),
    });
    const img = (
      (await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou', ImageIds: JSON.stringify([r.ImageId]) })).CustomImages as Json[]
    )[0] as Json;
    assert.equal(img.DataSnapshotName, 'db-staging-data-0520');
    assert.equal(img.RequiredDataDiskSize, 200);
  });

  test('requires RegionId, InstanceId, ImageName and SystemSnapshotId (MissingParameter)', async () => {
    for (const name of ['InstanceId', 'ImageName', 'SystemSnapshotId']) {
      const params = base();
      delete params[name];
      const body = await rejects(pop(emu).request('CreateCustomImage', params), 'MissingParameter', 400);
      assert.match(String(body.Message), new RegExp(name));
    }
  });

  test('rejects illegal names with InvalidParam.IllegalImageName (400)', async () => {
    for (const name of ['x', '-starts-with-dash', '_underscore', 'has space', 'dot.name', 'a'.repeat(129), '中文。名']) {
      await rejects(pop(emu).request('CreateCustomImage', { ...base(), ImageName: name }), 'InvalidParam.IllegalImageName', 400);
    }
    await call(pop(emu), 'CreateCustomImage', { ...base(), ImageName: `9a:b_c-${'d'.repeat(121)}` });
  });

  test('rejects a used name with ImageNameAlreadyExist (400)', async () => {
    await rejects(pop(emu).request('CreateCustomImage', { ...base(), ImageName: 'db-staging-base' }), 'ImageNameAlreadyExist', 400);
  });

  test('rejects the image over quota with CustomImageQuotaLimit (400, documented; counted per region: the error text, A3 says likely account-wide)', async () => {
    const sg = (await call(pop(emu), 'ListInstances', { RegionId: 'ap-southeast-1' })).Instances as Json[];
    const snaps = (await call(pop(emu), 'ListSnapshots', { RegionId: 'ap-southeast-1' })).Snapshots as Json[];
    await rejects(
      pop(emu).request('CreateCustomImage', {
        RegionId: 'ap-southeast-1',
        InstanceId: sg[0]?.InstanceId,
        ImageName: 'one-too-many',
        SystemSnapshotId: snaps[0]?.SnapshotId,
      }),
      'CustomImageQuotaLimit',
      400,
    );
  });

  test('rejects an unknown system snapshot with InvalidParam.SystemSnapshotIdNotFound (400)', async () => {
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), SystemSnapshotId: 's-doesnotexist0000000' }),
      'InvalidParam.SystemSnapshotIdNotFound',
      400,
    );
  });

  test('rejects a data-disk, foreign or unfinished snapshot as system snapshot with InvalidParam.SystemSnapshotIdNotSupport (code documented; foreign/unfinished: GUESS)', async () => {
    for (const snap of ['db-staging-data-0520', 'db-staging-sys-0520']) {
      await rejects(
        pop(emu).request('CreateCustomImage', { ...base(), SystemSnapshotId: snapshotNamed(ids, snap) }),
        'InvalidParam.SystemSnapshotIdNotSupport',
        400,
      );
    }
  });

  test('rejects an unknown data snapshot with InvalidParam.DataSnapshotIdNotFound (400)', async () => {
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), DataSnapshotId: 's-doesnotexist0000000' }),
      'InvalidParam.DataSnapshotIdNotFound',
      400,
    );
  });

  test('rejects a data snapshot that is not an accomplished data snapshot of this server (InvalidParam.DataSnapshotIdNotSupport: GUESS code)', async () => {
    for (const snap of ['web-prod-1-data-nightly', 'db-staging-data-0520', 'web-prod-1-sys-0601']) {
      await rejects(
        pop(emu).request('CreateCustomImage', { ...base(), DataSnapshotId: snapshotNamed(ids, snap) }),
        'InvalidParam.DataSnapshotIdNotSupport',
        400,
      );
    }
  });

  test('rejects an unknown server or one from another region with InvalidInstanceId.NotFound (404)', async () => {
    await rejects(pop(emu).request('CreateCustomImage', { ...base(), InstanceId: '0'.repeat(32) }), 'InvalidInstanceId.NotFound', 404);
    await rejects(pop(emu).request('CreateCustomImage', { ...base(), RegionId: 'cn-shanghai' }), 'InvalidInstanceId.NotFound', 404);
  });

  test('rejects servers that are starting or disabled with IncorrectInstanceStatus (403; code documented, which states: GUESS)', async () => {
    await rejects(
      pop(emu).request('CreateCustomImage', {
        ...base(),
        InstanceId: ids.api.InstanceId,
        SystemSnapshotId: snapshotNamed(ids, 'api-canary-sys-0610'),
      }),
      'IncorrectInstanceStatus',
      403,
    );
    await admin(emu, 'POST', `/servers/${String(ids.web.InstanceId)}/status`, { status: 'Disabled' });
    await rejects(pop(emu).request('CreateCustomImage', base()), 'IncorrectInstanceStatus', 403);
  });

  test('allows a stopped server', async () => {
    const r = await call(pop(emu), 'CreateCustomImage', {
      RegionId: 'cn-hangzhou',
      InstanceId: ids.db.InstanceId,
      ImageName: 'from-stopped',
      SystemSnapshotId: snapshotNamed(ids, 'db-staging-sys-0520'),
    });
    assert.match(String(r.ImageId), /^m-/);
  });

  test('produces InternalError (500) through a scripted fault and creates nothing', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ action: 'CreateCustomImage', kind: 'InternalError' }] });
    await rejects(pop(emu).request('CreateCustomImage', base()), 'InternalError', 500);
    const imgs = await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou' });
    assert.equal(imgs.TotalCount, '2');
    await call(pop(emu), 'CreateCustomImage', base());
  });

  test('enforces the tag rules (rules documented; the codes: GUESS)', async () => {
    const tags = (n: number): Json[] => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await call(pop(emu), 'CreateCustomImage', { ...base(), Tag: tags(20) });
    await rejects(pop(emu).request('CreateCustomImage', { ...base(), ImageName: 'n2', Tag: tags(21) }), 'InvalidTagCount', 400);
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), ImageName: 'n2', Tag: [{ Key: 'aliyun-x', Value: 'v' }] }),
      'InvalidTagKey.Malformed',
      400,
    );
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), ImageName: 'n2', Tag: [{ Key: 'acs:x', Value: 'v' }] }),
      'InvalidTagKey.Malformed',
      400,
    );
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), ImageName: 'n2', Tag: [{ Key: '', Value: 'v' }] }),
      'InvalidTagKey.Malformed',
      400,
    );
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), ImageName: 'n2', Tag: [{ Key: 'k', Value: 'see https://x' }] }),
      'InvalidTagValue.Malformed',
      400,
    );
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), ImageName: 'n2', Tag: [{ Key: 'k', Value: 'v'.repeat(65) }] }),
      'InvalidTagValue.Malformed',
      400,
    );
    await rejects(
      pop(emu).request('CreateCustomImage', {
        ...base(),
        ImageName: 'n2',
        Tag: [
          { Key: 'k', Value: '1' },
          { Key: 'k', Value: '2' },
        ],
      }),
      'Duplicate.TagKey',
      400,
    );
  });

  test('rejects a bad ResourceGroupId and an over-long description (GUESS rules and codes)', async () => {
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), ResourceGroupId: 'group-1' }),
      'InvalidResourceGroupId.Malformed',
      400,
    );
    await rejects(pop(emu).request('CreateCustomImage', { ...base(), Description: 'd'.repeat(257) }), 'InvalidDescription.Malformed', 400);
    await call(pop(emu), 'CreateCustomImage', { ...base(), ResourceGroupId: 'rg-acfm2abc', Description: 'd'.repeat(256) });
  });

  test('same ClientToken and same parameters returns the same ImageId without creating another', async () => {
    const a = await call(pop(emu), 'CreateCustomImage', { ...base(), ClientToken: 'token-1' });
    const b = await call(pop(emu), 'CreateCustomImage', { ...base(), ClientToken: 'token-1' }, { method: 'POST' });
    assert.equal(a.ImageId, b.ImageId);
    assert.notEqual(a.RequestId, b.RequestId);
    assert.equal((await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou' })).TotalCount, '3');
  });

  test('same ClientToken with different parameters gives IdempotentParameterMismatch (400)', async () => {
    await call(pop(emu), 'CreateCustomImage', { ...base(), ClientToken: 'token-2' });
    await rejects(
      pop(emu).request('CreateCustomImage', { ...base(), ImageName: 'other-name', ClientToken: 'token-2' }),
      'IdempotentParameterMismatch',
      400,
    );
  });

  test('a ClientToken over 64 characters is rejected', async () => {
    await rejects(pop(emu).request('CreateCustomImage', { ...base(), ClientToken: 't'.repeat(65) }), 'InvalidParameter', 400);
  });

  test('a failed first attempt does not consume the ClientToken', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ action: 'CreateCustomImage', kind: 'ServiceUnavailable' }] });
    await rejects(pop(emu).request('CreateCustomImage', { ...base(), ClientToken: 'token-3' }), 'ServiceUnavailable', 503);
    const r = await call(pop(emu), 'CreateCustomImage', { ...base(), ClientToken: 'token-3' });
    assert.match(String(r.ImageId), /^m-/);
  });

  test('a response lost after commit can be recovered by retrying with the same ClientToken', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ action: 'CreateCustomImage', kind: 'ResetAfterCommit' }] });
    await assert.rejects(
      pop(emu).request('CreateCustomImage', { ...base(), ClientToken: 'token-4' }),
      (e: Error & { code?: string }) => e.code === 'ECONNRESET' || /socket hang up/.test(e.message),
    );
    const imgs = (await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou' })).CustomImages as Json[];
    const committed = imgs.find((i) => i.Name === 'web-image-1');
    assert.ok(committed, 'the image was committed');
    const retry = await call(pop(emu), 'CreateCustomImage', { ...base(), ClientToken: 'token-4' });
    assert.equal(retry.ImageId, committed.ImageId);
  });
});
