// Rate control made visible, in the real extension host: when a region's ListSnapshots is held by
// the client's rate control for more than ~2 s, the SWAS view's message says why, and it clears
// once the call went through. The emulator's limits table (PUT /limits) allows no ListSnapshots
// for 5 s: the client gets Throttling.User with a 5 s hint and holds the retry for it, unseen.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestEnv } from './testEnv';
import { adminCall, signInDemo, testEnv, waitFor } from './testEnv';

suite('Rate control made visible', function () {
  this.timeout(60_000);
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env);
  });
  suiteTeardown(async () => {
    await adminCall(env, 'DELETE', '/limits');
  });

  test('a region held by the rate limit says why at the top of the view, then loads without an error and the message clears', async () => {
    const sh = (await env.api.children()).find((r) => r.description === 'cn-shanghai');
    assert.ok(sh, 'cn-shanghai missing');
    await adminCall(env, 'PUT', '/limits', {
      name: 'no ListSnapshots for 5 s',
      per: 'account',
      operations: { ListSnapshots: { calls: 0, seconds: 5 } },
    });
    await vscode.commands.executeCommand('swas.refresh', sh.node);
    const loading = env.api.children(sh.node);
    const message = await waitFor('the wait message', () => env.api.services.explorer.message);
    assert.match(message, /^Waiting \d+ s for the API's rate limit \(ListSnapshots, cn-shanghai\)…$/);
    await adminCall(env, 'DELETE', '/limits');
    const rows = await loading;
    assert.ok(
      rows.some((r) => r.label === 'shop-frontend'),
      rows.map((r) => r.label).join(', '),
    );
    assert.ok(!rows.some((r) => r.kind === 'error'), 'no error row: the throttled call was retried unseen');
    await waitFor('the message to clear', () => (env.api.services.explorer.message === undefined ? true : undefined));
  });
});
