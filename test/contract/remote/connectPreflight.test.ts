// The Connect preflight's core (connectPreflight) through the real client and the emulator with
// its SSH daemons: a fresh server gets a new ed25519 key (real ssh-keygen) installed through
// RunCommand, the ssh config written, and the real OpenSSH client reaches a shell prompt with that
// config alone; the second connect costs no API call. A closed firewall asks for a rule and adds
// it; an offline agent stops before any key is made. Everything in a scratch folder.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instance } from '../../../src/core/model';
import { connectPreflight } from '../../../src/core/remote/connectPreflight';
import type { PreflightEnv } from '../../../src/core/remote/connectPreflight';
import { silentLogger } from '../../../src/core/logger';
import type { SwasApi } from '../../../src/core/swasApi';
import { memoryStore, scriptedUi, sshToPrompt } from '../../fixtures/preflight';
import { countByAction, startHarness } from '../client/harness';
import type { Harness } from '../client/harness';

let h: Harness;
let api: SwasApi;
let dir: string;
let web: Instance;

function env(): PreflightEnv {
  // Each wait between result polls ends when the emulator says the runs have ended (an event).
  let now = 0;
  return {
    remote: api.remote,
    configFile: join(dir, 'config'),
    keyDir: dir,
    logger: silentLogger,
    run: { now: () => now, sleep: async (ms) => void ((now += ms), await h.admin('GET', '/invocations/finished')) },
  };
}

async function sshPort(instanceId: string): Promise<number> {
  const m = ((await h.admin('GET', '/machines')) as { machines: Array<{ instanceId: string; sshPort: number }> }).machines.find(
    (x) => x.instanceId === instanceId,
  );
  assert.ok(m?.sshPort);
  return m.sshPort;
}

before(async () => {
  h = await startHarness({ ssh: true });
  api = h.client();
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin('POST', '/reset');
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), 'swas-preflight-'));
  const page = await api.listInstances('cn-hangzhou', {}, { fresh: true });
  const found = page.items.find((i) => i.status === 'Running' && i.osType !== 'Windows');
  assert.ok(found);
  web = found;
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a fresh server: firewall read, agent checked, new key installed, config written, ssh reaches a prompt; again: 0 calls', async () => {
  const store = memoryStore();
  const ui = scriptedUi({ key: 'new' });
  await h.clearRequests();
  const conn = await connectPreflight(web, store, ui, env());
  assert.deepEqual(countByAction(await h.requests()), {
    ListFirewallRules: 1,
    DescribeCloudAssistantStatus: 1,
    RunCommand: 1,
    DescribeInvocationResult: 1,
  });
  assert.deepEqual(ui.asked, ['settings', 'authorize root', 'key of 0', 'authorizing', 'consent']);
  assert.ok(conn.alias && conn.identityFile && conn.authorizedKey);
  assert.equal(statSync(conn.identityFile).mode & 0o777, 0o600);
  assert.match(
    readFileSync(join(dir, 'config'), 'utf8'),
    new RegExp(`Host ${conn.alias}\\n  HostName ${web.publicIpAddress.replace(/\./g, '\\.')}\\n  User root\\n  Port 22\\n  IdentityFile `),
  );
  const port = await sshPort(web.instanceId);
  assert.match((await sshToPrompt(join(dir, 'config'), conn.alias, join(dir, 'known_hosts'), port)).output, /root@[^:]+:~# /);

  await h.clearRequests();
  const again = scriptedUi();
  const conn2 = await connectPreflight(web, store, again, env());
  assert.deepEqual(await h.requests(), [], 'a server set up before costs no API call');
  assert.deepEqual(again.asked, []);
  assert.deepEqual(conn2, conn);
  assert.match((await sshToPrompt(join(dir, 'config'), conn.alias, join(dir, 'known_hosts'), port)).output, /root@[^:]+:~# /);
});

test('a firewall without an SSH rule: the user is asked for a source, one rule is added, then the key', async () => {
  const rules = await api.remote.listFirewallRules(web.regionId, web.instanceId);
  const ssh = rules.filter((r) => r.port === '22');
  await api.remote.deleteFirewallRules({
    regionId: web.regionId,
    instanceId: web.instanceId,
    ruleIds: ssh.map((r) => r.ruleId),
    clientToken: `del-${Date.now()}`,
  });
  const ui = scriptedUi({ firewallSource: '127.0.0.0/8' });
  await h.clearRequests();
  await connectPreflight(web, memoryStore(), ui, env());
  assert.equal(countByAction(await h.requests()).CreateFirewallRules, 1);
  assert.deepEqual(ui.asked.slice(0, 2), ['settings', 'firewall 22']);
  const after22 = (await api.remote.listFirewallRules(web.regionId, web.instanceId)).filter((r) => r.port === '22');
  assert.deepEqual(
    after22.map((r) => r.sourceCidrIp),
    ['127.0.0.0/8'],
  );
});

test('Cloud Assistant offline: stopped before any key is made or command run; the connection settings are kept', async () => {
  await h.admin('POST', `/machines/${web.instanceId}/cloud-assistant`, { online: false });
  const store = memoryStore();
  const ui = scriptedUi();
  await h.clearRequests();
  await assert.rejects(connectPreflight(web, store, ui, env()), /agent offline/);
  assert.equal((await h.requests('RunCommand')).length, 0);
  assert.deepEqual(readdirSync(dir), [], 'no key file, no config');
  assert.deepEqual(store.get(), { user: 'root', port: 22 });
});

test('consent "no": the key is installed, the config file is never written, and ssh args fall back to the key', async () => {
  const store = memoryStore();
  const conn = await connectPreflight(web, store, scriptedUi({ consent: 'no' }), env());
  assert.equal(conn.alias, undefined);
  assert.ok(conn.identityFile);
  assert.equal(readdirSync(dir).includes('config'), false);
  assert.equal(store.configConsent(), 'no');
});
