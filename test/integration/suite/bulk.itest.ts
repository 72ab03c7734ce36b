// "Load more…" past 500 servers. First in file order on purpose: it needs two region loads
// and the client-side rate limiter allows 10 ListSnapshots a minute for the whole run.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestEnv } from './testEnv';
import { adminCall, regionAnywhere, signInDemo, testEnv } from './testEnv';

suite('Explorer tree: more than 500 servers', () => {
  let env: TestEnv;

  suiteSetup(async function () {
    this.timeout(120_000);
    env = await testEnv();
    await signInDemo(env);
    for (let start = 0; start < 501; start += 50) {
      const batch = [];
      for (let i = start; i < Math.min(501, start + 50); i++) {
        batch.push(
          adminCall(env, 'POST', '/servers', {
            regionId: 'cn-beijing',
            instanceName: `bulk-${String(i).padStart(3, '0')}`,
            status: 'Running',
          }),
        );
      }
      await Promise.all(batch);
    }
  });

  suiteTeardown(async () => {
    await adminCall(env, 'POST', '/reset', { seed: 'demo' });
    await vscode.commands.executeCommand('swas.refresh');
  });

  test('a region past 500 servers shows "Load more…"; a failed Load more keeps the rows and offers Retry in its place', async function () {
    this.timeout(90_000);
    const bj = await regionAnywhere(env, 'cn-beijing');
    assert.ok(bj);
    const first = await env.api.children(bj.node);
    assert.equal(first.filter((r) => r.kind === 'instance').length, 500);
    const more = first.find((r) => r.kind === 'loadMore');
    assert.ok(more, 'no Load more node');
    assert.equal(more.label, 'Load more…');
    assert.equal(more.contextValue, 'loadMore');
    await adminCall(env, 'PUT', '/faults', { script: [{ action: 'ListInstances', kind: 'ServiceUnavailable', times: 50 }] });
    try {
      await vscode.commands.executeCommand('swas.loadMore', more.node);
    } finally {
      await adminCall(env, 'DELETE', '/faults');
    }
    const after = await env.api.children(bj.node);
    assert.equal(after.filter((r) => r.kind === 'instance').length, 500, 'the rows shown were replaced');
    assert.equal(
      after.some((r) => r.kind === 'error'),
      false,
      'an error row replaced the rows',
    );
    const retry = after.find((r) => r.kind === 'loadMore');
    assert.equal(retry?.label, "Couldn't load more — retry");
    await adminCall(env, 'DELETE', '/requests');
    await vscode.commands.executeCommand('swas.loadMore', retry?.node);
    const all = await env.api.children(bj.node);
    assert.equal(all.filter((r) => r.kind === 'instance').length, 501);
    assert.equal(new Set(all.map((r) => r.node.id)).size, all.length, 'duplicate tree ids');
    assert.equal(
      all.some((r) => r.kind === 'loadMore'),
      false,
    );
    assert.equal(all.at(-1)?.label, 'Custom Images');
    const listed = (await adminCall(env, 'GET', '/requests')) as { requests: { action: string; regionId: string }[] };
    assert.equal(
      listed.requests.filter((r) => r.action === 'ListInstances' && r.regionId === 'cn-beijing').length,
      1,
      'Load more read more than the new page',
    );
  });

  test('Refresh after Load more goes back to the first 500', async function () {
    this.timeout(90_000);
    const bj = await regionAnywhere(env, 'cn-beijing');
    assert.ok(bj);
    await vscode.commands.executeCommand('swas.refresh', bj.node);
    const rows = await env.api.children(bj.node);
    assert.equal(rows.filter((r) => r.kind === 'instance').length, 500);
    assert.equal(rows.find((r) => r.kind === 'loadMore')?.label, 'Load more…');
  });
});
