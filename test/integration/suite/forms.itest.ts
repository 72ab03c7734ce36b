// The Create Custom Image forms follow the session in the real extension host (issue 13 §3):
// a profile switch or a sign-out closes each open form, and a form reopened under the same
// profile is one panel again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestEnv } from './testEnv';
import { resetEmulator, row, signInDemo, testEnv } from './testEnv';

suite('Create Custom Image forms follow the session', () => {
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env, 'form-a');
    await resetEmulator(env);
  });

  suiteTeardown(async () => {
    await signInDemo(env);
  });

  async function openWebForm(): Promise<string> {
    const hz = (await env.api.children()).find((x) => x.description === 'cn-hangzhou');
    const web = await row(env, hz, 'web-prod-1');
    await vscode.commands.executeCommand('swas.createCustomImage', web.node);
    return (web.node as unknown as { instanceId: string }).instanceId;
  }

  test('a profile switch closes the open form (keyed by profile); reopening under the new profile opens a new one', async () => {
    const forms = env.api.services.forms;
    const instanceId = await openWebForm();
    assert.deepEqual(forms.openForms(), [`form-a/cn-hangzhou/${instanceId}`]);
    await openWebForm();
    assert.equal(forms.openForms().length, 1, 'the same server under the same profile is one form');
    await signInDemo(env, 'form-b');
    assert.deepEqual(forms.openForms(), [], "profile A's form closed when B became active");
    await openWebForm();
    assert.deepEqual(forms.openForms(), [`form-b/cn-hangzhou/${instanceId}`]);
  });

  test('a sign-out closes the open form', async () => {
    const forms = env.api.services.forms;
    if (forms.openForms().length === 0) await openWebForm();
    assert.equal(forms.openForms().length, 1);
    await vscode.commands.executeCommand('swas.signOut');
    assert.deepEqual(forms.openForms(), []);
  });
});
