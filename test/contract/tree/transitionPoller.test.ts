// Polling of transitional items against the emulator, on a virtual scheduler (no sleeps): only
// those items are asked for, ID filters are chunked by 100, each change goes to the sink, gone
// items are dropped (one region refresh), unknown statuses are capped, long transitions slow down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAST_RETRY } from '../client/harness';
import type { Harness } from '../client/harness';
import { useTreeHarness } from './treeHarness';
import { RegionStore } from '../../../src/tree/regionStore';
import {
  FAILED_ROUNDS_BEFORE_SLOW,
  LONG_TRANSITION_MS,
  REFRESH_AFTER_FAILED_ROUNDS,
  SLOW_POLL_MS,
  SNAPSHOT_POLL_MIN_MS,
  TransitionPoller,
  UNKNOWN_STATUS_ROUNDS,
} from '../../../src/tree/transitionPoller';
import type { PollPolicy, PollSink } from '../../../src/tree/transitionPoller';
import { silentLogger } from '../../../src/core/logger';
import type { CustomImage, Instance, Snapshot } from '../../../src/core/model';
import type { SwasApi } from '../../../src/core/swasApi';
import { createdImage } from '../../../src/panels/formContext';
import { VirtualScheduler } from '../../fixtures/virtualScheduler';

let h: Harness;
let api: SwasApi;
useTreeHarness({ reset: true, invalidate: true, clearRequests: true }, (t) => {
  ({ h, api } = t);
});

type Sink = PollSink & { seen: string[]; refreshes: string[]; notes: string[] };

function recordingSink(store: RegionStore): Sink {
  const seen: string[] = [];
  const refreshes: string[] = [];
  const notes: string[] = [];
  return {
    seen,
    refreshes,
    notes,
    applyInstance: (r: string, i: Instance) => {
      seen.push(`instance ${i.instanceName} ${i.status}`);
      store.replaceInstance(r, i);
    },
    applySnapshot: (r: string, s: Snapshot) => {
      seen.push(`snapshot ${s.snapshotName} ${s.status}`);
      const owner = [...(store.get(r)?.snapshotsByInstance.entries() ?? [])].find(([, l]) =>
        l.some((x) => x.snapshotId === s.snapshotId),
      )?.[0];
      if (owner) store.replaceSnapshot(r, { ...s, instanceId: owner });
    },
    applyImage: (r: string, i: CustomImage) => {
      seen.push(`image ${i.name} ${i.status}`);
      store.replaceImage(r, i);
    },
    refreshRegion: async (r: string) => {
      refreshes.push(r);
      await store.load(r, { fresh: true });
    },
    noteChanged: (_r: string, id: string) => {
      notes.push(id);
    },
  };
}

/** The client, recording the IDs of every ID-filtered call the poller makes. */
function recordingApi(inner: SwasApi): SwasApi & { filters: { action: string; ids: number }[] } {
  const filters: { action: string; ids: number }[] = [];
  return {
    ...inner,
    filters,
    listInstanceStatus: (r, ids, o) => {
      filters.push({ action: 'ListInstanceStatus', ids: ids.length });
      return inner.listInstanceStatus(r, ids, o);
    },
    listInstances: (r, p, o) => {
      if (p?.instanceIds) filters.push({ action: 'ListInstances', ids: p.instanceIds.length });
      return inner.listInstances(r, p, o);
    },
    listSnapshots: (r, p, o) => {
      if (p?.snapshotIds) filters.push({ action: 'ListSnapshots', ids: p.snapshotIds.length });
      return inner.listSnapshots(r, p, o);
    },
    invalidate: (r) => inner.invalidate(r),
  };
}

interface Rig {
  store: RegionStore;
  sink: Sink;
  clock: VirtualScheduler;
  poller: TransitionPoller;
}

function rig(client: SwasApi = api, policy: Partial<PollPolicy> = {}): Rig {
  const store = new RegionStore(
    () => client,
    () => 'en-US',
  );
  const sink = recordingSink(store);
  const clock = new VirtualScheduler();
  const poller = new TransitionPoller(
    () => client,
    store,
    sink,
    { firstSeconds: () => 1, canCallNow: () => true, ...policy },
    silentLogger,
    clock,
  );
  return { store, sink, clock, poller };
}

async function addServer(regionId: string, instanceName: string, status: string): Promise<string> {
  const s = (await h.admin('POST', '/servers', { regionId, instanceName, status })) as { InstanceId: string };
  return s.InstanceId;
}

test('a starting server and a progressing snapshot are polled until they settle, then polling stops', async () => {
  const { store, sink, clock, poller } = rig();
  try {
    const data = await store.load('cn-hangzhou');
    await h.clearRequests();
    poller.track('cn-hangzhou');
    assert.equal(poller.isPolling('cn-hangzhou'), true);
    const canary = data.instances.find((i) => i.instanceName === 'api-canary');
    assert.ok(canary);
    await clock.runNext();
    assert.deepEqual(
      sink.seen.filter((s) => s.startsWith('instance')),
      [],
      'nothing changed yet',
    );
    await h.admin('POST', `/servers/${canary.instanceId}/status`, { status: 'Running' });
    await h.admin('POST', '/clock/advance', { seconds: 3600 });
    await clock.runUntil(() => !poller.isPolling('cn-hangzhou'));
    assert.ok(sink.seen.includes('instance api-canary Running'), sink.seen.join(', '));
    assert.ok(sink.seen.includes('snapshot web-prod-1-data-nightly Accomplished'), sink.seen.join(', '));
    assert.equal(poller.isPolling('cn-hangzhou'), false);
    assert.equal(clock.pending, 0, 'no timer left');
    const asked = (await h.requests()).map((r) => r.action);
    assert.ok(!asked.includes('ListCustomImages'), 'images were polled although none was creating');
    assert.ok(
      asked.every((a) => ['ListInstanceStatus', 'ListInstances', 'ListSnapshots'].includes(a)),
      asked.join(','),
    );
  } finally {
    poller.dispose();
  }
});

test('a round skips ListSnapshots when the rate limiter has no slot free', async () => {
  const { store, clock, poller } = rig(api, { canCallNow: (a) => a !== 'ListSnapshots' });
  try {
    await store.load('cn-hangzhou', { fresh: true });
    await h.clearRequests();
    poller.track('cn-hangzhou');
    await clock.runNext();
    const asked = (await h.requests()).map((r) => r.action);
    assert.ok(asked.includes('ListInstanceStatus'), `no round ran: ${asked.join(',')}`);
    assert.ok(!asked.includes('ListSnapshots'), 'ListSnapshots was called without a free slot');
  } finally {
    poller.dispose();
  }
});

test('snapshots are polled at most once per SNAPSHOT_POLL_MIN_MS while servers are polled every round', async () => {
  const { store, clock, poller } = rig();
  try {
    await store.load('cn-hangzhou', { fresh: true });
    await h.clearRequests();
    poller.track('cn-hangzhou');
    let elapsed = 0;
    while (elapsed < SNAPSHOT_POLL_MIN_MS) elapsed += (await clock.runNext()) ?? Infinity;
    const asked = (await h.requests()).map((r) => r.action);
    assert.equal(asked.filter((a) => a === 'ListSnapshots').length, 2, asked.join(','));
    assert.ok(asked.filter((a) => a === 'ListInstanceStatus').length > 2, asked.join(','));
  } finally {
    poller.dispose();
  }
});

/** Creates an image on web-prod-1 through the API and adds it to the store as the form does. */
async function createImageInStore(store: RegionStore, name: string): Promise<CustomImage> {
  const data = await store.load('cn-hangzhou', { fresh: true });
  const web = data.instances.find((i) => i.instanceName === 'web-prod-1');
  const snap =
    (web && data.snapshotsByInstance.get(web.instanceId)?.find((x) => x.sourceDiskType === 'System' && x.status === 'Accomplished')) ||
    undefined;
  assert.ok(web && snap);
  const params = {
    regionId: 'cn-hangzhou',
    instanceId: web.instanceId,
    imageName: name,
    systemSnapshotId: snap.snapshotId,
    clientToken: `t-${name}`,
  };
  const { imageId } = await api.createCustomImage(params);
  const image = createdImage(params, imageId, undefined, new Date());
  const used = data.quota.used;
  await h.clearRequests();
  assert.equal(store.addImage('cn-hangzhou', image), true);
  assert.equal(store.addImage('cn-hangzhou', image), false, 'an image already listed is not added twice');
  assert.equal(store.get('cn-hangzhou')?.quota.used, used + 1);
  assert.equal(store.get('cn-hangzhou')?.images.at(-1)?.status, '4');
  assert.deepEqual(await h.requests(), [], 'adding the created image made no call');
  return image;
}

test("a creating image is first polled after 10 s, not at the setting's interval, while a starting server is", async () => {
  const { store, clock, poller } = rig();
  try {
    await createImageInStore(store, 'late-poll');
    poller.track('cn-hangzhou');
    let firstImagePoll: number | undefined;
    const start = clock.now();
    while (firstImagePoll === undefined && clock.now() - start < 60_000) {
      await clock.runNext();
      if ((await h.requests('ListCustomImages')).length > 0) firstImagePoll = clock.now() - start;
    }
    assert.equal(firstImagePoll, 10_000);
    assert.ok((await h.requests('ListInstanceStatus')).length >= 3, 'the starting server was polled meanwhile');
  } finally {
    poller.dispose();
  }
});

test('a created image added locally is polled on its own schedule until available, then its polling stops', async () => {
  const { store, sink, clock, poller } = rig(api, { firstSeconds: () => 60, imageFirstSeconds: () => 1 });
  try {
    const image = await createImageInStore(store, 'polled-once');
    await h.admin('POST', '/clock/advance', { seconds: 120 });
    poller.track('cn-hangzhou');
    await clock.runUntil(() => sink.seen.includes('image polled-once 1'));
    assert.equal(store.get('cn-hangzhou')?.images.find((i) => i.imageId === image.imageId)?.status, '1');
    await clock.runUntil(() => clock.now() > 10 * 60_000 + 1_000_000);
    assert.equal((await h.requests('ListCustomImages')).length, 1, 'one poll that saw it available, then no more');
  } finally {
    poller.dispose();
  }
});

test('more than 100 transitional servers: each ID filter carries at most 100 IDs (two calls a round)', async () => {
  const ids: string[] = [];
  for (let n = 0; n < 130; n++) ids.push(await addServer('cn-qingdao', `bulk-${n}`, 'Starting'));
  const client = recordingApi(api);
  const { store, sink, clock, poller } = rig(client);
  try {
    await store.load('cn-qingdao');
    poller.track('cn-qingdao');
    await clock.runNext();
    assert.deepEqual(client.filters, [
      { action: 'ListInstanceStatus', ids: 100 },
      { action: 'ListInstanceStatus', ids: 30 },
    ]);
    for (const id of ids) await h.admin('POST', `/servers/${id}/status`, { status: 'Running' });
    client.filters.length = 0;
    await clock.runUntil(() => !poller.isPolling('cn-qingdao'));
    assert.deepEqual(client.filters, [
      { action: 'ListInstanceStatus', ids: 100 },
      { action: 'ListInstanceStatus', ids: 30 },
      { action: 'ListInstances', ids: 100 },
      { action: 'ListInstances', ids: 30 },
    ]);
    assert.equal(sink.seen.filter((s) => s.endsWith(' Running')).length, 130);
  } finally {
    poller.dispose();
  }
});

test('a server released while starting is missing from the answer: dropped, its region refreshed once, polling stops', async () => {
  const id = await addServer('cn-qingdao', 'short-lived', 'Starting');
  const { store, sink, clock, poller } = rig();
  try {
    await store.load('cn-qingdao');
    poller.track('cn-qingdao');
    await clock.runNext();
    assert.deepEqual(poller.trackedIds('cn-qingdao'), [id]);
    await h.admin('DELETE', `/servers/${id}`);
    await h.clearRequests();
    const rounds = await clock.runUntil(() => !poller.isPolling('cn-qingdao'), 50);
    assert.equal(poller.isPolling('cn-qingdao'), false, 'the vanished server is still being polled');
    assert.equal(rounds.length, 1);
    assert.deepEqual(sink.refreshes, ['cn-qingdao']);
    assert.deepEqual(store.get('cn-qingdao')?.instances, [], 'the refresh shows the region without it');
    assert.equal((await h.requests('ListInstanceStatus')).length, 1);
  } finally {
    poller.dispose();
  }
});

test('A4: ListInstances answering InternalError for a released ID means gone, not "retry forever"', async () => {
  const id = await addServer('cn-qingdao', 'released', 'Stopping');
  const { store, sink, clock, poller } = rig();
  try {
    await store.load('cn-qingdao');
    poller.track('cn-qingdao');
    await h.admin('DELETE', `/servers/${id}`);
    // The status call still names it (eventual consistency), the ID filter fails like the live service.
    const status = JSON.stringify({
      RequestId: '{RequestId}',
      TotalCount: 1,
      PageNumber: 1,
      PageSize: 100,
      InstanceStatuses: [{ InstanceId: id, Status: 'Stopped' }],
    });
    const internal = JSON.stringify({
      RequestId: '{RequestId}',
      Code: 'InternalError',
      Message: 'The request processing has failed due to some unknown error.',
    });
    await h.faults({
      responses: [
        { action: 'ListInstanceStatus', body: status, times: 1 },
        { action: 'ListInstances', body: internal, status: 500, times: 4 },
      ],
    });
    await h.clearRequests();
    await clock.runUntil(() => !poller.isPolling('cn-qingdao'), 50);
    assert.equal(poller.isPolling('cn-qingdao'), false, 'the released server is still being polled');
    assert.deepEqual(sink.refreshes, ['cn-qingdao']);
    assert.equal(store.get('cn-qingdao')?.instances.length, 0);
    assert.equal((await h.requests('ListInstanceStatus')).length, 1, 'no second round for it');
  } finally {
    poller.dispose();
  }
});

test('A4: ListSnapshots answering InvalidDiskId.NotFound drops the snapshot; a second time, without another refresh', async () => {
  const { store, sink, clock, poller } = rig();
  try {
    await store.load('cn-hangzhou');
    const notFound = JSON.stringify({
      RequestId: '{RequestId}',
      Code: 'InvalidDiskId.NotFound',
      Message: 'The specified disk does not exist.',
    });
    await h.faults({ responses: [{ action: 'ListSnapshots', body: notFound, status: 404, times: 1 }] });
    poller.track('cn-hangzhou');
    const progressing = poller.trackedIds('cn-hangzhou').filter((x) => x.startsWith('s-'));
    assert.equal(progressing.length, 1, `one progressing snapshot in the demo: ${poller.trackedIds('cn-hangzhou').join(',')}`);
    await clock.runNext();
    assert.deepEqual(sink.refreshes, ['cn-hangzhou'], 'refreshed once');
    assert.ok(poller.trackedIds('cn-hangzhou').includes(progressing[0] ?? ''), 'the fresh read still lists it: followed again');
    await h.faults({ responses: [{ action: 'ListSnapshots', body: notFound, status: 404, times: 1 }] });
    await clock.runUntil(() => !poller.trackedIds('cn-hangzhou').includes(progressing[0] ?? ''), 20);
    assert.ok(!poller.trackedIds('cn-hangzhou').includes(progressing[0] ?? ''), 'still tracked after a second NotFound');
    assert.deepEqual(sink.refreshes, ['cn-hangzhou'], 'no second refresh');
    const calls = (await h.requests('ListSnapshots')).length;
    await clock.runUntil(() => clock.now() > 1_000_000 + 5 * 60_000);
    assert.equal((await h.requests('ListSnapshots')).length, calls, 'the poller asked no more about it');
  } finally {
    poller.dispose();
  }
});

test(`an unknown status is polled for ${UNKNOWN_STATUS_ROUNDS} rounds, then left alone with a note`, async () => {
  const id = await addServer('cn-qingdao', 'odd', 'Migrating');
  const { store, sink, clock, poller } = rig();
  try {
    await store.load('cn-qingdao');
    poller.track('cn-qingdao');
    const rounds = await clock.runUntil(() => !poller.isPolling('cn-qingdao'), 50);
    assert.equal(rounds.length, UNKNOWN_STATUS_ROUNDS);
    assert.equal((await h.requests('ListInstanceStatus')).length, UNKNOWN_STATUS_ROUNDS);
    assert.deepEqual(poller.note('cn-qingdao', id), { reason: 'unknown', status: 'unknown', since: 1_000_000 });
    assert.deepEqual(sink.notes, [id]);
    poller.track('cn-qingdao');
    assert.equal(poller.isPolling('cn-qingdao'), false, 'a redraw does not restart it');
    poller.stop('cn-qingdao');
    poller.track('cn-qingdao');
    assert.equal(poller.isPolling('cn-qingdao'), true, 'a user refresh does');
  } finally {
    poller.dispose();
  }
});

test('a transition that does not end slows to SLOW_POLL_MS and says so; the note goes when it settles', async () => {
  const id = await addServer('cn-qingdao', 'stuck', 'Starting');
  const { store, sink, clock, poller } = rig();
  try {
    await store.load('cn-qingdao');
    poller.track('cn-qingdao');
    const start = clock.now();
    const delays = await clock.runUntil(() => clock.now() - start > LONG_TRANSITION_MS + 3 * SLOW_POLL_MS, 100);
    const afterLong = delays.slice(delays.findIndex((d) => d === SLOW_POLL_MS));
    assert.ok(afterLong.length >= 3 && afterLong.every((d) => d === SLOW_POLL_MS), `delays: ${delays.join(',')}`);
    assert.ok(delays.filter((d) => d !== SLOW_POLL_MS).every((d) => d <= 60_000));
    const note = poller.note('cn-qingdao', id);
    assert.equal(note?.reason, 'long');
    assert.deepEqual(sink.notes, [id]);
    assert.equal(poller.isPolling('cn-qingdao'), true, 'still followed, slowly');
    await h.admin('POST', `/servers/${id}/status`, { status: 'Running' });
    await clock.runUntil(() => !poller.isPolling('cn-qingdao'), 5);
    assert.equal(poller.note('cn-qingdao', id), undefined);
    assert.ok(sink.seen.includes('instance stuck Running'));
  } finally {
    poller.dispose();
  }
});

test('track(region, server) follows a server just told to stop until it reads Stopped, with ListInstanceStatus', async () => {
  const id = await addServer('cn-qingdao', 'to-stop', 'Running');
  const { store, sink, clock, poller } = rig();
  try {
    await store.load('cn-qingdao');
    poller.track('cn-qingdao');
    assert.equal(poller.isPolling('cn-qingdao'), false, 'nothing transitional');
    poller.track('cn-qingdao', id, { expect: 'Stopped' });
    await clock.runNext();
    assert.equal(poller.isPolling('cn-qingdao'), true, 'still Running: the stop has not shown yet');
    await h.admin('POST', `/servers/${id}/status`, { status: 'Stopping' });
    await clock.runNext();
    await h.admin('POST', `/servers/${id}/status`, { status: 'Stopped' });
    await clock.runUntil(() => !poller.isPolling('cn-qingdao'), 10);
    assert.deepEqual(sink.seen, ['instance to-stop Stopping', 'instance to-stop Stopped']);
    assert.equal(poller.isPolling('cn-qingdao'), false);
    const asked = (await h.requests()).map((r) => r.action).filter((a) => a !== 'ListSnapshots' && a !== 'ListCustomImages');
    assert.ok(asked.filter((a) => a === 'ListInstanceStatus').length >= 3, asked.join(','));
  } finally {
    poller.dispose();
  }
});

test('rounds that keep failing (a 500 every time) re-read the region once, then slow down with a note; no endless fast retries', async () => {
  const id = await addServer('cn-qingdao', 'unlucky', 'Starting');
  const client = h.client({ limiter: { rules: {} }, retry: { ...FAST_RETRY, maxAttempts: 1 } });
  const { store, sink, clock, poller } = rig(client);
  try {
    await store.load('cn-qingdao');
    await h.faults({ script: [{ action: 'ListInstanceStatus', kind: 'InternalError', times: 1000 }] });
    poller.track('cn-qingdao');
    const delays = await clock.runUntil(() => clock.nextDelay() === SLOW_POLL_MS, 20);
    assert.equal(delays.length, FAILED_ROUNDS_BEFORE_SLOW, `delays: ${delays.join(',')}`);
    assert.deepEqual(sink.refreshes, ['cn-qingdao'], `one refresh after ${REFRESH_AFTER_FAILED_ROUNDS} failed rounds`);
    assert.equal(poller.note('cn-qingdao', id)?.reason, 'failing');
    await clock.runNext();
    await clock.runNext();
    assert.equal(clock.nextDelay(), SLOW_POLL_MS);
    assert.deepEqual(sink.refreshes, ['cn-qingdao'], 'no second refresh');
    await h.faults({});
    await clock.runNext();
    // By now the server has been Starting for over 10 minutes: the note says that instead.
    assert.equal(poller.note('cn-qingdao', id)?.reason, 'long', 'the "failing" note stays after a round succeeded');
  } finally {
    poller.dispose();
  }
});

test('an explicitly tracked server whose status is unknown is not followed forever either', async () => {
  const id = await addServer('cn-qingdao', 'odd-explicit', 'Hibernating');
  const { store, clock, poller } = rig();
  try {
    await store.load('cn-qingdao');
    poller.track('cn-qingdao', id, { expect: 'Stopped' });
    const rounds = await clock.runUntil(() => !poller.isPolling('cn-qingdao'), 50);
    assert.equal(rounds.length, UNKNOWN_STATUS_ROUNDS);
    assert.equal(poller.note('cn-qingdao', id)?.reason, 'unknown');
  } finally {
    poller.dispose();
  }
});
