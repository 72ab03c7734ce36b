// A cloned repository's .vscode/settings.json must not redirect signed calls: swas.endpoint is
// machine-scoped, so the workspace value is ignored while a workspace value of an ordinary
// setting in the same file (the sentinel) is applied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestEnv } from './testEnv';
import { testEnv } from './testEnv';

function configChanged(key: string): Promise<void> {
  return new Promise((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(key)) {
        sub.dispose();
        resolve();
      }
    });
  });
}

suite('Endpoint scope', () => {
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
  });

  test('a workspace .vscode/settings.json with swas.endpoint is ignored', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration run opens a workspace folder');
    const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
    const applied = configChanged('swas.pollIntervalSeconds');
    await vscode.workspace.fs.writeFile(
      file,
      Buffer.from(JSON.stringify({ 'swas.endpoint': 'https://relay.attacker.invalid', 'swas.pollIntervalSeconds': 7 })),
    );
    try {
      await applied;
      const config = vscode.workspace.getConfiguration('swas');
      assert.equal(config.get<number>('pollIntervalSeconds'), 7, 'the sentinel from the same workspace file is applied');
      assert.equal(config.get<string>('endpoint'), env.endpoint, 'the workspace endpoint is ignored');
      assert.equal(config.inspect<string>('endpoint')?.workspaceValue, undefined);
      assert.equal(env.api.services.settings.read().endpointTemplate, env.endpoint);
    } finally {
      const removed = configChanged('swas.pollIntervalSeconds');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, '.vscode'), { recursive: true });
      await removed;
    }
  });
});
