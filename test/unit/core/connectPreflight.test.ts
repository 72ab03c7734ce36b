// The preflight's decisions with a counting stand-in for the remote API (no emulator): what is
// asked, which calls are made, what is remembered. The emulator run is test/contract/remote/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizeProblem, connectPreflight, keyReady } from '../../../src/core/remote/connectPreflight';
import type { PreflightTarget } from '../../../src/core/remote/connectPreflight';
import type { RemoteAccessApi } from '../../../src/core/remote/remoteAccessClient';
import type { InvocationResult } from '../../../src/core/remote/remoteModel';
import { silentLogger } from '../../../src/core/logger';
import type { KeyFile } from '../../../src/core/ssh/sshKeys';
import { memoryStore, scriptedUi } from '../../fixtures/preflight';

const T: PreflightTarget = { regionId: 'r', instanceId: 'i-1', instanceName: 'web', osType: 'Linux', publicIpAddress: '127.0.0.9' };
const KEY: KeyFile = {
  privatePath: '/keys/id_ed25519',
  publicKey: { type: 'ssh-ed25519', base64: 'AAAAC3NzaC1lZDI1NTE5AAAAIExisting' },
  comment: 'me',
};
const result = (status: InvocationResult['status']): InvocationResult => ({
  invokeId: 'inv',
  instanceId: 'i-1',
  status,
  rawStatus: status,
  exitCode: 0,
  output: 'out\n',
  errorCode: '',
  errorInfo: '',
});

function fakeRemote(o: { port22?: boolean; online?: boolean; status?: InvocationResult['status'] } = {}): {
  api: RemoteAccessApi;
  calls: string[];
} {
  const calls: string[] = [];
  const call = <V>(name: string, v: V): Promise<V> => (calls.push(name), Promise.resolve(v));
  const api = {
    listFirewallRules: () =>
      call(
        'ListFirewallRules',
        o.port22 === false ? [] : [{ ruleId: 'f', port: '22', protocol: 'TCP', sourceCidrIp: '0.0.0.0/0', policy: 'accept', remark: '' }],
      ),
    createFirewallRules: () => call('CreateFirewallRules', { ruleIds: ['n'], requestId: 'q' }),
    cloudAssistantStatus: () => call('DescribeCloudAssistantStatus', new Map([['i-1', o.online !== false]])),
    runCommand: () => call('RunCommand', { invokeId: 'inv', requestId: 'q' }),
    invocationResult: () => call('DescribeInvocationResult', result(o.status ?? 'Success')),
  } as unknown as RemoteAccessApi;
  return { api, calls };
}

function withDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'swas-preflight-unit-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const env = (api: RemoteAccessApi, dir: string) => ({
  remote: api,
  configFile: join(dir, 'config'),
  keyDir: dir,
  logger: silentLogger,
  run: { now: () => 0, sleep: () => Promise.resolve() },
});

describe('connectPreflight', () => {
  it('a server set up before: no question, no call, the remembered connection', async () => {
    const { api, calls } = fakeRemote();
    const ui = scriptedUi();
    const known = { user: 'ubuntu', port: 2222, identityFile: '/k', authorizedKey: 'AAAA', alias: 'swas-web' };
    const conn = await connectPreflight(T, memoryStore(known), ui, env(api, '/nonexistent'));
    assert.deepEqual(calls, []);
    assert.deepEqual(ui.asked, []);
    assert.deepEqual(conn, known);
  });

  it('an existing key, the port open: 4 calls, the key remembered by path, config written once consented', () =>
    withDir(async (dir) => {
      const { api, calls } = fakeRemote();
      const store = memoryStore();
      const ui = scriptedUi({ key: 'first' });
      ui.chooseKey = () => Promise.resolve(KEY);
      const conn = await connectPreflight(T, store, ui, env(api, dir));
      assert.deepEqual(calls, ['ListFirewallRules', 'DescribeCloudAssistantStatus', 'RunCommand', 'DescribeInvocationResult']);
      assert.deepEqual(conn, {
        user: 'root',
        port: 22,
        identityFile: KEY.privatePath,
        authorizedKey: KEY.publicKey.base64,
        alias: 'swas-web',
      });
      assert.deepEqual(store.get(), conn);
      assert.equal(store.configConsent(), 'yes');
    }));

  it('the port closed and the user declines the rule: stopped before any write', () =>
    withDir(async (dir) => {
      const { api, calls } = fakeRemote({ port22: false });
      await assert.rejects(connectPreflight(T, memoryStore(), scriptedUi(), env(api, dir)), /declined: firewall rule/);
      assert.deepEqual(calls, ['ListFirewallRules']);
    }));

  it('the script fails on the server: a clear error naming the status, nothing remembered as installed', () =>
    withDir(async (dir) => {
      const { api } = fakeRemote({ status: 'Failed' });
      const store = memoryStore();
      const ui = scriptedUi();
      ui.chooseKey = () => Promise.resolve(KEY);
      await assert.rejects(connectPreflight(T, store, ui, env(api, dir)), /authorize failed: Failed: out/);
      assert.equal(keyReady(store.get()), false);
    }));

  it('a key remembered but its alias not written (consent was no): asks nothing, calls nothing, writes nothing', async () => {
    const { api, calls } = fakeRemote();
    const store = memoryStore({ user: 'root', port: 22, identityFile: '/k', authorizedKey: 'AAAA' });
    await store.setConfigConsent('no');
    const conn = await connectPreflight(T, store, scriptedUi(), env(api, '/nonexistent'));
    assert.deepEqual(calls, []);
    assert.equal(conn.alias, undefined);
  });
});

describe('keyReady / authorizeProblem', () => {
  it('ready only with both the key path and the installed key', () => {
    assert.equal(keyReady(undefined), false);
    assert.equal(keyReady({ user: 'u', port: 22, identityFile: '/k' }), false);
    assert.equal(keyReady({ user: 'u', port: 22, authorizedKey: 'A' }), false);
    assert.equal(keyReady({ user: 'u', port: 22, identityFile: '/k', authorizedKey: 'A' }), true);
  });
  it('names what went wrong', () => {
    const target = { regionId: 'r', instanceId: 'i', instanceName: 'n', osType: 'Linux' as const };
    assert.equal(authorizeProblem({ target, result: result('Success') }), undefined);
    assert.equal(authorizeProblem({ target, result: { ...result('Timeout'), errorInfo: 'too slow' } }), 'Timeout: too slow');
    assert.equal(authorizeProblem({ target, stillRunning: true }), 'still running');
    assert.equal(authorizeProblem(undefined), 'not started');
  });
});
