// "Load more…" past 500 servers. First in file order on purpose: it needs two region loads
// and the client-side rate limiter allows 10 ListSnapshots a minute for the whole run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestEnv } from './testEnv';
import { adminCall, signInDemo, testEnv } from './testEnv';

suite('Explorer tree: more than 500 servers', () => {
  let env: TestEnv;

  suiteSetup(async function () {
    this.timeout(120_000);
    env = await testEnv();
    await signInDemo(env);
    for (let start = 0; start < 501; start += 50) {
      const batch = [];
      for (let i = start; i < Math.min(501, start + 50); i++) {
        batch.push(adminCall(env, 'POST', '/servers', { regionId: 'cn-beijing', instanceName: `bulk-${String(i).padStart(3, '0')}`, status: 'Running' }));
      }
      await Promise.all(batch);
    }
  });

  suiteTeardown(async () => {
    await adminCall(env, 'POST', '/reset', { seed: 'demo' });
    await vscode.commands.executeCommand('swas.refresh');
  });

  test('a region past 500 servers shows "Load more…", which loads the rest', async function () {
    this.timeout(90_000);
    const bj = (await env.api.children()).find((r) => r.description === 'cn-beijing');
    assert.ok(bj);
    const first = await env.api.children(bj.node);
    assert.equal(first.filter((r) => r.kind === 'instance').length, 500);
    const more = first.find((r) => r.kind === 'loadMore');
    assert.ok(more, 'no Load more node');
    assert.equal(more.label, 'Load more…');
    assert.equal(more.contextValue, 'loadMore');
    await vscode.commands.executeCommand('swas.loadMore', more.node);
    const all = await env.api.children(bj.node);
    assert.equal(all.filter((r) => r.kind === 'instance').length, 501);
    assert.equal(all.some((r) => r.kind === 'loadMore'), false);
    assert.equal(all.at(-1)?.label, 'Custom Images');
  });
});
