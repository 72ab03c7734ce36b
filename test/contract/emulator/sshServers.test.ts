// Each Running Linux server of the emulator answers the real OpenSSH client on its loopback
// public IP: only keys in its own authorized_keys, behind its SWAS firewall, only while Running,
// and a command typed there changes that server's disk (which the admin API shows).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type RPCClient from '@alicloud/pop-core';
import type { RunningEmulator } from '../../emulator/index';
import { makeKey, ssh, sshTty } from '../../fixtures/openssh';
import type { TestKey } from '../../fixtures/openssh';
import { admin, call, demoIds, pop, start } from './harness';
import type { Json } from './harness';

let emu: RunningEmulator;
let client: RPCClient;
let key: TestKey;
let web: { id: string; ip: string; port: number };
const R = { RegionId: 'cn-hangzhou' };

async function target(instanceId: string): Promise<{ id: string; ip: string; port: number }> {
  const m = ((await admin(emu, 'GET', '/machines')).machines as Json[]).find((x) => x.instanceId === instanceId);
  assert.ok(m && typeof m.sshPort === 'number', `server ${instanceId} has an SSH daemon`);
  assert.match(String(m.publicIp), /^127\./, 'loopback public IP');
  return { id: instanceId, ip: String(m.publicIp), port: m.sshPort };
}

async function authorize(instanceId: string, publicKey: string): Promise<void> {
  const script = `mkdir -p /root/.ssh && chmod 700 /root/.ssh && grep -qxF '${publicKey}' /root/.ssh/authorized_keys 2>/dev/null || echo '${publicKey}' >> /root/.ssh/authorized_keys`;
  const { InvokeId } = await call(client, 'RunCommand', { ...R, InstanceId: instanceId, CommandContent: script, Type: 'RunShellScript' });
  await admin(emu, 'GET', `/invocations/${String(InvokeId)}/finished`);
  const res = (await call(client, 'DescribeInvocationResult', { ...R, InstanceId: instanceId, InvokeId })).InvocationResult as Json;
  assert.equal(res.InvocationStatus, 'Success');
}

before(async () => {
  emu = await start({ ssh: true });
  client = pop(emu);
  key = makeKey();
});
after(async () => {
  await emu.stop();
  key.dispose();
});
beforeEach(async () => {
  // A reset wipes the disks, so every server gets a new host key: forget the old ones.
  rmSync(key.knownHosts, { force: true });
  await admin(emu, 'POST', '/reset');
  web = await target(String((await demoIds(client)).web.InstanceId));
});

test('a key that is not authorised is refused; RunCommand authorises it and ssh runs a command there', async () => {
  const denied = await ssh(key, web, 'true');
  assert.equal(denied.code, 255);
  assert.match(denied.stderr, /Permission denied \(publickey\)/);
  await authorize(web.id, key.publicKey);
  const ok = await ssh(key, web, 'cat /etc/hostname; echo "made over ssh" > /root/over-ssh.txt; exit 7');
  assert.equal(ok.code, 7);
  assert.equal(ok.stdout, 'web-prod-1\n');
  const file = await admin(emu, 'GET', `/machines/${web.id}/file?path=/root/over-ssh.txt`);
  assert.equal(file.content, 'made over ssh\n');
});

test('stdin reaches the command and stderr comes back apart from stdout', async () => {
  await authorize(web.id, key.publicKey);
  const r = await ssh(key, web, 'cat > /root/in.txt; wc -c < /root/in.txt; echo oops >&2', 'twelve bytes');
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), '12');
  assert.equal(r.stderr.trim(), 'oops');
});

test('the SWAS firewall decides: no rule for TCP 22 → no SSH; a rule for 127.0.0.1/32 → SSH again', async () => {
  await authorize(web.id, key.publicKey);
  const rules = (await call(client, 'ListFirewallRules', { ...R, InstanceId: web.id })).FirewallRules as Json[];
  const r22 = rules.find((r) => r.Port === '22');
  await call(client, 'DeleteFirewallRule', { ...R, InstanceId: web.id, RuleId: r22?.RuleId });
  const cut = await ssh(key, web, 'true');
  assert.equal(cut.code, 255);
  assert.match(cut.stderr, /Connection (closed|reset)|kex_exchange_identification/);
  await call(client, 'CreateFirewallRules', {
    ...R,
    InstanceId: web.id,
    FirewallRules: JSON.stringify([{ Port: '22', RuleProtocol: 'TCP', SourceCidrIp: '10.0.0.0/8' }]),
  });
  assert.equal((await ssh(key, web, 'true')).code, 255, 'a rule for another source does not let us in');
  await call(client, 'CreateFirewallRules', {
    ...R,
    InstanceId: web.id,
    FirewallRules: JSON.stringify([{ Port: '22', RuleProtocol: 'TCP', SourceCidrIp: '127.0.0.1/32' }]),
  });
  assert.equal((await ssh(key, web, 'true')).code, 0);
});

test('a Stopped server refuses SSH, and accepts it again once Running', async () => {
  await authorize(web.id, key.publicKey);
  await admin(emu, 'POST', `/servers/${web.id}/status`, { status: 'Stopped' });
  assert.equal((await ssh(key, web, 'true')).code, 255);
  await admin(emu, 'POST', `/servers/${web.id}/status`, { status: 'Running' });
  assert.equal((await ssh(key, web, 'true')).code, 0);
});

test("the host key is the server's own (on its disk): stable across connections, new once the disk is wiped", async () => {
  await authorize(web.id, key.publicKey);
  assert.equal((await ssh(key, web, 'true')).code, 0);
  const hostPub = await admin(emu, 'GET', `/machines/${web.id}/file?path=/etc/ssh/ssh_host_ed25519_key.pub`);
  assert.match(String(hostPub.content), /^ssh-ed25519 /);
  assert.equal((await ssh(key, web, 'true')).code, 0, 'StrictHostKeyChecking passes on the second connection');
  await admin(emu, 'POST', '/reset');
  const again = await target(web.id);
  await authorize(again.id, key.publicKey);
  const changed = await ssh(key, again, 'true');
  assert.equal(changed.code, 255);
  assert.match(changed.stderr, /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
});

test("an interactive login (with a pty) shows the server's prompt and runs what is typed", async () => {
  await authorize(web.id, key.publicKey);
  const r = await sshTty(key, web, 'echo typed-$((6*7)) > /root/typed.txt; cat /root/typed.txt\nexit\n');
  assert.match(r.stdout, /root@web-prod-1:~# /);
  assert.match(r.stdout, /typed-42/);
  assert.equal((await admin(emu, 'GET', `/machines/${web.id}/file?path=/root/typed.txt`)).content, 'typed-42\n');
});
