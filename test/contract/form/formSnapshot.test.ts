// The form's "Create a system disk snapshot" (issue 13 §4): it follows the tree's own updates
// of the region (the store's change events) instead of re-reading the region, stops at the
// first settled or failed state, and always leaves the form usable. The emulator's request log
// counts what the form itself sent after the snapshot was requested: no list call at all.
import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Snapshot } from '../../../src/core/model';
import type { FormDraft, HostMessage } from '../../../src/protocol/createImageMessages';
import type { RegionStore } from '../../../src/tree/regionStore';
import type { Harness } from '../client/harness';
import { useHarness } from '../client/harness';
import type { FormHost, SnapshotStep } from './formHost';
import { openFormHost, PROFILE_B } from './formHost';

const REGION = 'cn-hangzhou';
const LIST_ACTIONS = ['ListInstances', 'ListSnapshots', 'ListCustomImages', 'ListDisks'];
let h: Harness;
let instanceId: string;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function findIn(store: RegionStore, snapshotId: string): Snapshot | undefined {
  for (const list of store.get(REGION)?.snapshotsByInstance.values() ?? []) {
    const s = list.find((x) => x.snapshotId === snapshotId);
    if (s) return s;
  }
  return undefined;
}

/** What Create Snapshot… does when the user stops following it: request, reload the tree, hand back "Progressing". */
function requestAndStopFollowing(requested: { resolve: () => void; id: string }): SnapshotStep {
  return async (api, t, store) => {
    const { snapshotId } = await api.createSnapshot({
      regionId: t.regionId,
      diskId: t.diskId,
      snapshotName: 'form-sys',
      clientToken: `snap-${Date.now()}`,
    });
    await store.load(t.regionId, { fresh: true });
    requested.id = snapshotId;
    requested.resolve();
    return { snapshotId, status: 'Progressing' };
  };
}

const lastSnapshotState = (posts: HostMessage[]): Extract<HostMessage, { type: 'snapshotState' }> | undefined =>
  posts.filter((p): p is Extract<HostMessage, { type: 'snapshotState' }> => p.type === 'snapshotState').pop();

async function listCallsSince(): Promise<string[]> {
  return (await h.requests()).filter((r) => LIST_ACTIONS.includes(r.action)).map((r) => r.action);
}

describe("the form's snapshot path", () => {
  useHarness((started) => {
    h = started;
  });
  beforeEach(async () => {
    await h.admin('POST', '/reset', { seed: 'demo' });
    const created = (await h.admin('POST', '/servers', { regionId: REGION, instanceName: 'fresh-box', status: 'Running' })) as {
      instanceId?: string;
      InstanceId?: string;
    };
    instanceId = created.instanceId ?? created.InstanceId ?? '';
    assert.ok(instanceId);
  });

  const usableDraft = (systemSnapshotId: string): FormDraft => ({
    imageName: 'from-new-snap',
    systemSnapshotId,
    dataSnapshotId: '',
    description: '',
    resourceGroupId: '',
    tags: [],
  });

  /** Opens the form, presses "Create snapshot", and returns once the snapshot is requested and the command stopped following it (the handler still running). */
  async function snapshotRequestedThenUnfollowed(): Promise<{ f: FormHost; requested: { id: string }; running: Promise<void> }> {
    const requested = { ...deferred(), id: '' };
    const f = await openFormHost(h, { regionId: REGION, instanceId }, {}, requestAndStopFollowing(requested));
    await f.controller.handle({ type: 'ready' });
    const running = f.controller.handle({ type: 'createSnapshot' });
    await requested.promise;
    return { f, requested, running };
  }

  test('cancelled before anything was created: the form is usable at once and nothing was read', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId }, {}, () => Promise.resolve(undefined));
    await f.controller.handle({ type: 'ready' });
    await h.clearRequests();
    await f.controller.handle({ type: 'createSnapshot' });
    assert.deepEqual(f.snapshotStates(), ['creating', 'done']);
    assert.deepEqual(await listCallsSince(), []);
    // Usable: another attempt runs again (not stuck on "Creating…").
    await f.controller.handle({ type: 'createSnapshot' });
    assert.deepEqual(f.snapshotStates(), ['creating', 'done', 'creating', 'done']);
  });

  test('a throw in the snapshot command ends in "failed" with the reason, never in "Creating…"', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId }, {}, () => Promise.reject(new Error('the disk is busy')));
    await f.controller.handle({ type: 'ready' });
    await f.controller.handle({ type: 'createSnapshot' });
    assert.deepEqual(f.snapshotStates(), ['creating', 'failed']);
    assert.equal(lastSnapshotState(f.posts)?.message, 'Could not create the snapshot: the disk is busy');
  });

  test('stopped following, then the tree sees it fail (lowercase, A1): the form says so, with no region re-read of its own', async () => {
    const { f, requested, running } = await snapshotRequestedThenUnfollowed();
    await h.clearRequests();
    const s = findIn(f.store, requested.id);
    assert.ok(s, 'the tree lists the new snapshot');
    // The transition poller's update, as the tree applies it.
    f.store.replaceSnapshot(REGION, { ...s, status: 'Failed', progress: 37 });
    await running;
    assert.deepEqual(f.snapshotStates(), ['creating', 'failed']);
    assert.equal(lastSnapshotState(f.posts)?.message, 'The new snapshot failed. Create another one, or choose an existing snapshot.');
    assert.deepEqual(await listCallsSince(), [], 'the form re-read nothing');
    // Usable afterwards: the button works again.
    await f.controller.handle({ type: 'createSnapshot' });
    assert.equal(f.snapshotStates().length, 4);
  });

  test('stopped following, then the tree sees it accomplished: the form offers it, and a submit with it succeeds', async () => {
    const { f, requested, running } = await snapshotRequestedThenUnfollowed();
    await h.admin('POST', '/clock/advance', { seconds: 600 });
    await h.clearRequests();
    const s = findIn(f.store, requested.id);
    assert.ok(s);
    // Another region's update does not end the wait; this region's does.
    f.store.replaceSnapshot('ap-southeast-1', { ...s, status: 'Accomplished' });
    f.store.replaceSnapshot(REGION, { ...s, status: 'Accomplished', progress: 100 });
    await running;
    assert.deepEqual(f.snapshotStates(), ['creating', 'done']);
    assert.deepEqual(await listCallsSince(), []);
    const ctx = f.posts.filter((p): p is Extract<HostMessage, { type: 'context' }> => p.type === 'context').pop()?.context;
    assert.deepEqual(
      ctx?.snapshots.map((x) => [x.snapshotId, x.status]),
      [[requested.id, 'Accomplished']],
    );
    await f.controller.handle({ type: 'submit', draft: usableDraft(requested.id) });
    assert.equal(f.lastSubmit()?.phase, 'succeeded');
  });

  test('a profile switch aborts the wait: the handler returns, nothing more is posted, nothing is read', async () => {
    const { f, running } = await snapshotRequestedThenUnfollowed();
    await h.clearRequests();
    f.setProfile(PROFILE_B);
    assert.equal(f.controller.sessionChanged(PROFILE_B), 'closed');
    await running;
    assert.deepEqual(f.snapshotStates(), ['creating']);
    assert.deepEqual(await h.requests(), []);
  });
});
