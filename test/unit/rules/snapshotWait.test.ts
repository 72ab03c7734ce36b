// The form's snapshot wait follows the tree's change events: it ends at the first settled or
// failed state, when a snapshot it saw disappears, or on abort — never by polling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RegionData, Snapshot } from '../../../src/core/model';
import { settledOutcome, waitForSnapshot } from '../../../src/panels/snapshotWait';

function region(snapshots: Array<Pick<Snapshot, 'snapshotId' | 'status'>>): RegionData {
  return {
    regionId: 'r',
    instances: [],
    snapshotsByInstance: new Map([['i-1', snapshots as Snapshot[]]]),
    images: [],
    quota: { used: 0, limit: 0 },
    truncated: false,
  };
}

function fakeTree(initial: RegionData | undefined): {
  deps: Parameters<typeof waitForSnapshot>[0];
  set(d: RegionData | undefined): void;
  listeners: number;
} {
  let data = initial;
  const ls = new Set<() => void>();
  const t = {
    deps: {
      cachedRegion: () => data,
      watchRegion: (_r: string, l: () => void) => {
        ls.add(l);
        return { dispose: () => void ls.delete(l) };
      },
    },
    set(d: RegionData | undefined) {
      data = d;
      for (const l of [...ls]) l();
    },
    get listeners() {
      return ls.size;
    },
  };
  return t;
}

test('settled statuses in any casing', () => {
  assert.equal(settledOutcome('Accomplished'), 'accomplished');
  assert.equal(settledOutcome('failed'), 'failed');
  assert.equal(settledOutcome('Progressing'), undefined);
  assert.equal(settledOutcome(undefined), undefined);
});

test('ends at the first settled update and unsubscribes', async () => {
  const tree = fakeTree(region([{ snapshotId: 's-1', status: 'Progressing' }]));
  const wait = waitForSnapshot(tree.deps, 'r', 's-1', new AbortController().signal);
  assert.equal(tree.listeners, 1);
  tree.set(region([{ snapshotId: 's-1', status: 'Progressing' }]));
  tree.set(region([{ snapshotId: 's-1', status: 'Failed' }]));
  assert.equal(await wait, 'failed');
  assert.equal(tree.listeners, 0);
});

test('a snapshot it saw that is then missing is gone; one never seen is still awaited', async () => {
  const tree = fakeTree(region([]));
  const ac = new AbortController();
  const wait = waitForSnapshot(tree.deps, 'r', 's-1', ac.signal);
  tree.set(region([])); // not listed yet (a reload raced the create): keep waiting
  tree.set(region([{ snapshotId: 's-1', status: 'Progressing' }]));
  tree.set(region([]));
  assert.equal(await wait, 'gone');
});

test('an abort ends the wait at once', async () => {
  const tree = fakeTree(region([{ snapshotId: 's-1', status: 'Progressing' }]));
  const ac = new AbortController();
  const wait = waitForSnapshot(tree.deps, 'r', 's-1', ac.signal);
  ac.abort();
  assert.equal(await wait, 'aborted');
  assert.equal(tree.listeners, 0);
  const early = new AbortController();
  early.abort();
  assert.equal(await waitForSnapshot(tree.deps, 'r', 's-1', early.signal), 'aborted');
});
