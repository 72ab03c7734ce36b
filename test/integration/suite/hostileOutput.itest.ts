// Run Command output with odd bytes, shown in the real host: the script runs on the emulator's
// Cloud Assistant through the extension's own client, the report is rendered by the command's code,
// and the document VS Code opens from it holds no control character (escapes, NUL, bidi override
// as visible tokens), one line per line of output, and no lost text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runOnServers } from '../../../src/core/remote/runOnServers';
import { renderReport } from '../../../src/commands/remote/runScript';
import { adminCall, resetEmulator, signInDemo, testEnv } from './testEnv';
import type { TestEnv } from './testEnv';

suite('Hostile Run Command output', function () {
  this.timeout(60_000);
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env);
  });
  setup(() => resetEmulator(env));

  test('escapes, NUL, invalid UTF-8 and a bidi override in the output open as inert text', async () => {
    const api = env.api.services.api();
    assert.ok(api);
    const web = (await env.api.services.regions.load('cn-hangzhou')).instances.find((i) => i.instanceName === 'web-prod-1');
    assert.ok(web);
    const target = { regionId: web.regionId, instanceId: web.instanceId, instanceName: `${web.instanceName}\u001b[8m`, osType: web.osType };
    const script = "printf '\\033[2J\\033[31mred\\000|\\377|\\342\\200\\256evil\\rnext\\n'";
    let now = 0;
    const [o] = await runOnServers(
      api.remote,
      [target],
      script,
      { timeoutSeconds: 60, workingUser: 'root' },
      {
        now: () => now,
        sleep: async (ms) => {
          now += ms;
          await adminCall(env, 'GET', '/invocations/finished');
        },
      },
    );
    assert.equal(o?.result?.status, 'Success', JSON.stringify(o?.error?.message));
    const report = renderReport(script, o ? [o] : [], new Date());
    const doc = await vscode.workspace.openTextDocument({ content: report, language: 'log' });
    const text = doc.getText();
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/.test(text), JSON.stringify(text));
    assert.match(text, /␛\[2J␛\[31mred␀\|\ufffd\|<U\+202E>evil\nnext/);
    assert.match(text, /━━ web-prod-1␛\[8m/);
    assert.equal(doc.lineCount, report.split('\n').length, 'VS Code sees the same lines (no lone CR left to split one)');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
