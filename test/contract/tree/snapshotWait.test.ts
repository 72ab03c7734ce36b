// Create Snapshot's wait (src/core/snapshotWait.ts) with the real client against the emulator:
// it looks the snapshot up by ID, and it ends — when the snapshot settles, at the deadline, on a
// session change, or as "still being created" when reads keep failing after the create.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Harness } from '../client/harness';
import { useTreeHarness } from './treeHarness';
import { defaultSnapshotInterval, lookupSnapshotById, waitForSnapshot } from '../../../src/core/snapshotWait';
import type { SwasApi } from '../../../src/core/swasApi';

let h: Harness;
let api: SwasApi;
useTreeHarness({ reset: true }, (t) => {
  ({ h, api } = t);
});

/** Creates a snapshot of web-prod-1's system disk; returns its ID. */
async function createOne(name: string): Promise<string> {
  const page = await api.listInstances('cn-hangzhou', { pageSize: 100 }, { fresh: true });
  const web = page.items.find((i) => i.instanceName === 'web-prod-1');
  const disk = web?.disks.find((d) => d.diskType.toLowerCase() === 'system');
  assert.ok(disk);
  const { snapshotId } = await api.createSnapshot({
    regionId: 'cn-hangzhou',
    diskId: disk.diskId,
    snapshotName: name,
    clientToken: `t-${name}`,
  });
  await h.clearRequests();
  return snapshotId;
}

/** A virtual clock; `sleep` moves it (and optionally the emulator's clock) instead of waiting. */
function virtualTime(onSleep: (ms: number) => Promise<void> = () => Promise.resolve()): {
  now: () => number;
  sleep: (ms: number, s: AbortSignal) => Promise<void>;
  slept: number[];
} {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
      await onSleep(ms);
    },
  };
}

test('the wait looks the snapshot up by ID and ends when it is accomplished', async () => {
  const id = await createOne('wait-ok');
  const filters: string[][] = [];
  const recording: SwasApi = {
    ...api,
    listSnapshots: (r, p, o) => {
      filters.push(p?.snapshotIds ?? []);
      return api.listSnapshots(r, p, o);
    },
  };
  // Each sleep moves the emulator a minute on: few reads (ListSnapshots is a limited call).
  const clock = virtualTime(async () => void (await h.admin('POST', '/clock/advance', { seconds: 60 })));
  const seen: (number | undefined)[] = [];
  const outcome = await waitForSnapshot({
    signal: new AbortController().signal,
    lookup: (signal) => lookupSnapshotById(recording, 'cn-hangzhou', id, signal),
    onProgress: (s) => seen.push(s?.progress),
    ...clock,
  });
  assert.equal(outcome.kind, 'settled');
  assert.equal(outcome.kind === 'settled' && outcome.snapshot.status.toLowerCase(), 'accomplished');
  assert.ok(filters.length >= 2 && filters.every((f) => f.length === 1 && f[0] === id), JSON.stringify(filters));
  assert.ok(seen.length === filters.length);
});

test('the wait has a deadline: a snapshot that never finishes ends as "timeout", with few reads', async () => {
  const id = await createOne('wait-forever');
  const clock = virtualTime(); // the emulator's clock does not move: the snapshot stays Progressing
  const outcome = await waitForSnapshot({
    signal: new AbortController().signal,
    lookup: (s) => lookupSnapshotById(api, 'cn-hangzhou', id, s),
    deadlineMs: 5 * 60_000,
    intervalMs: () => 60_000,
    ...clock,
  });
  assert.equal(outcome.kind, 'timeout');
  assert.equal(outcome.snapshot?.snapshotId, id);
  assert.equal(outcome.snapshot?.status.toLowerCase(), 'progressing');
  assert.equal(clock.now(), 5 * 60_000);
  assert.equal((await h.requests('ListSnapshots')).length, 6, 'one read a minute, then the deadline');
});

test('the default schedule reads at most every 15 s', () => {
  for (let n = 0; n < 50; n++) assert.ok(defaultSnapshotInterval(n) >= 3000 && defaultSnapshotInterval(n) <= 15_000);
  assert.equal(defaultSnapshotInterval(20), 15_000);
});

test('a session change (the signal) ends the wait at once, and no read follows', async () => {
  const id = await createOne('wait-switch');
  const session = new AbortController();
  let reads = 0;
  const clock = virtualTime(async () => {
    if (reads === 2) session.abort(); // the profile switches while the wait sleeps
  });
  const outcome = await waitForSnapshot({
    signal: session.signal,
    lookup: (s) => {
      reads++;
      return lookupSnapshotById(api, 'cn-hangzhou', id, s);
    },
    ...clock,
  });
  assert.equal(outcome.kind, 'cancelled');
  assert.equal(reads, 2);
  assert.equal((await h.requests('ListSnapshots')).length, 2);
});

test('after a successful create, reads that keep failing end as "still being created", not as a failure', async () => {
  const id = await createOne('wait-unreadable');
  await h.faults({ script: [{ action: 'ListSnapshots', kind: 'ServiceUnavailable', times: 1000 }] });
  const clock = virtualTime();
  const outcome = await waitForSnapshot({
    signal: new AbortController().signal,
    lookup: (s) => lookupSnapshotById(api, 'cn-hangzhou', id, s),
    ...clock,
  });
  assert.equal(outcome.kind, 'unreadable');
  assert.equal(outcome.kind === 'unreadable' && (outcome.error as { code?: string }).code, 'ServiceUnavailable');
  await h.faults({});
  const still = await lookupSnapshotById(api, 'cn-hangzhou', id);
  assert.equal(still?.status.toLowerCase(), 'progressing', 'the snapshot exists and is being created');
});

test('a "not found" answer for the new ID (A4) reads as "not listed yet", and the wait goes on', async () => {
  const id = await createOne('wait-notfound');
  const notFound = JSON.stringify({ RequestId: '{RequestId}', Code: 'InvalidInstanceId.NotFound', Message: 'not found' });
  await h.faults({ responses: [{ action: 'ListSnapshots', body: notFound, status: 404, times: 2 }] });
  const clock = virtualTime(async () => void (await h.admin('POST', '/clock/advance', { seconds: 60 })));
  const outcome = await waitForSnapshot({
    signal: new AbortController().signal,
    lookup: (s) => lookupSnapshotById(api, 'cn-hangzhou', id, s),
    ...clock,
  });
  assert.equal(outcome.kind, 'settled');
  assert.ok((await h.requests('ListSnapshots')).length >= 3, 'the two NotFound answers did not end the wait');
});
