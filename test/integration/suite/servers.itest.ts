// Server operations in the real extension host against the emulator: Stop shows Stopping… at
// once and Stopped when a poll sees it; two selected servers start in one call; a custom image
// is applied to another server through the typed confirmation (Resetting → Running with the new
// image); an unfinished Activity row resumes; a crafted command argument cannot reset a server.
// The dialogs are answered through services.prompts (the e2e suite answers the real ones).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerPrompts } from '../../../src/commands/servers/prompts';
import type { TestEnv, LoggedRequest } from './testEnv';
import { adminCall, requests, resetEmulator, row, signInDemo, testEnv, waitFor } from './testEnv';

interface Script {
  confirm?: (message: string, buttons: string[]) => string | undefined;
  input?: (prompt: string) => string | undefined;
  pick?: (labels: string[]) => number | undefined;
  pickMany?: (labels: string[]) => number[] | undefined;
}

function scripted(s: Script, asked: string[]): ServerPrompts {
  return {
    confirm: async (message, _detail, buttons) => (asked.push(`confirm:${message}`), s.confirm?.(message, buttons)),
    input: async (o) => (asked.push(`input:${o.prompt ?? ''}`), s.input?.(o.prompt ?? '')),
    pick: async (items) => {
      asked.push('pick');
      const i = s.pick?.(items.map((x) => x.label));
      return i === undefined ? undefined : items[i];
    },
    pickMany: async (items) => {
      asked.push('pickMany');
      const is = s.pickMany?.(items.map((x) => x.label));
      return is?.map((i) => items[i]).filter((x) => x !== undefined);
    },
    info: async (message) => (asked.push(`info:${message}`), undefined),
  };
}

suite('Server operations', function () {
  this.timeout(90_000);
  let env: TestEnv;
  let original: ServerPrompts;
  const HZ = 'cn-hangzhou';
  const region = async (id: string) => {
    const r = (await env.api.children()).find((x) => x.description === id);
    assert.ok(r, `region ${id} missing`);
    return r;
  };
  const server = async (name: string) => {
    const i = (await env.api.services.regions.load(HZ)).instances.find((x) => x.instanceName === name);
    assert.ok(i, `server ${name}`);
    return i;
  };
  const seen = (id: string | undefined, status: string) => () => {
    const m = env.api.services.activity.get(id ?? '')?.machine as { seen?: string[] } | undefined;
    return m?.seen?.includes(status) ? true : undefined;
  };
  const calls = async (action: string): Promise<LoggedRequest[]> => (await requests(env)).filter((r) => r.action === action);

  suiteSetup(async () => {
    env = await testEnv();
    original = env.api.services.prompts;
    await signInDemo(env);
  });
  setup(async () => {
    await resetEmulator(env);
    env.api.services.activity.clearFinished();
  });
  teardown(() => {
    env.api.services.prompts = original;
  });

  test('Stop asks once naming the server, shows Stopping… at once and Stopped when a poll sees it', async () => {
    const asked: string[] = [];
    env.api.services.prompts = scripted({ confirm: (_m, b) => b[0] }, asked);
    const web = await row(env, await region(HZ), 'web-prod-1');
    assert.match(web.contextValue, /\brunning\b/);
    await vscode.commands.executeCommand('swas.stopServer', web.node);
    assert.deepEqual(asked, ['confirm:Stop server "web-prod-1"?']);
    const stopping = await row(env, await region(HZ), 'web-prod-1');
    assert.match(stopping.description, /^Stopping/);
    assert.equal((await calls('StopInstances')).length, 1);
    const act = env.api.services.activity.all()[0];
    assert.deepEqual([act?.kind, act?.target.name, act?.outcome], ['stop', 'web-prod-1', 'running']);
    await adminCall(env, 'POST', '/clock/advance', { seconds: 10 });
    await waitFor(
      'Stopped in the tree',
      async () => ((await row(env, await region(HZ), 'web-prod-1')).description.startsWith('Stopped') ? true : undefined),
      30_000,
    );
    await waitFor('the Activity row to succeed', () =>
      env.api.services.activity.get(act?.id ?? '')?.outcome === 'succeeded' ? true : undefined,
    );
    assert.ok(env.api.services.activity.get(act?.id ?? '')?.requestId);
  });

  test('Start on two selected servers: one StartInstances call, both show Starting…', async () => {
    await adminCall(env, 'POST', '/servers', { regionId: HZ, instanceName: 'second-stopped', status: 'Stopped' });
    await vscode.commands.executeCommand('swas.refresh');
    const hz = await region(HZ);
    const a = await row(env, hz, 'db-staging');
    const b = await row(env, hz, 'second-stopped');
    await vscode.commands.executeCommand('swas.startServer', a.node, [a.node, b.node]);
    const start = await calls('StartInstances');
    assert.equal(start.length, 1);
    const after = await region(HZ);
    assert.match((await row(env, after, 'db-staging')).description, /^Starting/);
    assert.match((await row(env, after, 'second-stopped')).description, /^Starting/);
    assert.equal(env.api.services.activity.unfinished().filter((e) => e.kind === 'start').length, 2);
  });

  test('Apply Image to Server: pick the target, type its name, see Resetting → Running with the new image', async () => {
    const asked: string[] = [];
    env.api.services.prompts = scripted(
      {
        pickMany: (labels) => [labels.indexOf('db-staging')],
        confirm: (_m, b) => b[0],
        input: () => 'db-staging',
      },
      asked,
    );
    const hz = await region(HZ);
    const golden = await row(env, await row(env, hz, 'Custom Images'), 'web-prod-golden');
    await vscode.commands.executeCommand('swas.applyImage', golden.node);
    assert.deepEqual(asked.slice(0, 3), [
      'pickMany',
      'confirm:Reset server "db-staging" to image "web-prod-golden"?',
      'input:Type the server name "db-staging" to confirm that all data on its disks is erased.',
    ]);
    assert.equal((await calls('ResetSystem')).length, 1);
    assert.match((await row(env, await region(HZ), 'db-staging')).description, /^Resetting/);
    const act = env.api.services.activity.all().find((e) => e.kind === 'reset');
    await adminCall(env, 'POST', '/clock/advance', { seconds: 30 });
    await waitFor('a poll to see Resetting', seen(act?.id, 'resetting'), 30_000);
    await adminCall(env, 'POST', '/clock/advance', { seconds: 30 });
    await waitFor(
      'Running again',
      async () => ((await row(env, await region(HZ), 'db-staging')).description.startsWith('Running') ? true : undefined),
      60_000,
    );
    assert.equal((await server('db-staging')).imageName, 'web-prod-golden');
    assert.equal(env.api.services.activity.get(act?.id ?? '')?.outcome, 'succeeded');
  });

  test('a custom image made from the same server is refused before any call, with its reason', async () => {
    const asked: string[] = [];
    env.api.services.prompts = scripted(
      { pickMany: (labels) => [labels.findIndex((l) => l.endsWith('db-staging'))], confirm: (_m, b) => b[0], input: () => 'db-staging' },
      asked,
    );
    const hz = await region(HZ);
    const base = await row(env, await row(env, hz, 'Custom Images'), 'db-staging-base');
    await vscode.commands.executeCommand('swas.applyImage', base.node);
    assert.deepEqual(asked, ['pickMany']);
    assert.equal((await calls('ResetSystem')).length, 0);
  });

  test('a crafted command argument cannot reset a server without the typed name', async () => {
    const golden = (await env.api.services.regions.load(HZ)).images.find((i) => i.name === 'web-prod-golden');
    assert.ok(golden);
    const db = await server('db-staging');
    const hostile = {
      regionId: HZ,
      instanceId: db.instanceId,
      imageId: golden.imageId,
      confirmed: true,
      typed: 'db-staging',
      confirmation: 'db-staging',
      force: true,
    };
    for (const answer of [undefined, 'DB-STAGING', 'web-prod-1']) {
      const asked: string[] = [];
      env.api.services.prompts = scripted(
        { pick: (labels) => labels.indexOf('web-prod-golden'), confirm: (_m, b) => b[0], input: () => answer },
        asked,
      );
      await vscode.commands.executeCommand('swas.resetSystem', hostile);
      assert.ok(
        asked.some((a) => a.startsWith('input:')),
        'the typed confirmation was asked',
      );
    }
    env.api.services.prompts = scripted({ pick: () => 0, confirm: () => undefined }, []);
    await vscode.commands.executeCommand('swas.applyImage', {
      regionId: HZ,
      imageId: golden.imageId,
      instanceIds: [db.instanceId],
      confirmed: true,
    });
    await vscode.commands.executeCommand('swas.activity.retry', { entryId: 'nope', confirmed: true });
    assert.equal((await calls('ResetSystem')).length, 0, 'no ResetSystem reached the emulator');
  });

  test('an unfinished Activity row resumes: the server is followed again and the row finishes', async () => {
    const web = await server('web-prod-1');
    await adminCall(env, 'POST', '/servers/' + web.instanceId + '/status', { status: 'Stopping' });
    const now = Date.now();
    const entry = env.api.services.activity.add({
      id: 'resume-1',
      kind: 'stop',
      target: { regionId: HZ, kind: 'instance', id: web.instanceId, name: 'web-prod-1' },
      startedAt: now,
      outcome: 'running',
      steps: [
        { label: 'Stopping', state: 'active' },
        { label: 'Stopped', state: 'pending' },
      ],
      requestId: 'R-1',
      machine: { kind: 'stop', since: now, seen: [], phase: 'waiting' },
    });
    env.api.services.regions.drop(HZ);
    await env.api.services.serverOps.resume([entry]);
    await adminCall(env, 'POST', '/servers/' + web.instanceId + '/status', { status: 'Stopped' });
    await waitFor(
      'the resumed row to succeed',
      () => (env.api.services.activity.get('resume-1')?.outcome === 'succeeded' ? true : undefined),
      30_000,
    );
  });

  test('a failed call fails its row with the code and RequestId; Retry resends the same ClientToken; Copy Details and Clear Finished', async () => {
    const hz = await region(HZ);
    const db = await row(env, hz, 'db-staging');
    const id = (db.node as unknown as { instanceId: string }).instanceId;
    // The tree still shows Stopped; the server has moved on: the API refuses the start.
    await adminCall(env, 'POST', `/servers/${id}/status`, { status: 'Starting' });
    await vscode.commands.executeCommand('swas.startServer', db.node);
    const failed = env.api.services.activity.all().find((e) => e.kind === 'start' && e.target.id === id);
    assert.deepEqual([failed?.outcome, failed?.errorCode], ['failed', 'IncorrectInstanceStatus']);
    assert.ok(failed?.requestId, 'the failed row keeps the RequestId');
    await adminCall(env, 'POST', `/servers/${id}/status`, { status: 'Stopped' });
    await vscode.commands.executeCommand('swas.activity.retry', { entryId: failed?.id });
    const starts = await calls('StartInstances');
    assert.equal(starts.length, 2);
    const tokens = starts.map((r) => (r as unknown as { clientToken: string }).clientToken);
    assert.equal(tokens[0], tokens[1], 'Retry resent the same ClientToken');
    assert.equal(tokens[0], failed?.clientToken);
    await vscode.commands.executeCommand('swas.activity.copyDetails', { entryId: failed?.id });
    const details = await vscode.env.clipboard.readText();
    assert.match(details, /IncorrectInstanceStatus/);
    assert.match(details, /RequestId: /);
    env.api.services.activity.clearFinished();
    assert.ok(env.api.services.activity.all().every((e) => e.outcome === 'running'));
  });
});
