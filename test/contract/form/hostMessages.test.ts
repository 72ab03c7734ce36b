import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FormDraft, HostMessage } from '../../../src/protocol/createImageMessages';
import type { Harness } from '../client/harness';
import { countByAction, useHarness } from '../client/harness';
import { NO_LIMITS, openFormHost } from './formHost';
import { resetToDemoServer } from './formSuite';

const REGION = 'cn-hangzhou';
let h: Harness;
let web: { instanceId: string; systemSnapshotId: string };

function draft(over: Partial<FormDraft> = {}): FormDraft {
  return {
    imageName: 'golden-1',
    systemSnapshotId: web.systemSnapshotId,
    dataSnapshotId: '',
    description: '',
    resourceGroupId: '',
    tags: [],
    ...over,
  };
}

async function imagesNamed(name: string): Promise<number> {
  const page = await h.client(NO_LIMITS).listCustomImages(REGION, { imageNames: [name] }, { fresh: true });
  return page.items.filter((i) => i.name === name).length;
}

describe('Create Custom Image host against the emulator', () => {
  useHarness((started) => {
    h = started;
  });
  beforeEach(async () => {
    web = await resetToDemoServer(h, REGION);
  });

  test('posts nothing before ready, then init with localized strings, the server context and no draft', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    assert.equal(f.posts.length, 0);
    await f.controller.handle({ type: 'ready' });
    const init = f.posts[0] as Extract<HostMessage, { type: 'init' }>;
    assert.equal(init.type, 'init');
    assert.equal(init.context.server.instanceName, 'web-prod-1');
    assert.equal(init.context.serverCount, 4);
    assert.equal(init.draft, null);
    assert.equal(init.strings.submit, 'Create Image');
  });

  test('malformed and unknown messages are logged and ignored: no reply, no API call', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    const before = f.posts.length;
    await h.clearRequests();
    const bad: unknown[] = [
      null,
      'submit',
      42,
      [],
      {},
      { type: 'launchMissiles' },
      { type: 'submit' },
      { type: 'submit', draft: { ...draft(), extra: 'field' } },
      { type: 'submit', draft: { ...draft(), tags: 'env=prod' } },
      { type: 'submit', draft: { ...draft(), tags: [{ key: 'k', value: 7 }] } },
      { type: 'submit', draft: { ...draft(), imageName: 'x'.repeat(5000) } },
      { type: 'submit', draft: draft(), clientToken: 'chosen-by-the-webview' },
      { type: 'request', id: -1, kind: 'checkName', params: { name: 'a' } },
      { type: 'request', id: 1, kind: 'deleteEverything', params: {} },
      { type: 'request', id: 1.5, kind: 'checkName', params: { name: 'a' } },
      JSON.parse('{"type":"submit","draft":{"__proto__":{"imageName":"polluted"}}}'),
      { type: 'retry', now: true },
    ];
    for (const m of bad) await f.controller.handle(m);
    assert.equal(f.posts.length, before, 'no message posted back');
    assert.deepEqual(await h.requests('CreateCustomImage'), []);
    assert.equal(f.logger.lines.filter((l) => l.includes('ignored a webview message')).length, bad.length);
    await f.controller.handle({ type: 'retry' });
    assert.equal(f.posts.length, before, 'a well-formed retry with nothing to retry posts nothing');
    assert.ok(
      f.logger.lines.some((l) => l.includes('ignored a retry')),
      'and is logged',
    );
  });

  test('a valid submission creates exactly one image with a UUID ClientToken and reports ImageId and RequestId', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await h.clearRequests();
    await f.controller.handle({ type: 'submit', draft: draft({ tags: [{ key: 'env', value: 'prod' }], description: 'golden' }) });
    const state = f.lastSubmit();
    assert.equal(state?.phase, 'succeeded');
    assert.ok(state?.phase === 'succeeded' && /^m-/.test(state.imageId) && state.requestId.length > 0);
    assert.deepEqual(countByAction(await h.requests()), { CreateCustomImage: 1 }, 'one call: no list re-read after the create');
    const reqs = await h.requests('CreateCustomImage');
    assert.equal(reqs.length, 1);
    assert.match(reqs[0]?.clientToken ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(await imagesNamed('golden-1'), 1);
    assert.deepEqual(f.refreshed, []);
    // The tree is handed the new image, creating, to insert locally (quota +1, then polled).
    assert.equal(f.created.length, 1);
    const image = f.created[0]?.image;
    assert.equal(f.created[0]?.regionId, REGION);
    assert.deepEqual(
      [
        image?.imageId,
        image?.name,
        image?.status,
        image?.instanceId,
        image?.instanceName,
        image?.systemSnapshotId,
        image?.description,
        image?.tags,
      ],
      [state.imageId, 'golden-1', '4', web.instanceId, 'web-prod-1', web.systemSnapshotId, 'golden', [{ key: 'env', value: 'prod' }]],
    );
    const states = f.posts.filter((p) => p.type === 'submitState').map((p) => (p as { state: { phase: string } }).state.phase);
    assert.deepEqual(states, ['submitting', 'succeeded']);
    // The form's quota line counts the new image (used + 1) without a re-read.
    const contexts = f.posts.filter((p) => p.type === 'context').map((p) => (p as { context: { imageCount: number } }).context.imageCount);
    const initial = f.posts.find((p) => p.type === 'init') as { context: { imageCount: number } } | undefined;
    assert.deepEqual(contexts, [(initial?.context.imageCount ?? -1) + 1]);
  });

  test('the host validates again before any call: an invalid name never reaches the API', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: '_bad name' }) });
    assert.deepEqual(f.lastSubmit(), { phase: 'invalid', issues: [{ field: 'imageName', code: 'imageName.start', severity: 'error' }] });
    assert.deepEqual(await h.requests('CreateCustomImage'), []);
  });

  test('a response lost after commit, then Retry with the same ClientToken, gives exactly one image', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId }, { retry: { maxAttempts: 1 } });
    await f.controller.handle({ type: 'ready' });
    await h.faults({ script: [{ action: 'CreateCustomImage', kind: 'ResetAfterCommit' }] });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'lost-response' }) });
    const failed = f.lastSubmit();
    assert.equal(failed?.phase, 'failed');
    assert.ok(
      failed?.phase === 'failed' && failed.retryable && failed.placement === 'banner' && failed.code.startsWith('Transport.'),
      JSON.stringify(failed),
    );
    assert.equal(await imagesNamed('lost-response'), 1, 'the first request was committed');
    await f.controller.handle({ type: 'retry' });
    const ok = f.lastSubmit();
    assert.equal(ok?.phase, 'succeeded');
    assert.equal(await imagesNamed('lost-response'), 1, 'the retry did not make a second image');
    const reqs = await h.requests('CreateCustomImage');
    assert.equal(reqs.length, 2);
    assert.equal(reqs[0]?.clientToken, reqs[1]?.clientToken);
  });

  test('resubmitting the same inputs after a lost response reuses the token; changed inputs get a new one', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId }, { retry: { maxAttempts: 1 } });
    await f.controller.handle({ type: 'ready' });
    await h.faults({ script: [{ action: 'CreateCustomImage', kind: 'ResetBefore', times: 2 }] });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'same-1' }) });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'same-1' }) });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'same-2' }) });
    const tokens = (await h.requests('CreateCustomImage')).map((r) => r.clientToken);
    assert.equal(tokens.length, 3);
    assert.equal(tokens[0], tokens[1]);
    assert.notEqual(tokens[1], tokens[2]);
    assert.equal(f.lastSubmit()?.phase, 'succeeded');
  });

  test('an InternalError is a banner with Retry and the RequestId; Retry then succeeds with the same token', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId }, { retry: { maxAttempts: 1 } });
    await f.controller.handle({ type: 'ready' });
    await h.faults({ script: [{ action: 'CreateCustomImage', kind: 'InternalError' }] });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'after-500' }) });
    const failed = f.lastSubmit();
    assert.ok(failed?.phase === 'failed', JSON.stringify(failed));
    assert.equal(failed.code, 'InternalError');
    assert.equal(failed.placement, 'banner');
    assert.equal(failed.retryable, true);
    assert.ok(failed.requestId.length > 0, 'RequestId is shown');
    await f.controller.handle({ type: 'retry' });
    assert.equal(f.lastSubmit()?.phase, 'succeeded');
    assert.equal(await imagesNamed('after-500'), 1);
  });

  test('a name taken after the form loaded comes back as ImageNameAlreadyExist under the name field', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await h.client(NO_LIMITS).createCustomImage({
      regionId: REGION,
      instanceId: web.instanceId,
      imageName: 'raced',
      systemSnapshotId: web.systemSnapshotId,
      clientToken: 'other-window',
    });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'raced' }) });
    const failed = f.lastSubmit();
    assert.ok(failed?.phase === 'failed');
    assert.equal(failed.code, 'ImageNameAlreadyExist');
    assert.equal(failed.placement, 'imageName');
    assert.equal(failed.retryable, false);
    assert.match(failed.message, /already exists/);
    await new Promise((r) => setTimeout(r, 200));
    const ctx = f.posts.filter((p) => p.type === 'context').pop() as Extract<HostMessage, { type: 'context' }> | undefined;
    assert.ok(ctx?.context.imageNames.includes('raced'), 'the form was sent the fresh image list');
  });

  test('a server released after the form loaded is a banner without Retry (InvalidInstanceId.NotFound)', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await h.admin('DELETE', `/servers/${web.instanceId}`);
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'orphan' }) });
    const failed = f.lastSubmit();
    assert.ok(failed?.phase === 'failed', JSON.stringify(failed));
    assert.ok(['InvalidInstanceId.NotFound', 'InvalidParam.SystemSnapshotIdNotFound'].includes(failed.code), failed.code);
    assert.equal(failed.retryable, false);
  });

  test('checkName answers from the loaded image list, taken or free, with no API call', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await h.clearRequests();
    const init = f.posts[0] as Extract<HostMessage, { type: 'init' }>;
    const existing = init.context.imageNames[0] ?? '';
    // The tree's cached region is newer than the form's context: an image created since.
    const cached = f.store.get(REGION);
    assert.ok(cached && existing);
    const since = { ...(cached.images[0] as NonNullable<(typeof cached.images)[0]>), imageId: 'm-since', name: 'made-since' };
    f.cache.set(REGION, { ...cached, images: [...cached.images, since] });
    await f.controller.handle({ type: 'request', id: 7, kind: 'checkName', params: { name: existing } });
    await f.controller.handle({ type: 'request', id: 8, kind: 'checkName', params: { name: 'brand-new-name' } });
    await f.controller.handle({ type: 'request', id: 9, kind: 'checkName', params: { name: 'made-since' } });
    const replies = f.posts.filter((p) => p.type === 'response');
    assert.deepEqual(replies, [
      { type: 'response', id: 7, kind: 'checkName', ok: true, result: { taken: true } },
      { type: 'response', id: 8, kind: 'checkName', ok: true, result: { taken: false } },
      { type: 'response', id: 9, kind: 'checkName', ok: true, result: { taken: true } },
    ]);
    assert.deepEqual(await h.requests(), [], 'the name check made no call');
  });

  test('copy as CLI builds the command for the draft without any credential; cancel closes the panel', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await f.controller.handle({ type: 'copyCli', draft: draft({ description: 'two words' }) });
    assert.equal(f.copied.length, 1);
    assert.equal(
      f.copied[0],
      `aliyun swas-open CreateCustomImage --RegionId ${REGION} --InstanceId ${web.instanceId} --ImageName golden-1 --SystemSnapshotId ${web.systemSnapshotId} --Description 'two words'`,
    );
    assert.doesNotMatch(f.copied[0] ?? '', new RegExp(`${h.creds.accessKeyId}|${h.creds.accessKeySecret}`));
    await f.controller.handle({ type: 'cancel' });
    assert.equal(f.closed, true);
  });

  test('"Create a system disk snapshot" runs the snapshot command for the system disk, then sends a context with the new snapshot', async () => {
    const created = (await h.admin('POST', '/servers', { regionId: REGION, instanceName: 'fresh-box', status: 'Running' })) as {
      instanceId?: string;
      InstanceId?: string;
    };
    const instanceId = created.instanceId ?? created.InstanceId ?? '';
    assert.ok(instanceId);
    let askedDisk = '';
    const f = await openFormHost(h, { regionId: REGION, instanceId }, {}, async (api, t, store) => {
      askedDisk = t.diskId;
      const { snapshotId } = await api.createSnapshot({
        regionId: t.regionId,
        diskId: t.diskId,
        snapshotName: 'fresh-box-sys',
        clientToken: 'snap-1',
      });
      await h.admin('POST', '/clock/advance', { seconds: 120 });
      // What the command does: the tree re-reads the region and follows the snapshot to its end.
      await store.load(t.regionId, { fresh: true });
      return { snapshotId, status: 'Accomplished' };
    });
    await f.controller.handle({ type: 'ready' });
    const init = f.posts[0] as Extract<HostMessage, { type: 'init' }>;
    assert.equal(init.context.snapshots.length, 0);
    await f.controller.handle({ type: 'createSnapshot' });
    assert.match(askedDisk, /^d-/);
    const states = f.posts.filter((p) => p.type === 'snapshotState').map((p) => (p as { state: string }).state);
    assert.deepEqual(states, ['creating', 'done']);
    const ctx = f.posts.filter((p) => p.type === 'context').pop() as Extract<HostMessage, { type: 'context' }>;
    assert.deepEqual(
      ctx.context.snapshots.map((s) => [s.snapshotName, s.sourceDiskType, s.status]),
      [['fresh-box-sys', 'System', 'Accomplished']],
    );
  });
});
