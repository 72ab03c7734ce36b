// The remote-access commands live in dist/remote.js, loaded on the first run of one of them
// (src/commands/remoteLoader.ts). Runs right after activation.itest (file order): nothing has
// run a remote command yet. Then, in the real extension host against the emulator: Enable
// Firewall Rule on a rule node of the tree (the lazy code's `instanceof FirewallRuleNode` must see
// the main bundle's class) changes the rule; a Cancelled thrown by the lazy code (declining the
// "authorise a key" choice of Open SSH Terminal) ends the command quietly, as the runner does
// for the main bundle's Cancelled: no error logged or shown.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerPrompts } from '../../../src/commands/servers/prompts';
import { SshConnections } from '../../../src/platform/sshConnections';
import type { TestEnv } from './testEnv';
import { resetEmulator, row, signInDemo, testEnv } from './testEnv';

const loadedBundles = (): string[] => Object.keys(require.cache).filter((k) => /[\\/]dist[\\/](remote|extension)\.js$/.test(k));

suite('The remote commands load on first use', function () {
  this.timeout(60_000);
  const HZ = 'cn-hangzhou';
  let env: TestEnv;
  let original: ServerPrompts;
  const errors: string[] = [];

  suiteSetup(async () => {
    env = await testEnv();
    original = env.api.services.prompts;
    const logger = env.api.services.logger;
    const error = logger.error.bind(logger);
    logger.error = (m: string) => {
      errors.push(m);
      error(m);
    };
  });
  suiteTeardown(() => {
    env.api.services.prompts = original;
  });

  test('after activation only dist/extension.js is loaded, not dist/remote.js', () => {
    const loaded = loadedBundles();
    assert.ok(
      loaded.some((k) => k.endsWith('extension.js')),
      `dist/extension.js is in require.cache (${loaded.join(', ')})`,
    );
    assert.ok(!loaded.some((k) => k.endsWith('remote.js')), 'dist/remote.js was loaded before any remote command ran');
  });

  test('Enable Firewall Rule on a rule node loads dist/remote.js and enables that rule in the emulator', async () => {
    await signInDemo(env);
    await resetEmulator(env);
    const api = env.api.services.api();
    assert.ok(api, 'signed in');
    const server = await row(
      env,
      (await env.api.children()).find((x) => x.description === HZ),
      'web-prod-1',
    );
    const firewall = await row(env, server, 'Firewall');
    const instanceId = (await env.api.services.regions.load(HZ)).instances.find((i) => i.instanceName === 'web-prod-1')?.instanceId ?? '';
    const [first] = await api.remote.listFirewallRules(HZ, instanceId);
    assert.ok(first, 'web-prod-1 has a firewall rule');
    await api.remote.setFirewallRuleEnabled({
      regionId: HZ,
      instanceId,
      ruleId: first.ruleId,
      enabled: false,
      clientToken: 'itest-lazy-disable',
    });
    const rule = (await env.api.children(firewall.node)).find((r) => r.id.endsWith(`/${first.ruleId}`));
    assert.ok(rule, 'the disabled rule is a row under Firewall');
    assert.ok(!loadedBundles().some((k) => k.endsWith('remote.js')), 'dist/remote.js is still not loaded');
    await vscode.commands.executeCommand('swas.enableFirewallRule', rule.node, [rule.node]);
    assert.ok(
      loadedBundles().some((k) => k.endsWith('remote.js')),
      'dist/remote.js is loaded now',
    );
    const after = (await api.remote.listFirewallRules(HZ, instanceId)).find((r) => r.ruleId === first.ruleId);
    assert.equal(after?.policy, 'accept', 'the rule is enabled again');
    assert.deepEqual(errors, []);
  });

  test('a Cancelled thrown by the lazy code ends the command quietly (no error logged or shown)', async () => {
    const regions = await env.api.services.regions.load(HZ);
    const id = regions.instances.find((i) => i.instanceName === 'web-prod-1')?.instanceId ?? '';
    assert.ok(id);
    // Known from an earlier Connect: root on port 22, no key yet; the ssh config is not written.
    const connections = new SshConnections(env.api.services.context.globalState);
    await connections.set('default', id, { user: 'root', port: 22 });
    await connections.setConfigConsent('no');
    const asked: string[] = [];
    env.api.services.prompts = {
      ...original,
      confirm: (message) => {
        asked.push(message);
        return Promise.resolve(undefined);
      },
    };
    const server = await row(
      env,
      (await env.api.children()).find((x) => x.description === HZ),
      'web-prod-1',
    );
    const result = await vscode.commands.executeCommand('swas.openSshTerminal', server.node);
    assert.equal(result, undefined);
    assert.deepEqual(errors, [], "the runner logged the Cancelled as an error: it is not the main bundle's class");
    assert.ok(
      asked.some((m) => m.startsWith('No key of yours')),
      `asked: ${asked.join(' | ')}`,
    );
  });
});
