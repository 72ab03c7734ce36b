// Credentials: SecretStorage profiles, the signed-in context, following secret changes,
// sign-out, and one distinct, clear message per credential failure.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { verifyCredentials } from '../../../src/core/verifyCredentials';
import { describeError } from '../../../src/platform/errorMessages';
import type { TestEnv } from './testEnv';
import { signInDemo, testEnv, waitFor } from './testEnv';

suite('Credentials', () => {
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
  });

  test('wrong secret, disabled key, expired STS token and no network each give their own clear message', async () => {
    const cases = [
      { accessKeyId: env.accessKeyId, accessKeySecret: 'not-the-secret', endpoint: env.endpoint },
      { accessKeyId: 'EMULdisabled00000000001', accessKeySecret: 'emulator-disabled-secret', endpoint: env.endpoint },
      {
        accessKeyId: 'STS.EMULdemo00000000001',
        accessKeySecret: 'emulator-sts-secret-0001',
        securityToken: 'emulator-sts-token-expired',
        endpoint: env.endpoint,
      },
      { accessKeyId: 'EMULnobody0000000000000', accessKeySecret: 'whatever-secret', endpoint: env.endpoint },
      { accessKeyId: env.accessKeyId, accessKeySecret: env.accessKeySecret, endpoint: 'http://127.0.0.1:9' },
    ];
    const messages: string[] = [];
    for (const c of cases) {
      const { endpoint, ...creds } = c;
      const error = await verifyCredentials(creds, endpoint, 5000).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error, `no error for ${c.accessKeyId} at ${endpoint}`);
      const message = describeError(error);
      assert.doesNotMatch(message, /undefined|^Error:/);
      assert.ok(!message.includes(creds.accessKeySecret), 'the secret leaked into the message');
      messages.push(message);
    }
    assert.equal(new Set(messages).size, messages.length, `messages are not distinct:\n${messages.join('\n')}`);
  });

  test('signing in sets swas.signedIn and fills the tree; a secret change from elsewhere is followed', async () => {
    await signInDemo(env, 'itest-a');
    assert.equal(env.api.services.session.signedIn, true);
    assert.ok((await env.api.children()).length > 0);
    // Another window switching the active profile only changes SecretStorage:
    await env.api.services.credentials.saveProfile('itest-b', { accessKeyId: env.accessKeyId, accessKeySecret: env.accessKeySecret });
    await waitFor('the session to follow the secret change', () =>
      env.api.services.session.state?.profile === 'itest-b' ? true : undefined,
    );
  });

  test('Sign Out deletes the active profile from secret storage and the tree empties when none is left', async () => {
    await signInDemo(env, 'itest-out');
    for (const name of await env.api.services.credentials.listProfiles()) {
      if (name !== 'itest-out') await env.api.services.credentials.deleteProfile(name);
    }
    await env.api.services.credentials.setActive('itest-out');
    await env.api.services.session.reload();
    await vscode.commands.executeCommand('swas.signOut');
    assert.deepEqual(await env.api.services.credentials.listProfiles(), []);
    assert.equal(await env.api.services.credentials.getProfile('itest-out'), undefined);
    assert.equal(env.api.services.session.signedIn, false);
    assert.deepEqual(await env.api.children(), []);
    await signInDemo(env);
  });
});
