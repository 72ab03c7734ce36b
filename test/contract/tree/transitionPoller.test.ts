// Polling of transitional items against the emulator: only those items are asked for, each
// change goes to the sink, and polling stops when everything settled.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from '../client/harness';
import type { Harness } from '../client/harness';
import { RegionStore } from '../../../src/tree/regionStore';
import { TransitionPoller } from '../../../src/tree/transitionPoller';
import type { PollSink } from '../../../src/tree/transitionPoller';
import { silentLogger } from '../../../src/core/logger';
import type { CustomImage, Instance, Snapshot } from '../../../src/core/model';
import type { SwasApi } from '../../../src/core/swasApi';
import { createdImage } from '../../../src/panels/formContext';

let h: Harness;
let api: SwasApi;
before(async () => {
  h = await startHarness({ seed: 'demo' });
  api = h.client({ limiter: { rules: {} } });
});
after(() => h.stop());

function recordingSink(store: RegionStore): PollSink & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    applyInstance: (r: string, i: Instance) => {
      seen.push(`instance ${i.instanceName} ${i.status}`);
      store.replaceInstance(r, i);
    },
    applySnapshot: (r: string, s: Snapshot) => {
      seen.push(`snapshot ${s.snapshotName} ${s.status}`);
      const owner = [...(store.get(r)?.snapshotsByInstance.entries() ?? [])].find(([, l]) => l.some((x) => x.snapshotId === s.snapshotId))?.[0];
      if (owner) store.replaceSnapshot(r, { ...s, instanceId: owner });
    },
    applyImage: (r: string, i: CustomImage) => {
      seen.push(`image ${i.name} ${i.status}`);
      store.replaceImage(r, i);
    },
  };
}

async function until(what: string, ok: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a starting server and a progressing snapshot are polled until they settle, then polling stops', async () => {
  const store = new RegionStore(() => api, () => 'en-US');
  const data = await store.load('cn-hangzhou');
  const sink = recordingSink(store);
  const poller = new TransitionPoller(() => api, store, sink, { firstSeconds: () => 1, canCallNow: () => true }, silentLogger);
  try {
    await h.clearRequests();
    poller.track('cn-hangzhou');
    assert.equal(poller.isPolling('cn-hangzhou'), true);
    const canary = data.instances.find((i) => i.instanceName === 'api-canary');
    assert.ok(canary);
    await h.admin('POST', `/servers/${canary.instanceId}/status`, { status: 'Running' });
    await h.admin('POST', '/clock/advance', { seconds: 3600 });
    await until('both items to settle', () => sink.seen.includes('instance api-canary Running') && sink.seen.includes('snapshot web-prod-1-data-nightly Accomplished'));
    await until('polling to stop', () => !poller.isPolling('cn-hangzhou'));
    const asked = (await h.requests()).map((r) => r.action);
    assert.ok(!asked.includes('ListCustomImages'), 'images were polled although none was creating');
    assert.ok(asked.every((a) => ['ListInstanceStatus', 'ListInstances', 'ListSnapshots'].includes(a)), asked.join(','));
  } finally {
    poller.dispose();
  }
});

test('a round skips ListSnapshots when the rate limiter has no slot free', async () => {
  await h.admin('POST', '/reset', { seed: 'demo' });
  const store = new RegionStore(() => api, () => 'en-US');
  await store.load('cn-hangzhou', { fresh: true });
  const sink = recordingSink(store);
  const poller = new TransitionPoller(() => api, store, sink, { firstSeconds: () => 1, canCallNow: (a) => a !== 'ListSnapshots' }, silentLogger);
  try {
    await h.clearRequests();
    poller.track('cn-hangzhou');
    await new Promise((r) => setTimeout(r, 1600));
    const asked = (await h.requests()).map((r) => r.action);
    assert.ok(asked.includes('ListInstanceStatus'), `no round ran: ${asked.join(',')}`);
    assert.ok(!asked.includes('ListSnapshots'), 'ListSnapshots was called without a free slot');
  } finally {
    poller.dispose();
  }
});

/** Creates an image on web-prod-1 through the API and adds it to the store as the form does. */
async function createImageInStore(store: RegionStore, name: string): Promise<CustomImage> {
  const data = await store.load('cn-hangzhou', { fresh: true });
  const web = data.instances.find((i) => i.instanceName === 'web-prod-1');
  const snap = (web && data.snapshotsByInstance.get(web.instanceId)?.find((x) => x.sourceDiskType === 'System' && x.status === 'Accomplished')) || undefined;
  assert.ok(web && snap);
  const params = { regionId: 'cn-hangzhou', instanceId: web.instanceId, imageName: name, systemSnapshotId: snap.snapshotId, clientToken: `t-${name}` };
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

test('a creating image is not polled at the setting\'s interval (first poll at 10 s), while a starting server is', async () => {
  await h.admin('POST', '/reset', { seed: 'demo' });
  const store = new RegionStore(() => api, () => 'en-US');
  await createImageInStore(store, 'late-poll');
  const sink = recordingSink(store);
  const poller = new TransitionPoller(() => api, store, sink, { firstSeconds: () => 1, canCallNow: () => true }, silentLogger);
  try {
    poller.track('cn-hangzhou');
    await new Promise((r) => setTimeout(r, 2600));
    const asked = (await h.requests()).map((r) => r.action);
    assert.ok(asked.includes('ListInstanceStatus'), `the starting server was not polled: ${asked.join(',')}`);
    assert.ok(!asked.includes('ListCustomImages'), `the creating image was polled within 2.6 s: ${asked.join(',')}`);
    assert.equal(poller.isPolling('cn-hangzhou'), true);
  } finally {
    poller.dispose();
  }
});

test('a created image added locally is polled on its own schedule until available, then its polling stops', async () => {
  await h.admin('POST', '/reset', { seed: 'demo' });
  const store = new RegionStore(() => api, () => 'en-US');
  const image = await createImageInStore(store, 'polled-once');
  await h.admin('POST', '/clock/advance', { seconds: 120 });
  const sink = recordingSink(store);
  const poller = new TransitionPoller(() => api, store, sink, { firstSeconds: () => 60, imageFirstSeconds: () => 1, canCallNow: () => true }, silentLogger);
  try {
    poller.track('cn-hangzhou');
    await until('the image to become available', () => sink.seen.includes('image polled-once 1'));
    assert.equal(store.get('cn-hangzhou')?.images.find((i) => i.imageId === image.imageId)?.status, '1');
    await new Promise((r) => setTimeout(r, 1600));
    assert.equal((await h.requests('ListCustomImages')).length, 1, 'one poll that saw it available, then no more');
  } finally {
    poller.dispose();
  }
});
