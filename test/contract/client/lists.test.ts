// Every list call against the emulator over HTTP with more than one page of data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;
before(async () => {
  h = await startHarness({ scale: { servers: 150, snapshots: 260, images: 120, regions: 2, allowUnrealistic: true } });
});
after(() => h.stop());

test('ListInstances pages through 150 servers at 100 a page', async () => {
  const api = h.client();
  const p1 = await api.listInstances('cn-hangzhou');
  const p2 = await api.listInstances('cn-hangzhou', { pageNumber: 2 });
  assert.equal(p1.totalCount, 150);
  assert.equal(p1.pageSize, 100);
  assert.equal(p1.items.length, 100);
  assert.equal(p2.items.length, 50);
  const ids = new Set([...p1.items, ...p2.items].map((i) => i.instanceId));
  assert.equal(ids.size, 150);
  const first = p1.items[0];
  assert.ok(first && first.instanceName && first.disks.length > 0 && first.spec.cpu > 0 && first.publicIpAddress);
  assert.equal(Object.getPrototypeOf(first), Object.prototype);
});

test('ListInstances filters by a JSON list of ids', async () => {
  const api = h.client();
  const all = await api.listInstances('cn-hangzhou');
  const wanted = all.items.slice(0, 3).map((i) => i.instanceId);
  const page = await api.listInstances('cn-hangzhou', { instanceIds: wanted });
  assert.deepStrictEqual(page.items.map((i) => i.instanceId).sort(), [...wanted].sort());
});

test('ListSnapshots pages through 260 snapshots; numbers and progress are parsed', async () => {
  const api = h.client();
  const pages = await Promise.all([1, 2, 3].map((n) => api.listSnapshots('cn-hangzhou', { pageNumber: n })));
  assert.deepStrictEqual(
    pages.map((p) => p.items.length),
    [100, 100, 60],
  );
  assert.ok(pages.every((p) => p.totalCount === 260));
  const all = pages.flatMap((p) => p.items);
  assert.equal(new Set(all.map((s) => s.snapshotId)).size, 260);
  assert.ok(all.every((s) => s.progress >= 0 && s.progress <= 100 && (s.sourceDiskType === 'System' || s.sourceDiskType === 'Data')));
  assert.ok(
    all.some((s) => s.sourceDiskType === 'Data' && s.instanceId === ''),
    'data-disk snapshots come without InstanceId',
  );
});

test('ListCustomImages pages through 120 images (paging fields may be strings); user ids stay exact', async () => {
  const api = h.client();
  const p1 = await api.listCustomImages('cn-hangzhou');
  const p2 = await api.listCustomImages('cn-hangzhou', { pageNumber: 2 });
  assert.equal(p1.totalCount, 120);
  assert.deepStrictEqual([p1.items.length, p2.items.length], [100, 20]);
  assert.equal(typeof p1.totalCount, 'number');
  assert.ok(
    p1.items.every((i) => /^\d{16}$/.test(i.userId)),
    'the 16-digit UserId arrives as a BigNumber and is kept exactly',
  );
});

test('ListDisks pages through the disks of 150 servers', async () => {
  const api = h.client();
  const p1 = await api.listDisks('cn-hangzhou');
  assert.ok(p1.totalCount > 150, `total ${p1.totalCount}`);
  const pages = [p1];
  for (let n = 2; n <= Math.ceil(p1.totalCount / 100); n++) pages.push(await api.listDisks('cn-hangzhou', { pageNumber: n }));
  assert.equal(new Set(pages.flatMap((p) => p.items.map((d) => d.diskId))).size, p1.totalCount);
});

test('ListInstanceStatus answers for 100 servers at once', async () => {
  const api = h.client();
  const ids = (await api.listInstances('cn-hangzhou')).items.map((i) => i.instanceId);
  const statuses = await api.listInstanceStatus('cn-hangzhou', ids);
  assert.equal(statuses.size, 100);
  assert.ok([...statuses.values()].every((s) => s === 'Running' || s === 'Stopped'));
});

test('ListRegions lists 26 regions with names in the asked language', async () => {
  const api = h.client();
  const en = await api.listRegions('en-US');
  const zh = await api.listRegions('zh-CN');
  assert.equal(en.length, 26);
  const hz = (list: typeof en): string | undefined => list.find((r) => r.regionId === 'cn-hangzhou')?.localName;
  assert.notEqual(hz(en), hz(zh));
  assert.ok(en.every((r) => r.endpoint.startsWith('swas.')));
});

test('the second region is independent of the first', async () => {
  const api = h.client();
  const p = await api.listInstances('cn-qingdao');
  assert.equal(p.totalCount, 150);
  assert.ok(p.items.every((i) => i.regionId === 'cn-qingdao'));
});
