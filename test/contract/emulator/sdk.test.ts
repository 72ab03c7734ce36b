// The official generated SDK (@alicloud/swas-open20200601, ACS3-HMAC-SHA256 by default) against
// Codes marked GUESS in a test name are the emulator's choice, not confirmed Alibaba behaviour (see the evidence column in test/emulator/README.md).
// the emulator: typed responses carry the fields; each kind of error arrives as its typed error.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as $Swas from '@alicloud/swas-open20200601';
import type { RunningEmulator } from '../../emulator/index';
import { STS_ACCESS_KEY_ID, STS_ACCESS_KEY_SECRET, STS_TOKEN_EXPIRED, STS_TOKEN_VALID } from '../../emulator/seeds/credentials';
import { admin, call, pop, sdk, useDemoEmulator } from './harness';

interface SdkError {
  name?: string;
  code?: string;
  statusCode?: number;
  retryAfter?: number;
  data?: Record<string, unknown>;
  message?: string;
}

async function sdkRejects(p: Promise<unknown>, name: string, code: string, status: number): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    const err = e as SdkError;
    assert.equal(err.code, code, `${String(err.name)}: ${String(err.message)}`);
    assert.equal(err.name, name);
    assert.equal(err.statusCode, status);
    assert.match(String(err.data?.RequestId), /^[0-9A-F-]{36}$/);
    return err;
  }
  assert.fail(`expected ${code}`);
}

describe('official SDK (ACS3) against the emulator', () => {
  let emu: RunningEmulator;
  useDemoEmulator({ faults: true }, (started) => {
    emu = started;
  });

  test('ListRegions maps into typed regions', async () => {
    const r = await sdk(emu).listRegions(new $Swas.ListRegionsRequest({ acceptLanguage: 'en-US' }));
    assert.equal(r.statusCode, 200);
    assert.equal(r.body?.regions?.length, 26);
    const hz = r.body?.regions?.find((x) => x.regionId === 'cn-hangzhou');
    assert.deepEqual([hz?.localName, hz?.regionEndpoint], ['China (Hangzhou)', 'swas.cn-hangzhou.aliyuncs.com']);
    assert.match(String(r.body?.requestId), /^[0-9A-F-]{36}$/);
  });

  test('ListInstances maps instances, disks and spec with their types', async () => {
    const r = await sdk(emu).listInstances(new $Swas.ListInstancesRequest({ regionId: 'cn-hangzhou', pageSize: 2 }));
    assert.deepEqual([r.body?.totalCount, r.body?.pageSize, r.body?.pageNumber], [4, 2, 1]);
    const web = r.body?.instances?.[0];
    assert.equal(web?.instanceName, 'web-prod-1');
    assert.equal(web?.status, 'Running');
    assert.equal(web?.disks?.[1]?.diskType, 'Data');
    assert.equal(web?.disks?.[0]?.size, 40);
    assert.equal(web?.resourceSpec?.cpu, 2);
    assert.equal(web?.image?.osType, 'linux', 'A11: lowercase in ListInstances');
    assert.match(String(web?.creationTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  test('ListSnapshots maps status, progress and source disk type', async () => {
    const r = await sdk(emu).listSnapshots(new $Swas.ListSnapshotsRequest({ regionId: 'cn-hangzhou', sourceDiskType: 'System' }));
    assert.equal(r.body?.totalCount, 3);
    const s = r.body?.snapshots?.[0];
    assert.deepEqual([s?.status, s?.progress, s?.sourceDiskType], ['Accomplished', '100%', 'System']);
    assert.match(String(s?.snapshotId), /^s-/);
  });

  test('ListCustomImages maps string paging fields and image fields', async () => {
    const r = await sdk(emu).listCustomImages(new $Swas.ListCustomImagesRequest({ regionId: 'cn-hangzhou' }));
    assert.deepEqual([r.body?.totalCount, r.body?.pageNumber, r.body?.pageSize], ['2', '1', '10']);
    const img = r.body?.customImages?.[0];
    assert.deepEqual([img?.name, img?.status, img?.inShare, img?.userId], ['web-prod-golden', '1', true, 1234567890123456]);
  });

  test('CreateSnapshot and CreateCustomImage with tags, odd characters and a ClientToken', async () => {
    const c = sdk(emu);
    const inst = (await c.listInstances(new $Swas.ListInstancesRequest({ regionId: 'cn-shanghai' }))).body?.instances?.[0];
    const diskId = inst?.disks?.[0]?.diskId;
    const snap = await c.createSnapshot(new $Swas.CreateSnapshotRequest({ regionId: 'cn-shanghai', diskId, snapshotName: 'sdk-snap' }));
    assert.match(String(snap.body?.snapshotId), /^s-/);
    await admin(emu, 'POST', '/clock/advance', { seconds: 20 });
    const req = new $Swas.CreateCustomImageRequest({
      regionId: 'cn-shanghai',
      instanceId: inst?.instanceId,
      imageName: 'sdk-image',
      systemSnapshotId: snap.body?.snapshotId,
      description: "spaces *()!~' and 中文",
      clientToken: 'sdk-token-1',
      tag: [
        new $Swas.CreateCustomImageRequestTag({ key: 'team', value: 'a b' }),
        new $Swas.CreateCustomImageRequestTag({ key: 'empty', value: '' }),
      ],
    });
    const a = await c.createCustomImage(req);
    const b = await c.createCustomImage(req);
    assert.match(String(a.body?.imageId), /^m-/);
    assert.equal(a.body?.imageId, b.body?.imageId);
    const img = (await c.listCustomImages(new $Swas.ListCustomImagesRequest({ regionId: 'cn-shanghai' }))).body?.customImages?.[0];
    assert.equal(img?.description, "spaces *()!~' and 中文");
    assert.deepEqual(
      img?.tags?.map((t) => [t.key, t.value]),
      [
        ['team', 'a b'],
        ['empty', ''],
      ],
    );
    assert.equal(img?.status, '4');
    const viaPop = await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-shanghai' });
    assert.equal(viaPop.TotalCount, '1');
  });

  test('an operation error arrives as ClientError with its code and HTTP status', async () => {
    const c = sdk(emu);
    await sdkRejects(
      c.createCustomImage(
        new $Swas.CreateCustomImageRequest({ regionId: 'cn-hangzhou', instanceId: 'nope', imageName: 'abc', systemSnapshotId: 's-x' }),
      ),
      'ClientError',
      'InvalidInstanceId.NotFound',
      404,
    );
    await sdkRejects(
      c.createCustomImage(
        new $Swas.CreateCustomImageRequest({ regionId: 'cn-hangzhou', instanceId: 'nope', imageName: '-bad', systemSnapshotId: 's-x' }),
      ),
      'ClientError',
      'InvalidParam.IllegalImageName',
      400,
    );
  });

  test('gateway errors arrive as ClientError', async () => {
    await sdkRejects(
      sdk(emu, { accessKeySecret: 'wrong' }).listRegions(new $Swas.ListRegionsRequest({})),
      'ClientError',
      'SignatureDoesNotMatch',
      400,
    );
    await sdkRejects(
      sdk(emu, { accessKeyId: 'EMULnobody00000000000001' }).listRegions(new $Swas.ListRegionsRequest({})),
      'ClientError',
      'InvalidAccessKeyId.NotFound',
      404,
    );
    const expired = sdk(emu, { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_TOKEN_EXPIRED });
    await sdkRejects(expired.listRegions(new $Swas.ListRegionsRequest({})), 'ClientError', 'InvalidSecurityToken.Expired', 400);
  });

  test('an STS key with a valid token works through ACS3', async () => {
    const c = sdk(emu, { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_TOKEN_VALID });
    const r = await c.listInstances(new $Swas.ListInstancesRequest({ regionId: 'ap-southeast-1' }));
    assert.equal(r.body?.instances?.[0]?.instanceName, 'sg-gateway');
  });

  test('5xx faults arrive as ServerError', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ kind: 'InternalError' }, { kind: 'ServiceUnavailable' }] });
    await sdkRejects(sdk(emu).listRegions(new $Swas.ListRegionsRequest({})), 'ServerError', 'InternalError', 500);
    await sdkRejects(sdk(emu).listRegions(new $Swas.ListRegionsRequest({})), 'ServerError', 'ServiceUnavailable', 503);
  });

  test('throttling arrives as ThrottlingError with retryAfter from x-acs-retry-after', async () => {
    await admin(emu, 'PUT', '/faults', { throttlePerMinute: 1 });
    await sdk(emu).listRegions(new $Swas.ListRegionsRequest({}));
    const err = await sdkRejects(sdk(emu).listRegions(new $Swas.ListRegionsRequest({})), 'ThrottlingError', 'Throttling.User', 400);
    assert.ok(typeof err.retryAfter === 'number' && err.retryAfter > 0 && err.retryAfter <= 60_000, String(err.retryAfter));
  });

  test('quota and idempotence errors arrive with their codes (documented codes)', async () => {
    const c = sdk(emu);
    const sg = (await c.listInstances(new $Swas.ListInstancesRequest({ regionId: 'ap-southeast-1' }))).body?.instances?.[0];
    const snap = (await c.listSnapshots(new $Swas.ListSnapshotsRequest({ regionId: 'ap-southeast-1' }))).body?.snapshots?.[0];
    const req = new $Swas.CreateCustomImageRequest({
      regionId: 'ap-southeast-1',
      instanceId: sg?.instanceId,
      imageName: 'over',
      systemSnapshotId: snap?.snapshotId,
    });
    await sdkRejects(c.createCustomImage(req), 'ClientError', 'CustomImageQuotaLimit', 400);
  });
});
