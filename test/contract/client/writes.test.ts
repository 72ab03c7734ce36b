// The write calls through the real client: each one invalidates the region's cached lists, so the
// next load shows the change without a manual refresh.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness';
import type { Harness } from './harness';
import { loadRegion } from '../../../src/core/regionLoader';
import { SwasError } from '../../../src/core/errors';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.stop());
beforeEach(() => h.clearRequests());

test('CreateSnapshot returns the new id and the next region load shows it', async () => {
  const api = h.client();
  const before = await loadRegion(api, 'cn-shanghai');
  const server = before.instances[0];
  const disk = server?.disks.find((d) => d.diskType === 'System');
  assert.ok(server && disk);
  const res = await api.createSnapshot({
    regionId: 'cn-shanghai',
    diskId: disk.diskId,
    snapshotName: 'client-snap-1',
    clientToken: 'tok-snap-1',
  });
  assert.match(res.snapshotId, /^s-/);
  assert.ok(res.requestId);
  const afterLoad = await loadRegion(api, 'cn-shanghai');
  const mine = afterLoad.snapshotsByInstance.get(server.instanceId)?.find((s) => s.snapshotId === res.snapshotId);
  assert.equal(mine?.snapshotName, 'client-snap-1');
  assert.equal(mine?.status, 'Progressing');
});

test('Share, UnShare and Delete a custom image; a shared image cannot be deleted', async () => {
  const api = h.client();
  const images = (await api.listCustomImages('cn-hangzhou')).items;
  const shared = images.find((i) => i.inShare);
  assert.ok(shared);
  await assert.rejects(
    api.deleteCustomImage({ regionId: 'cn-hangzhou', imageId: shared.imageId, clientToken: 'tok-del-shared' }),
    (e: unknown) => e instanceof SwasError && e.code === 'CustomImageInShare' && e.httpStatus === 400,
  );
  await api.modifyImageShareStatus({ regionId: 'cn-hangzhou', imageId: shared.imageId, operation: 'UnShare', clientToken: 'tok-unshare' });
  // Whether an unshare takes effect at once is not documented (A14): allow it a minute.
  await h.admin('POST', '/clock/advance', { seconds: 60 });
  assert.equal(
    (await api.listCustomImages('cn-hangzhou', {}, { fresh: true })).items.find((i) => i.imageId === shared.imageId)?.inShare,
    false,
  );
  await api.modifyImageShareStatus({ regionId: 'cn-hangzhou', imageId: shared.imageId, operation: 'Share', clientToken: 'tok-share' });
  assert.equal((await api.listCustomImages('cn-hangzhou')).items.find((i) => i.imageId === shared.imageId)?.inShare, true);
  const unshared = images.find((i) => !i.inShare);
  assert.ok(unshared);
  const del = await api.deleteCustomImage({ regionId: 'cn-hangzhou', imageId: unshared.imageId, clientToken: 'tok-del' });
  assert.ok(del.requestId);
  assert.equal(
    (await api.listCustomImages('cn-hangzhou')).items.some((i) => i.imageId === unshared.imageId),
    false,
  );
  const writes = (await h.requests()).filter((r) => r.action === 'ModifyImageShareStatus' || r.action === 'DeleteCustomImage');
  assert.deepStrictEqual(
    writes.map((r) => r.clientToken),
    ['tok-del-shared', 'tok-unshare', 'tok-share', 'tok-del'],
  );
});

test('CreateCustomImage with tags and a description; the images list and quota follow', async () => {
  const api = h.client();
  const region = await loadRegion(api, 'cn-hangzhou');
  const server = region.instances.find((i) => i.status === 'Running');
  const system =
    server && region.snapshotsByInstance.get(server.instanceId)?.find((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished');
  assert.ok(server && system);
  const res = await api.createCustomImage({
    regionId: 'cn-hangzhou',
    instanceId: server.instanceId,
    imageName: 'client-image-1',
    systemSnapshotId: system.snapshotId,
    description: 'made by the contract test',
    tags: [
      { key: 'env', value: 'test' },
      { key: 'empty', value: '' },
    ],
    clientToken: 'tok-image-1',
  });
  assert.match(res.imageId, /^m-/);
  const next = await loadRegion(api, 'cn-hangzhou');
  const image = next.images.find((i) => i.imageId === res.imageId);
  assert.equal(image?.name, 'client-image-1');
  assert.equal(image?.description, 'made by the contract test');
  assert.deepStrictEqual(image?.tags, [
    { key: 'env', value: 'test' },
    { key: 'empty', value: '' },
  ]);
  assert.equal(next.quota.used, region.quota.used + 1);
});
