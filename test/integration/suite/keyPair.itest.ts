// "Authorize a key" choosing "Attach as a SWAS key pair", in the real extension host against the
// emulator: SWAS: Open SSH Terminal on a server with no key authorised yet → the choice → a new
// ed25519 key (made by ssh-keygen in the host's ~/.ssh) → the confirmation naming the pair it
// replaces → ImportKeyPair + AttachKeyPair; the server's root authorized_keys then holds the key.
// With the rsa-only-key-pairs variant, the refused ed25519 key leads to an RSA key instead.
// The dialogs are answered through services.prompts (the e2e suite answers the real ones).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ServerPrompts } from '../../../src/commands/servers/prompts';
import { SshConnections } from '../../../src/platform/sshConnections';
import type { TestEnv } from './testEnv';
import { adminCall, resetEmulator, row, signInDemo, testEnv } from './testEnv';

interface Asked {
  kind: string;
  message: string;
  detail: string;
  buttons: string[];
}

type Answer = (a: Asked) => string | number | undefined;

function scripted(answer: Answer, asked: Asked[]): ServerPrompts {
  return {
    confirm: async (message, detail, buttons) => {
      const a = { kind: 'confirm', message, detail, buttons };
      asked.push(a);
      const r = answer(a);
      return typeof r === 'string' ? r : undefined;
    },
    input: async () => undefined,
    pick: async (items) => {
      const a = { kind: 'pick', message: '', detail: '', buttons: items.map((i) => i.label) };
      asked.push(a);
      const r = answer(a);
      return typeof r === 'number' ? items[r] : undefined;
    },
    pickMany: async () => undefined,
    info: async () => undefined,
  };
}

/** Chooses the key-pair way, a new key, and every confirmation's first button (or `onRefused`'s). */
function keyPairWay(onRefused?: (buttons: string[]) => string | undefined): Answer {
  return (a) => {
    if (a.kind === 'pick') return a.buttons.findIndex((l) => l.includes('Create a new key'));
    if (a.message.startsWith('No key of yours')) return a.buttons.find((b) => b.includes('SWAS Key Pair'));
    if (a.message.startsWith('SWAS did not accept')) return onRefused?.(a.buttons);
    return a.buttons[0];
  };
}

suite('Authorize a key as a SWAS key pair', function () {
  this.timeout(90_000);
  const HZ = 'cn-hangzhou';
  let env: TestEnv;
  let original: ServerPrompts;
  let variantsBefore: unknown;

  const webRow = async () =>
    row(
      env,
      (await env.api.children()).find((x) => x.description === HZ),
      'web-prod-1',
    );
  const webId = async () =>
    (await env.api.services.regions.load(HZ)).instances.find((i) => i.instanceName === 'web-prod-1')?.instanceId ?? '';
  const remote = () => {
    const api = env.api.services.api();
    assert.ok(api, 'signed in');
    return api.remote;
  };
  const connections = () => new SshConnections(env.api.services.context.globalState);

  async function openTerminal(): Promise<void> {
    const t = await vscode.commands.executeCommand<vscode.Terminal | undefined>('swas.openSshTerminal', (await webRow()).node);
    t?.dispose();
  }

  suiteSetup(async () => {
    env = await testEnv();
    original = env.api.services.prompts;
    await signInDemo(env);
    variantsBefore = (await adminCall<{ variants: string[] }>(env, 'GET', '/variants')).variants;
  });
  setup(async () => {
    await resetEmulator(env);
    const id = await webId();
    assert.ok(id);
    // Known from an earlier Connect: root on port 22, no key yet; the ssh config is not written.
    await connections().set('default', id, { user: 'root', port: 22 });
    await connections().setConfigConsent('no');
  });
  teardown(async () => {
    env.api.services.prompts = original;
    await adminCall(env, 'PUT', '/variants', { variants: variantsBefore });
  });

  test("imports a new ed25519 key, attaches it in place of the bound pair, and root's authorized_keys holds it", async () => {
    const id = await webId();
    const old = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBvGZ1j1mU6yYt3jXr2u8pE4yWv2nq0H0yEJk0c8Xv1A';
    await remote().importKeyPair({ regionId: HZ, name: 'old-pair', publicKey: old, clientToken: 'itest-old-import' });
    await remote().attachKeyPair({ regionId: HZ, name: 'old-pair', instanceIds: [id], clientToken: 'itest-old-attach' });
    const asked: Asked[] = [];
    env.api.services.prompts = scripted(keyPairWay(), asked);
    await openTerminal();
    const [choice, pick, confirm] = asked;
    assert.deepEqual(choice?.buttons, ['Authorize a Key through Cloud Assistant (Recommended)', 'Attach as a SWAS Key Pair…']);
    assert.equal(pick?.kind, 'pick');
    assert.match(confirm?.message ?? '', /^Attach the key pair "swas_web-prod-1_ed25519(_\d+)?-[0-9a-f]{8}" to web-prod-1\?$/);
    assert.match(confirm?.detail ?? '', /replaces the key pair "old-pair"/);
    assert.match(confirm?.detail ?? '', /restart/);
    assert.match(confirm?.detail ?? '', /password login/);
    const conn = connections().get('default', id);
    assert.ok(conn?.identityFile && conn.authorizedKey, 'the key is remembered as authorised');
    const publicKey = readFileSync(`${conn.identityFile}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
    const pairs = await remote().listKeyPairs(HZ);
    assert.deepEqual(
      pairs.map((p) => [p.name.startsWith('swas_web-prod-1_ed25519') ? 'ours' : p.name, p.instanceIds]),
      [
        ['old-pair', []],
        ['ours', [id]],
      ],
    );
    const file = await adminCall<{ content: string }>(env, 'GET', `/machines/${id}/file?path=/root/.ssh/authorized_keys`);
    assert.ok(file.content.includes(publicKey), "the attached key is in root's authorized_keys");
    assert.ok(!file.content.includes(old.split(' ')[1] ?? '-'), 'the replaced pair is gone from it');
  });

  test('an identical pair already imported is reused: no second ImportKeyPair', async () => {
    env.api.services.prompts = scripted(keyPairWay(), []);
    await openTerminal();
    const id = await webId();
    const first = connections().get('default', id);
    assert.ok(first?.identityFile);
    await remote().detachKeyPair({
      regionId: HZ,
      name: (await remote().listKeyPairs(HZ))[0]?.name ?? '',
      instanceIds: [id],
      clientToken: 'itest-detach',
    });
    // Forget the key on our side; the next Connect picks the same key file again.
    await connections().set('default', id, { user: 'root', port: 22 });
    const asked: Asked[] = [];
    env.api.services.prompts = scripted(
      (a) =>
        a.kind === 'pick' ? a.buttons.findIndex((l) => l.includes(`${first.identityFile?.split('/').pop() ?? ''}.pub`)) : keyPairWay()(a),
      asked,
    );
    await adminCall(env, 'DELETE', '/requests');
    await openTerminal();
    assert.match(asked.find((a) => a.message.startsWith('Attach the key pair'))?.detail ?? '', /is reused/);
    const actions = (await adminCall<{ requests: Array<{ action: string }> }>(env, 'GET', '/requests')).requests.map((r) => r.action);
    assert.ok(!actions.includes('ImportKeyPair'), actions.join(', '));
    assert.ok(actions.includes('AttachKeyPair'));
    assert.deepEqual(
      (await remote().listKeyPairs(HZ)).map((p) => p.instanceIds),
      [[id]],
    );
  });

  test('when SWAS refuses the ed25519 key (rsa-only-key-pairs variant), it says so and attaches a new RSA key instead', async () => {
    await adminCall(env, 'PUT', '/variants', { variants: ['rsa-only-key-pairs'] });
    const asked: Asked[] = [];
    env.api.services.prompts = scripted(
      keyPairWay((b) => b.find((x) => x.includes('RSA'))),
      asked,
    );
    await openTerminal();
    const refused = asked.find((a) => a.message.startsWith('SWAS did not accept'));
    assert.match(refused?.message ?? '', /ssh-ed25519/);
    assert.deepEqual(refused?.buttons, ['Use a New RSA Key', 'Use Cloud Assistant']);
    const pairs = await remote().listKeyPairs(HZ);
    assert.equal(pairs.length, 1);
    assert.match(pairs[0]?.publicKey ?? '', /^ssh-rsa /);
    const conn = connections().get('default', await webId());
    assert.match(conn?.identityFile ?? '', /_rsa(_\d+)?$/);
  });
});
