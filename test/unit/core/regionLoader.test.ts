import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fetchAllPages, groupSnapshots, imageQuotaLimit, remainingPages, UNKNOWN_INSTANCE } from '../../../src/core/regionLoader';
import type { Instance, Page, Snapshot } from '../../../src/core/model';
import { toInstance, toSnapshot } from '../../../src/core/convert';

test('page math: ⌈total/100⌉ pages, capped at maxItems', () => {
  assert.deepStrictEqual(remainingPages(0, 100, 500), []);
  assert.deepStrictEqual(remainingPages(100, 100, 500), []);
  assert.deepStrictEqual(remainingPages(101, 100, 500), [2]);
  assert.deepStrictEqual(remainingPages(250, 100, 500), [2, 3]);
  assert.deepStrictEqual(remainingPages(500, 100, 500), [2, 3, 4, 5]);
  assert.deepStrictEqual(remainingPages(5000, 100, 500), [2, 3, 4, 5]);
  assert.deepStrictEqual(remainingPages(5000, 100, 1000).length, 9);
  assert.deepStrictEqual(remainingPages(150, 100, 0), []);
});

test('fetches page 1 first, then the other pages all at once', async () => {
  const order: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage = async (n: number): Promise<Page<number>> => {
    order.push(`start ${n}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    const items = Array.from({ length: n < 4 ? 100 : 30 }, (_, i) => (n - 1) * 100 + i);
    return { items, pageNumber: n, pageSize: 100, totalCount: 330 };
  };
  const { items, totalCount } = await fetchAllPages(fetchPage, 500);
  assert.equal(items.length, 330);
  assert.equal(totalCount, 330);
  assert.deepStrictEqual(items.slice(0, 3), [0, 1, 2]);
  assert.equal(order[0], 'start 1');
  assert.equal(maxInFlight, 3);
});

function instance(id: string, disks: [string, 'System' | 'Data'][]): Instance {
  return toInstance({ InstanceId: id, RegionId: 'r', Disks: disks.map(([DiskId, DiskType]) => ({ DiskId, DiskType })) });
}
function snapshot(id: string, disk: string, type: string, instanceId: string, time: string): Snapshot {
  return toSnapshot({ SnapshotId: id, SourceDiskId: disk, SourceDiskType: type, InstanceId: instanceId, CreationTime: time });
}

test("groups snapshots by server; data-disk snapshots (no InstanceId) go to their disk's server", () => {
  const instances = [
    instance('i-1', [
      ['d-1s', 'System'],
      ['d-1d', 'Data'],
    ]),
    instance('i-2', [['d-2s', 'System']]),
    instance('i-3', []),
  ];
  const snapshots = [
    snapshot('s-a', 'd-1s', 'System', 'i-1', '2026-01-01T00:00:00Z'),
    snapshot('s-b', 'd-1d', 'Data', '', '2026-01-03T00:00:00Z'),
    snapshot('s-c', 'd-2s', 'System', 'i-2', '2026-01-02T00:00:00Z'),
    snapshot('s-d', 'd-gone', 'Data', '', '2026-01-02T00:00:00Z'),
    snapshot('s-e', 'd-9', 'System', 'i-unloaded', '2026-01-02T00:00:00Z'),
  ];
  const g = groupSnapshots(instances, snapshots);
  assert.deepStrictEqual(
    g.get('i-1')?.map((s) => s.snapshotId),
    ['s-b', 's-a'],
  );
  assert.equal(g.get('i-1')?.[0]?.instanceId, 'i-1');
  assert.deepStrictEqual(
    g.get('i-2')?.map((s) => s.snapshotId),
    ['s-c'],
  );
  assert.deepStrictEqual(g.get('i-3'), []);
  assert.deepStrictEqual(
    g
      .get(UNKNOWN_INSTANCE)
      ?.map((s) => s.snapshotId)
      .sort(),
    ['s-d', 's-e'],
  );
});

test('image quota is three per server, never more than 15', () => {
  assert.deepStrictEqual([0, 1, 4, 5, 6, 100].map(imageQuotaLimit), [0, 3, 12, 15, 15, 15]);
});
