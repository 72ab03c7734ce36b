// Node commands run through vscode.commands.executeCommand with the tree's own nodes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CreatedSnapshot } from '../../../src/services';
import type { TestEnv } from './testEnv';
import { adminCall, resetEmulator, row, signInDemo, testEnv, waitFor } from './testEnv';

suite('Node commands', () => {
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env);
    await resetEmulator(env);
  });

  async function region(id: string) {
    const r = (await env.api.children()).find((x) => x.description === id);
    assert.ok(r, `region ${id} missing`);
    return r;
  }

  /** Runs Create Snapshot on a disk of shop-worker (cn-shanghai); returns once the tree shows the new snapshot's row, the command still running. */
  async function snapshotOfShopWorker(diskType: 'System' | 'Data', snapshotName: string) {
    const sh = await region('cn-shanghai');
    const worker = await row(env, sh, 'shop-worker');
    const instanceId = (worker.node as unknown as { instanceId: string }).instanceId;
    const running = vscode.commands.executeCommand<CreatedSnapshot | undefined>('swas.createSnapshot', {
      regionId: 'cn-shanghai',
      instanceId,
      diskType,
      snapshotName,
    });
    const progressing = await waitFor('the new snapshot row', async () =>
      (await env.api.children((await row(env, sh, 'shop-worker')).node)).find((r) => r.label === snapshotName),
    );
    return { sh, running, progressing };
  }

  test('Copy ID puts the server ID on the clipboard, Copy Public IP its address', async () => {
    const web = await row(env, await region('cn-hangzhou'), 'web-prod-1');
    const id = await vscode.commands.executeCommand<string>('swas.copyId', web.node);
    assert.equal(await vscode.env.clipboard.readText(), id);
    assert.equal(id, (web.node as unknown as { instanceId: string }).instanceId);
    const ip = await vscode.commands.executeCommand<string>('swas.copyPublicIp', web.node);
    assert.match(ip, /^127\.\d+\.\d+\.\d+$/, 'the emulator only hands out loopback addresses');
    assert.equal(await vscode.env.clipboard.readText(), ip);
    assert.ok(web.description.endsWith(ip));
  });

  test('Copy ID also copies snapshot and image IDs', async () => {
    const hz = await region('cn-hangzhou');
    const db = await row(env, hz, 'db-staging');
    const snap = await row(env, db, 'db-staging-sys-0520');
    assert.match(await vscode.commands.executeCommand<string>('swas.copyId', snap.node), /^s-/);
    const image = await row(env, await row(env, hz, 'Custom Images'), 'db-staging-base');
    assert.match(await vscode.commands.executeCommand<string>('swas.copyId', image.node), /^m-/);
  });

  test('Create Snapshot creates a snapshot of the chosen disk, shows it, and resolves when it is accomplished', async () => {
    const { sh, running, progressing } = await snapshotOfShopWorker('Data', 'itest-data-1');
    assert.equal(progressing.contextValue, 'snapshot data progressing');
    await adminCall(env, 'POST', '/clock/advance', { seconds: 120 });
    const created = await running;
    assert.ok(created);
    assert.match(created.snapshotId, /^s-/);
    assert.equal(created.status.toLowerCase(), 'accomplished');
    const settled = await waitFor('the snapshot row to settle', async () => {
      const r = (await env.api.children((await row(env, sh, 'shop-worker')).node)).find((x) => x.label === 'itest-data-1');
      return r?.contextValue === 'snapshot data accomplished' ? r : undefined;
    });
    assert.match(settled.description, /^Data · Accomplished · /);
  });

  test('Create Snapshot stops following its snapshot when the profile changes (no endless 0 %)', async () => {
    const { running } = await snapshotOfShopWorker('System', 'itest-switch-1');
    // The emulator's clock does not move: the snapshot stays Progressing. Another profile signs in.
    try {
      await signInDemo(env, 'itest-other');
      assert.equal(await running, undefined, 'the wait went on for the previous profile');
    } finally {
      await env.api.services.credentials.deleteProfile('itest-other');
      await signInDemo(env);
    }
  });

  test('Share to ECS shares an available image and the tree shows it shared', async () => {
    const hz = await region('cn-hangzhou');
    const images = await row(env, hz, 'Custom Images');
    const base = await row(env, images, 'db-staging-base');
    assert.equal(base.contextValue, 'image available unshared');
    assert.equal(await vscode.commands.executeCommand('swas.shareImage', base.node), true);
    const after = await row(env, await row(env, hz, 'Custom Images'), 'db-staging-base');
    assert.equal(after.contextValue, 'image available shared');
  });
});
