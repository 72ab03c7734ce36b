// The transition poller in the real extension host: what it says on a node when it stops
// checking an unknown status (its rounds themselves are tested on virtual time in the contract
// suite; here the real timers run, at the fastest setting).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestEnv } from './testEnv';
import { adminCall, regionAnywhere, resetEmulator, row, signInDemo, testEnv, waitFor } from './testEnv';

suite('Polling', function () {
  this.timeout(90_000);
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env);
    await resetEmulator(env);
    await vscode.workspace.getConfiguration('swas').update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('swas').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await resetEmulator(env);
  });

  test('a server with a status the extension does not know is checked a few times, then its node says it is no longer checked', async () => {
    await adminCall(env, 'POST', '/servers', { regionId: 'cn-qingdao', instanceName: 'odd-status', status: 'Hibernating' });
    const qd = await regionAnywhere(env, 'cn-qingdao');
    assert.ok(qd);
    await vscode.commands.executeCommand('swas.refresh', qd.node);
    await adminCall(env, 'DELETE', '/requests');
    await row(env, qd, 'odd-status');
    const noted = await waitFor(
      'the note on the node',
      async () => {
        const r = await row(env, qd, 'odd-status');
        return r.description.includes('is not known') ? r : undefined;
      },
      60_000,
    );
    assert.match(noted.description, /hibernating/i); // lowercased by the hostile variant (A1)
    const polls = (await adminCall<{ requests: { action: string; regionId: string }[] }>(env, 'GET', '/requests')).requests.filter(
      (r) => r.action === 'ListInstanceStatus' && r.regionId === 'cn-qingdao',
    ).length;
    assert.equal(polls, 5, `${polls} status checks`);
  });
});
