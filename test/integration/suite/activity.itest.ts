// The Activity rows of Create Snapshot and Create Custom Image in the real extension host against
// the emulator: a snapshot row runs while Progressing and succeeds once Accomplished on the
// emulator's virtual clock; a form submission makes an image row with its RequestId; the form's
// snapshot then image is ONE row with two steps (a snapshot the closed form never used is a
// snapshot row); an unfinished row resumes after a reload; a
// failed create offers Retry, which sends the same ClientToken (checked in the emulator's log).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityEntry } from '../../../src/core/activity/activityLog';
import { beginResourceOp, canRetry } from '../../../src/core/activity/resourceOp';
import type { FormDraft } from '../../../src/protocol/createImageMessages';
import type { CreatedSnapshot } from '../../../src/services';
import type { TestEnv } from './testEnv';
import { adminCall, requests, resetEmulator, row, signInDemo, testEnv, waitFor } from './testEnv';

interface Logged {
  action: string;
  httpStatus: number;
  clientToken?: string;
}

suite('Activity: snapshots and images', function () {
  this.timeout(120_000);
  let env: TestEnv;
  const HZ = 'cn-hangzhou';
  const SH = 'cn-shanghai';
  const activity = () => env.api.services.activity;
  const entry = (id: string | undefined): ActivityEntry | undefined => activity().get(id ?? '');
  const find = (p: (e: ActivityEntry) => boolean) => () => activity().all().find(p);
  const outcome = (id: string | undefined, o: ActivityEntry['outcome']) => () => (entry(id)?.outcome === o ? entry(id) : undefined);
  const logged = async (action: string): Promise<Logged[]> =>
    ((await requests(env)) as unknown as Logged[]).filter((r) => r.action === action);
  const server = async (regionId: string, name: string) => {
    const i = (await env.api.services.regions.load(regionId)).instances.find((x) => x.instanceName === name);
    assert.ok(i, `server ${name}`);
    return i;
  };
  const draft = (imageName: string, systemSnapshotId: string): FormDraft => ({
    imageName,
    systemSnapshotId,
    dataSnapshotId: '',
    description: '',
    resourceGroupId: '',
    tags: [],
  });
  const openForm = async (name: string): Promise<string> => {
    const hz = (await env.api.children()).find((x) => x.description === HZ);
    await vscode.commands.executeCommand('swas.createCustomImage', (await row(env, hz, name)).node);
    const { instanceId } = await server(HZ, name);
    const key = env.api.services.forms.openForms().find((k) => k.endsWith(instanceId));
    assert.ok(key, 'the form opened');
    return key;
  };

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env);
  });
  setup(async () => {
    await resetEmulator(env);
    activity().clearFinished();
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await adminCall(env, 'DELETE', '/faults');
  });

  test('Create Snapshot: the row runs while Progressing and succeeds when Accomplished, with its RequestId and ClientToken', async () => {
    const worker = await server(SH, 'shop-worker');
    const running = vscode.commands.executeCommand<CreatedSnapshot | undefined>('swas.createSnapshot', {
      regionId: SH,
      instanceId: worker.instanceId,
      diskType: 'Data',
      snapshotName: 'act-snap-1',
    });
    const row1 = await waitFor(
      'the snapshot row with its snapshot',
      find((e) => e.kind === 'createSnapshot' && e.target.name === 'act-snap-1' && e.target.id !== ''),
    );
    assert.deepEqual([row1.outcome, row1.target.kind, row1.target.regionId], ['running', 'snapshot', SH]);
    assert.ok(row1.requestId, 'the row has the RequestId');
    await adminCall(env, 'POST', '/clock/advance', { seconds: 120 });
    const created = await running;
    assert.equal(created?.activityId, row1.id);
    const done = await waitFor('the row to succeed', outcome(row1.id, 'succeeded'));
    assert.equal(done.target.id, created?.snapshotId);
    assert.ok(done.finishedAt !== undefined && done.finishedAt >= done.startedAt);
    const calls = await logged('CreateSnapshot');
    assert.deepEqual(
      calls.map((c) => c.clientToken),
      [row1.clientToken],
    );
  });

  test('a failed Create Snapshot fails its row with the code and offers Retry, which resends the same ClientToken', async () => {
    // Four 500s: the client's own retries (same token) are used up and the call fails.
    await adminCall(env, 'PUT', '/faults', { script: [{ action: 'CreateSnapshot', kind: 'InternalError', times: 4 }] });
    const worker = await server(SH, 'shop-worker');
    await vscode.commands
      .executeCommand('swas.createSnapshot', {
        regionId: SH,
        instanceId: worker.instanceId,
        diskType: 'System',
        snapshotName: 'act-fail-1',
      })
      .then(undefined, () => undefined);
    const failed = await waitFor(
      'the failed row',
      find((e) => e.target.name === 'act-fail-1' && e.outcome === 'failed'),
    );
    assert.equal(failed.errorCode, 'InternalError');
    assert.ok(failed.requestId, 'the failed row keeps the RequestId');
    assert.equal(canRetry(failed), true, 'Retry is offered');
    await vscode.commands.executeCommand('swas.activity.retry', { entryId: failed.id });
    const calls = await logged('CreateSnapshot');
    assert.equal(calls.length, 5);
    assert.deepEqual(
      new Set(calls.map((c) => c.clientToken)),
      new Set([failed.clientToken]),
      'every attempt and the Retry sent one ClientToken',
    );
    assert.equal(calls.at(-1)?.httpStatus, 200);
    const retried = entry(failed.id);
    assert.deepEqual([retried?.outcome, retried?.errorCode], ['running', undefined], 'the same row runs again');
    assert.match(retried?.target.id ?? '', /^s-/);
    await adminCall(env, 'POST', '/clock/advance', { seconds: 120 });
    await vscode.commands.executeCommand('swas.refresh');
    await env.api.services.regions.load(SH);
    await waitFor('the retried row to succeed', outcome(failed.id, 'succeeded'));
  });

  test('the form submit makes an image row with its RequestId; it succeeds when the image is available', async () => {
    const key = await openForm('db-staging');
    const snap = [...(await env.api.services.regions.load(HZ)).snapshotsByInstance.values()]
      .flat()
      .find((s) => s.snapshotName === 'db-staging-sys-0520');
    assert.ok(snap);
    await env.api.services.forms.deliver(key, { type: 'submit', draft: draft('act-image-1', snap.snapshotId) });
    const img = await waitFor(
      'the image row',
      find((e) => e.kind === 'createImage' && e.target.name === 'act-image-1' && e.target.id !== ''),
    );
    assert.deepEqual([img.outcome, img.target.kind, img.steps.length], ['running', 'image', 1]);
    assert.ok(img.requestId);
    assert.match(img.target.id, /^m-/);
    assert.deepEqual(
      (await logged('CreateCustomImage')).map((c) => c.clientToken),
      [img.clientToken],
    );
    await adminCall(env, 'POST', '/clock/advance', { seconds: 60 });
    await env.api.services.explorer.refreshImages(HZ);
    await waitFor('the image row to succeed', outcome(img.id, 'succeeded'));
  });

  test("the form's snapshot then image is one row with two steps, each live", async () => {
    const key = await openForm('web-prod-1');
    // db-staging is at its 3-snapshot limit; web-prod-1 has room for one more.
    const db = await server(HZ, 'web-prod-1');
    // The form's "Create a system disk snapshot" button: the command asks for the name (the default is accepted).
    const running = env.api.services.forms.deliver(key, { type: 'createSnapshot' });
    const two = await waitFor('the two-step row', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return activity()
        .all()
        .find((e) => e.steps.length === 2 && e.params?.instanceId === db.instanceId && e.target.id !== '');
    });
    assert.equal(two.kind, 'createImage');
    assert.deepEqual(
      two.steps.map((s) => [s.label, s.state]),
      [
        ['createSnapshot', 'active'],
        ['createImage', 'pending'],
      ],
    );
    await adminCall(env, 'POST', '/clock/advance', { seconds: 120 });
    await running;
    const waiting = await waitFor('the snapshot step done', () => (entry(two.id)?.steps[0]?.state === 'done' ? entry(two.id) : undefined));
    assert.deepEqual([waiting.outcome, waiting.steps[1]?.state, waiting.machine?.phase], ['running', 'pending', 'awaitingImage']);
    await env.api.services.forms.deliver(key, { type: 'submit', draft: draft('act-two-image', two.target.id) });
    const imaging = await waitFor('the image step', () =>
      entry(two.id)?.target.kind === 'image' && entry(two.id)?.target.id ? entry(two.id) : undefined,
    );
    assert.deepEqual(
      imaging.steps.map((s) => s.state),
      ['done', 'active'],
    );
    assert.equal(
      activity()
        .all()
        .filter((e) => e.params?.instanceId === db.instanceId && e.outcome === 'running').length,
      1,
      'one row, not two',
    );
    await adminCall(env, 'POST', '/clock/advance', { seconds: 60 });
    await env.api.services.explorer.refreshImages(HZ);
    const done = await waitFor('the two-step row to succeed', outcome(two.id, 'succeeded')).catch((e: unknown) => {
      throw new Error(
        `${String(e)}: ${JSON.stringify(entry(two.id))} ${JSON.stringify(env.api.services.regions.get(HZ)?.images.map((i) => [i.imageId, i.status]))}`,
      );
    });
    assert.deepEqual(
      done.steps.map((s) => s.state),
      ['done', 'done'],
    );
  });

  test('a snapshot made for the form that then closes unused ends as a plain Create Snapshot row', async () => {
    const key = await openForm('web-prod-1');
    const web = await server(HZ, 'web-prod-1');
    const running = env.api.services.forms.deliver(key, { type: 'createSnapshot' });
    const two = await waitFor('the two-step row', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return activity()
        .all()
        .find((e) => e.steps.length === 2 && e.params?.instanceId === web.instanceId && e.target.id !== '');
    });
    await adminCall(env, 'POST', '/clock/advance', { seconds: 120 });
    await running;
    await waitFor('the row to wait for the form', () => (entry(two.id)?.machine?.phase === 'awaitingImage' ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const done = await waitFor('the snapshot-only row', outcome(two.id, 'succeeded'));
    assert.deepEqual([done.kind, done.steps.length, done.target.kind], ['createSnapshot', 1, 'snapshot']);
  });

  test('after a reload an unfinished snapshot row follows its snapshot again by ID; one whose answer never came is interrupted', async () => {
    const api = env.api.services.api();
    assert.ok(api);
    const worker = await server(SH, 'shop-worker');
    const disk = worker.disks.find((d) => d.diskType === 'Data');
    assert.ok(disk);
    const { snapshotId, requestId } = await api.createSnapshot({
      regionId: SH,
      diskId: disk.diskId,
      snapshotName: 'act-resume-1',
      clientToken: 'act-resume-token',
    });
    const now = Date.now();
    const base = {
      kind: 'createSnapshot' as const,
      startedAt: now,
      outcome: 'running' as const,
      steps: [{ label: 'createSnapshot', state: 'active' as const }],
    };
    const params = {
      profile: env.api.services.session.state?.profile ?? '',
      instanceId: worker.instanceId,
      diskId: disk.diskId,
      snapshotName: 'act-resume-1',
    };
    // What the earlier window left in globalState: one answered (following), one never answered.
    const resumed = activity().add({
      ...base,
      id: 'act-resume',
      target: { regionId: SH, kind: 'snapshot', id: snapshotId, name: 'act-resume-1' },
      requestId,
      params,
      machine: { ...beginResourceOp('snapshot', snapshotId, now) },
    });
    const lost = activity().add({ ...base, id: 'act-lost', target: { regionId: SH, kind: 'snapshot', id: '', name: 'act-lost' }, params });
    env.api.services.regions.drop(SH);
    await env.api.services.resourceOps.resume([resumed, lost]);
    assert.equal(entry('act-lost')?.errorCode, 'swas.interrupted');
    assert.deepEqual(
      [entry('act-resume')?.outcome, entry('act-resume')?.machine?.seen],
      ['running', true],
      'the resumed row read its snapshot (Progressing)',
    );
    await adminCall(env, 'POST', '/clock/advance', { seconds: 120 });
    await env.api.services.explorer.reloadRegion(SH);
    await waitFor('the resumed row to succeed', outcome('act-resume', 'succeeded'));
  });

  test('a failed form submission fails its image row; Retry from the Activity view reuses its ClientToken', async () => {
    await adminCall(env, 'PUT', '/faults', { script: [{ action: 'CreateCustomImage', kind: 'ServiceUnavailable', times: 4 }] });
    const key = await openForm('db-staging');
    const snap = [...(await env.api.services.regions.load(HZ)).snapshotsByInstance.values()]
      .flat()
      .find((s) => s.snapshotName === 'db-staging-sys-0520');
    assert.ok(snap);
    await env.api.services.forms.deliver(key, { type: 'submit', draft: draft('act-image-fail', snap.snapshotId) });
    const failed = await waitFor(
      'the failed image row',
      find((e) => e.target.name === 'act-image-fail' && e.outcome === 'failed'),
    );
    assert.equal(failed.errorCode, 'ServiceUnavailable');
    assert.ok(canRetry(failed));
    await vscode.commands.executeCommand('swas.activity.retry', { entryId: failed.id });
    const calls = await logged('CreateCustomImage');
    assert.equal(calls.length, 5);
    assert.deepEqual(new Set(calls.map((c) => c.clientToken)), new Set([failed.clientToken]));
    const retried = entry(failed.id);
    assert.equal(retried?.outcome, 'running');
    assert.match(retried?.target.id ?? '', /^m-/);
    assert.ok(retried?.requestId);
  });
});
