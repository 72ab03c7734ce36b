// Run Command's core through the real client and the emulator: several servers, one script, each
// followed to its end; a key installed by the authorize script really lets OpenSSH in; a failed
// start on one server does not hide the others. The wait between polls is injected: it returns
// when the emulator says every run going now has ended (an event, not a sleep).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizeKeyScript, parsePublicKey, removeOurKeysScript } from '../../../src/core/remote/authorizeKey';
import { runOnServers } from '../../../src/core/remote/runOnServers';
import type { RunDeps, RunTarget } from '../../../src/core/remote/runOnServers';
import type { SwasApi } from '../../../src/core/swasApi';
import { makeKey, ssh } from '../../fixtures/openssh';
import { startHarness } from '../client/harness';
import type { Harness } from '../client/harness';

let h: Harness;
let api: SwasApi;
let servers: RunTarget[];

/** A virtual clock; each wait ends when the emulator's runs have ended (or at once, to race the deadline). */
function deps(waitForRuns = true): RunDeps {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      if (waitForRuns) await h.admin('GET', '/invocations/finished');
    },
  };
}

before(async () => {
  h = await startHarness({ ssh: true });
  api = h.client();
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin('POST', '/reset');
  const page = await api.listInstances('cn-hangzhou', {}, { fresh: true });
  servers = page.items
    .filter((i) => i.status === 'Running')
    .map((i) => ({ regionId: i.regionId, instanceId: i.instanceId, instanceName: i.instanceName, osType: i.osType }));
  assert.ok(servers.length >= 1);
});

test('one script on two servers: each output and exit code, one RunCommand each', async () => {
  await h.admin(
    'POST',
    `/servers/${(await api.listInstances('cn-hangzhou', {}, { fresh: true })).items.find((i) => i.status === 'Stopped')?.instanceId ?? ''}/status`,
    { status: 'Running' },
  );
  const page = await api.listInstances('cn-hangzhou', {}, { fresh: true });
  const two = page.items
    .filter((i) => i.status === 'Running')
    .slice(0, 2)
    .map((i) => ({ regionId: i.regionId, instanceId: i.instanceId, instanceName: i.instanceName, osType: i.osType }));
  assert.equal(two.length, 2);
  await h.clearRequests();
  const out = await runOnServers(api.remote, two, 'cat /etc/hostname; exit 4', { timeoutSeconds: 60, workingUser: 'root' }, deps());
  assert.deepEqual(
    out.map((o) => [o.result?.status, o.result?.exitCode, o.result?.output]),
    two.map((t) => ['Failed', 4, `${t.instanceName}\n`]),
  );
  assert.equal((await h.requests('RunCommand')).length, 2);
});

test('a server that cannot run it reports its own error; the others still finish', async () => {
  const page = await api.listInstances('cn-hangzhou', {}, { fresh: true });
  const stopped = page.items.find((i) => i.status === 'Stopped');
  assert.ok(stopped);
  const targets = [
    servers[0] as RunTarget,
    { regionId: stopped.regionId, instanceId: stopped.instanceId, instanceName: stopped.instanceName, osType: stopped.osType },
  ];
  const out = await runOnServers(api.remote, targets, 'echo ok', { timeoutSeconds: 60, workingUser: 'root' }, deps());
  assert.equal(out[0]?.result?.status, 'Success');
  assert.equal(out[0]?.result?.output, 'ok\n');
  assert.equal(out[1]?.error?.code, 'IncorrectInstanceStatus');
  assert.equal(out[1]?.result, undefined);
});

test('a run that outlives its deadline is reported as still running, not as a failure', async () => {
  const out = await runOnServers(
    api.remote,
    [servers[0] as RunTarget],
    'sleep 20',
    { timeoutSeconds: 10, workingUser: 'root' },
    deps(false),
  );
  assert.equal(out[0]?.stillRunning, true);
  assert.equal(out[0]?.error, undefined);
  await h.admin('GET', '/invocations/finished');
});

test('the authorize script installs the key once (idempotent), OpenSSH gets in, and the removal script takes it out', async () => {
  const key = makeKey();
  try {
    const pub = parsePublicKey(key.publicKey);
    assert.ok(pub);
    const web = servers[0] as RunTarget;
    for (let i = 0; i < 2; i++) {
      const [o] = await runOnServers(
        api.remote,
        [web],
        authorizeKeyScript(pub, 'swas-web'),
        { timeoutSeconds: 60, workingUser: 'root' },
        deps(),
      );
      assert.equal(o?.result?.status, 'Success', o?.result?.output);
    }
    const file = (await h.admin('GET', `/machines/${web.instanceId}/file?path=/root/.ssh/authorized_keys`)) as { content: string };
    assert.equal(file.content.split('\n').filter((l) => l.includes(pub.base64)).length, 1, 'one line, however often it runs');
    assert.match(file.content, / swas-explorer:swas-web\n$/);
    const m = (
      (await h.admin('GET', '/machines')) as { machines: Array<{ instanceId: string; publicIp: string; sshPort: number }> }
    ).machines.find((x) => x.instanceId === web.instanceId);
    assert.ok(m);
    assert.equal((await ssh(key, { ip: m.publicIp, port: m.sshPort }, 'echo in')).stdout, 'in\n');
    await runOnServers(api.remote, [web], removeOurKeysScript(), { timeoutSeconds: 60, workingUser: 'root' }, deps());
    assert.equal((await ssh(key, { ip: m.publicIp, port: m.sshPort }, 'echo in')).code, 255);
  } finally {
    key.dispose();
  }
});

test('a key file already missing its final newline keeps its last key intact', async () => {
  const web = servers[0] as RunTarget;
  await h.admin('PUT', `/machines/${web.instanceId}/file`, {
    path: '/root/.ssh/authorized_keys',
    content: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExisting other@host',
  });
  const pub = parsePublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINew me@laptop');
  assert.ok(pub);
  await runOnServers(api.remote, [web], authorizeKeyScript(pub, 'x'), { timeoutSeconds: 60, workingUser: 'root' }, deps());
  const file = (await h.admin('GET', `/machines/${web.instanceId}/file?path=/root/.ssh/authorized_keys`)) as { content: string };
  assert.equal(
    file.content,
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExisting other@host\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINew swas-explorer:x\n',
  );
});
