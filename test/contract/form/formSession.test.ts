// The form across session changes (issue 13 §3), after a success (§7), with advice (issue 10
// §1) and with a read-only key: the host controller against the emulator, counted in its
// request log.
import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRegion } from '../../../src/core/regionLoader';
import { panelKey } from '../../../src/panels/createImageDeps';
import type { FormDraft, HostMessage } from '../../../src/protocol/createImageMessages';
import { DEMO_ACCESS_KEY_ID, OTHER_ACCESS_KEY_ID } from '../../emulator/seeds/credentials';
import type { Harness } from '../client/harness';
import { envVariantsWithout } from '../../emulator/index';
import { useHarness } from '../client/harness';
import { NO_LIMITS, openFormHost, PROFILE_A, PROFILE_B } from './formHost';
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

const contexts = (posts: HostMessage[]): Array<Extract<HostMessage, { type: 'context' }>['context']> =>
  posts.filter((p): p is Extract<HostMessage, { type: 'context' }> => p.type === 'context').map((p) => p.context);

describe('the form follows the session', () => {
  useHarness((started) => {
    h = started;
  });
  beforeEach(async () => {
    web = await resetToDemoServer(h, REGION);
  });

  test('a profile switch closes the form and says what changed; the draft stays under profile A; nothing is sent', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await f.controller.handle({ type: 'draftChanged', draft: draft({ imageName: 'kept-for-a' }) });
    f.setProfile(PROFILE_B);
    assert.equal(f.controller.sessionChanged(PROFILE_B), 'closed');
    assert.equal(f.closed, true);
    assert.deepEqual(f.sessionClosed, [
      `Closed “Create Custom Image: web-prod-1”: the profile changed from ${PROFILE_A} to ${PROFILE_B}. The draft is kept for profile ${PROFILE_A}.`,
    ]);
    assert.equal(f.drafts.get(panelKey(PROFILE_A, { regionId: REGION, instanceId: web.instanceId }))?.imageName, 'kept-for-a');
    assert.equal(f.drafts.get(panelKey(PROFILE_B, { regionId: REGION, instanceId: web.instanceId })), undefined);
    // A late message from the closed webview does nothing.
    const posted = f.posts.length;
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'late-submit' }) });
    assert.equal(f.posts.length, posted);
    assert.deepEqual(await h.requests('CreateCustomImage'), []);
  });

  test('sign-out closes the form with its own message', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    f.setProfile(undefined);
    assert.equal(f.controller.sessionChanged(undefined), 'closed');
    assert.deepEqual(f.sessionClosed, [
      `Closed “Create Custom Image: web-prod-1”: you signed out. The draft is kept for profile ${PROFILE_A}.`,
    ]);
  });

  test("a submit after a switch the form was not yet told about never uses profile B's keys for A's server", async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await h.clearRequests();
    f.setProfile(PROFILE_B);
    await f.controller.handle({ type: 'submit', draft: draft() });
    const s = f.lastSubmit();
    assert.ok(s?.phase === 'failed', JSON.stringify(s));
    assert.equal(s.code, 'Session.Changed');
    assert.equal(s.placement, 'banner');
    assert.match(s.message, new RegExp(`profile ${PROFILE_A}`));
    const sent = await h.requests();
    assert.deepEqual(
      sent.filter((r) => r.accessKeyId === OTHER_ACCESS_KEY_ID),
      [],
    );
    assert.deepEqual(
      sent.filter((r) => r.action === 'CreateCustomImage'),
      [],
    );
  });

  test('the same profile with new keys re-binds: a banner says so, the data is re-read, a submit then goes out with A’s key', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    const before = contexts(f.posts).length;
    assert.equal(f.controller.sessionChanged(PROFILE_A), 'rebound');
    assert.equal(f.closed, false);
    assert.deepEqual(
      f.posts.filter((p) => p.type === 'notice'),
      [{ type: 'notice', text: `The keys or the endpoint of profile ${PROFILE_A} changed; the form reloaded its data.` }],
    );
    // The reload runs in the background; the store's change event says when it landed.
    await new Promise<void>((resolve) => {
      const sub = f.store.onDidChange(() => (sub.dispose(), resolve()));
    });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'after-rebind' }) });
    assert.equal(f.lastSubmit()?.phase, 'succeeded');
    assert.ok(contexts(f.posts).length > before);
    const creates = await h.requests('CreateCustomImage');
    assert.deepEqual(
      creates.map((r) => r.accessKeyId),
      [DEMO_ACCESS_KEY_ID],
    );
  });

  test('a switch while the create is in flight: one image with A’s key, announced, but never put into the new account’s tree', async () => {
    const opened: { f?: Awaited<ReturnType<typeof openFormHost>> } = {};
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId }, {}, undefined, undefined, {
      withProgress: (_name, task) => {
        // The user switches profile just as the call goes out.
        opened.f?.setProfile(PROFILE_B);
        opened.f?.controller.sessionChanged(PROFILE_B);
        return task();
      },
    });
    opened.f = f;
    await f.controller.handle({ type: 'ready' });
    await h.clearRequests();
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'in-flight' }) });
    const creates = await h.requests('CreateCustomImage');
    assert.deepEqual(
      creates.map((r) => r.accessKeyId),
      [DEMO_ACCESS_KEY_ID],
    );
    assert.equal(f.closed, true);
    assert.equal(f.notified.length, 1);
    assert.deepEqual(f.created, [], 'the tree (now profile B) did not get A’s image');
    assert.equal(
      f.drafts.get(panelKey(PROFILE_A, { regionId: REGION, instanceId: web.instanceId })),
      undefined,
      'the created draft is cleared',
    );
  });

  test('after a success the form does not judge its own name: no "taken" anywhere, even after a reload', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'mine-now' }) });
    const s = f.lastSubmit();
    assert.ok(s?.phase === 'succeeded' && /^m-/.test(s.imageId));
    // The tree now lists the new image; a reload of the form's data (re-bind) reads it too.
    f.controller.sessionChanged(PROFILE_A);
    await new Promise<void>((resolve) => {
      const sub = f.store.onDidChange(() => (sub.dispose(), resolve()));
    });
    assert.ok(
      f.store.get(REGION)?.images.some((i) => i.name === 'mine-now'),
      'the region lists the new image',
    );
    for (const ctx of contexts(f.posts)) assert.equal(ctx.imageNames.includes('mine-now'), false);
    await f.controller.handle({ type: 'request', id: 7, kind: 'checkName', params: { name: 'mine-now' } });
    const answer = f.posts.find((p) => p.type === 'response' && p.id === 7);
    assert.deepEqual(answer, { type: 'response', id: 7, kind: 'checkName', ok: true, result: { taken: false } });
    assert.equal(f.lastSubmit()?.phase, 'succeeded', 'nothing replaced the success');
  });

  test('advice does not block: a 300-character description is submitted and the API’s answer is placed under the description', async () => {
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await f.controller.handle({ type: 'submit', draft: draft({ description: 'd'.repeat(300) }) });
    const s = f.lastSubmit();
    assert.ok(s?.phase === 'failed', JSON.stringify(s));
    assert.equal((await h.requests('CreateCustomImage')).length, 1, 'the submit reached the API');
    // InvalidDescription.Malformed is the emulator's GUESS (SWAS documents no description rule);
    // what is tested is that a field-named code is placed at its field.
    assert.equal(s.code, 'InvalidDescription.Malformed');
    assert.equal(s.placement, 'description');
  });

  test('advice does not block: a region the reading calls full is submitted; CustomImageQuotaLimit becomes the quota fact', async (t) => {
    // The data assumes the per-region reading of the quota (A3): not under account-wide-quota.
    await h.admin('PUT', '/variants', { variants: envVariantsWithout('account-wide-quota') });
    t.after(() => h.admin('PUT', '/variants', { variants: envVariantsWithout() }));
    const data = await loadRegion(h.client(NO_LIMITS), 'ap-southeast-1', { fresh: true });
    assert.ok(data.images.length >= 3 * data.instances.length, 'the demo seed has a full region in Singapore');
    const inst = data.instances[0];
    const snap =
      inst &&
      (data.snapshotsByInstance.get(inst.instanceId) ?? []).find((x) => x.sourceDiskType === 'System' && x.status === 'Accomplished');
    assert.ok(inst && snap);
    const f = await openFormHost(h, { regionId: 'ap-southeast-1', instanceId: inst.instanceId });
    await f.controller.handle({ type: 'ready' });
    await f.controller.handle({ type: 'submit', draft: draft({ imageName: 'over-quota', systemSnapshotId: snap.snapshotId }) });
    const s = f.lastSubmit();
    assert.ok(s?.phase === 'failed' && s.code === 'CustomImageQuotaLimit' && s.placement === 'quota', JSON.stringify(s));
    assert.equal((await h.requests('CreateCustomImage')).length, 1);
    const fact = contexts(f.posts).pop()?.quotaFact;
    assert.ok(fact, 'the context carries what the API said');
    assert.match(fact.apiMessage, /custom image/i);
    assert.equal(fact.requestId, s.requestId);
  });

  test('a read-only key (Forbidden.RAM) gets the permission message in the banner, not at a field', async () => {
    // Forbidden.RAM exists (A7, confirmed); that CreateCustomImage answers with it is a guess.
    await h.faults({
      responses: [
        {
          action: 'CreateCustomImage',
          status: 403,
          body: '{"Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource.","RequestId":"{RequestId}"}',
        },
      ],
    });
    const f = await openFormHost(h, { regionId: REGION, instanceId: web.instanceId });
    await f.controller.handle({ type: 'ready' });
    await f.controller.handle({ type: 'submit', draft: draft() });
    const s = f.lastSubmit();
    assert.ok(s?.phase === 'failed', JSON.stringify(s));
    assert.equal(s.code, 'Forbidden.RAM');
    assert.equal(s.placement, 'banner');
    assert.equal(s.retryable, false);
    assert.match(s.message, /may not create custom images.*AliyunSWASFullAccess/);
  });
});
