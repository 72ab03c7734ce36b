// Concurrent creates: the quota and name uniqueness hold, one ClientToken makes one image.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import type { Json } from './harness';
import { admin, call, pop, start } from './harness';

interface Outcome {
  ok: boolean;
  imageId: string;
  code: string;
}

async function settle(p: Promise<unknown>): Promise<Outcome> {
  try {
    const r = (await p) as { ImageId?: string };
    return { ok: true, imageId: String(r.ImageId), code: '' };
  } catch (e) {
    return { ok: false, imageId: '', code: String((e as { code?: string }).code) };
  }
}

describe('concurrent CreateCustomImage (pop-core)', () => {
  let emu: RunningEmulator;
  let servers: { instanceId: string; snapshotId: string }[];
  before(async () => {
    emu = await start({ seed: 'empty', snapshotSeconds: 0 });
  });
  beforeEach(async () => {
    await admin(emu, 'POST', '/reset', { seed: 'empty' });
    await admin(emu, 'PUT', '/faults', { latencyMs: 15, jitterMs: 15, seed: 3 });
    servers = [];
    for (let i = 0; i < 5; i++) {
      const s = await admin(emu, 'POST', '/servers', { regionId: 'cn-hangzhou', instanceName: `node-${i}` });
      const diskId = ((s.Disks as Json[])[0] as Json).DiskId;
      const snap = await call(pop(emu), 'CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: diskId, SnapshotName: `sys-${i}` });
      servers.push({ instanceId: String(s.InstanceId), snapshotId: String(snap.SnapshotId) });
    }
  });
  after(() => emu.stop());

  const params = (i: number, name: string): Json => {
    const s = servers[i % servers.length] as { instanceId: string; snapshotId: string };
    return { RegionId: 'cn-hangzhou', InstanceId: s.instanceId, SystemSnapshotId: s.snapshotId, ImageName: name };
  };
  const count = async (): Promise<number> =>
    Number((await call(pop(emu), 'ListCustomImages', { RegionId: 'cn-hangzhou', PageSize: 100 })).TotalCount);

  test('50 parallel creates with distinct names against a quota of 15 create exactly 15', async () => {
    const c = pop(emu);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        settle(c.request('CreateCustomImage', params(i, `img-${i}`), { method: i % 2 ? 'POST' : 'GET' })),
      ),
    );
    assert.equal(results.filter((r) => r.ok).length, 15);
    assert.ok(results.filter((r) => !r.ok).every((r) => r.code === 'CustomImageQuotaLimit'));
    assert.equal(await count(), 15);
  });

  test('20 parallel creates with one ClientToken create exactly one image and all return its ImageId', async () => {
    const c = pop(emu);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        settle(c.request('CreateCustomImage', { ...params(0, 'same-token'), ClientToken: 'parallel-token' })),
      ),
    );
    assert.ok(results.every((r) => r.ok));
    assert.equal(new Set(results.map((r) => r.imageId)).size, 1);
    assert.equal(await count(), 1);
  });

  test('20 parallel creates of one name without a token create exactly one image', async () => {
    const c = pop(emu);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => settle(c.request('CreateCustomImage', params(i, 'dup-name')))));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.ok(results.filter((r) => !r.ok).every((r) => r.code === 'ImageNameAlreadyExist'));
    assert.equal(await count(), 1);
  });
});
