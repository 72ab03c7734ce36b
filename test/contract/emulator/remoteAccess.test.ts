// The emulator's remote access (issue 12): firewall rules, Cloud Assistant (commands really run in
// the server's sandbox, over its own disk folder), LoginInstance — through pop-core and the SDK.
// Codes marked GUESS in test/emulator/README.md are named so here.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import type RPCClient from '@alicloud/pop-core';
import * as $Swas from '@alicloud/swas-open20200601';
import type { RunningEmulator } from '../../emulator/index';
import { admin, call, demoIds, pop, raw, rejects, sdk, start } from './harness';
import type { Json } from './harness';

let emu: RunningEmulator;
let client: RPCClient;
let web: string;
let db: string;
const R = { RegionId: 'cn-hangzhou' };

before(async () => {
  emu = await start();
  client = pop(emu);
});
after(() => emu.stop());
beforeEach(async () => {
  await admin(emu, 'POST', '/reset');
  const ids = await demoIds(client);
  web = String(ids.web.InstanceId);
  db = String(ids.db.InstanceId);
});

async function rules(instanceId: string): Promise<Json[]> {
  return (await call(client, 'ListFirewallRules', { ...R, InstanceId: instanceId, PageSize: 100 })).FirewallRules as Json[];
}

async function runAndWait(instanceId: string, script: string, extra: Json = {}): Promise<Json> {
  const { InvokeId } = await call(client, 'RunCommand', {
    ...R,
    InstanceId: instanceId,
    CommandContent: script,
    Type: 'RunShellScript',
    ...extra,
  });
  await admin(emu, 'GET', `/invocations/${String(InvokeId)}/finished`);
  return (await call(client, 'DescribeInvocationResult', { ...R, InstanceId: instanceId, InvokeId })).InvocationResult as Json;
}

test('a server starts with the documented firewall: TCP 22, 80 and 443 open to 0.0.0.0/0', async () => {
  const r = await rules(web);
  assert.deepEqual(
    r.map((x) => [x.Port, x.RuleProtocol, x.SourceCidrIp, x.Policy]),
    [
      ['22', 'TCP', '0.0.0.0/0', 'accept'],
      ['80', 'TCP', '0.0.0.0/0', 'accept'],
      ['443', 'TCP', '0.0.0.0/0', 'accept'],
    ],
  );
});

test('CreateFirewallRules adds rules with their own source CIDR; a duplicate is FirewallRuleAlreadyExist', async () => {
  const res = await call(client, 'CreateFirewallRules', {
    ...R,
    InstanceId: web,
    FirewallRules: JSON.stringify([
      { Port: '3306', RuleProtocol: 'TCP', SourceCidrIp: '192.0.2.0/24', Remark: 'db' },
      { Port: '8000/8010', RuleProtocol: 'tcp+udp' },
    ]),
  });
  assert.equal((res.FirewallRuleIds as string[]).length, 2);
  const r = await rules(web);
  assert.deepEqual(
    r.slice(3).map((x) => [x.Port, x.RuleProtocol, x.SourceCidrIp, x.Remark]),
    [
      ['3306', 'TCP', '192.0.2.0/24', 'db'],
      ['8000/8010', 'TCP+UDP', '0.0.0.0/0', ''],
    ],
  );
  await rejects(
    call(client, 'CreateFirewallRules', {
      ...R,
      InstanceId: web,
      FirewallRules: JSON.stringify([{ Port: '3306', RuleProtocol: 'TCP', SourceCidrIp: '192.0.2.0/24' }]),
    }),
    'FirewallRuleAlreadyExist',
    400,
  );
});

test('malformed ports, protocols and CIDRs are refused (InvalidParameter: GUESS code), nothing is added', async () => {
  for (const rule of [
    { Port: '0', RuleProtocol: 'TCP' },
    { Port: '70000', RuleProtocol: 'TCP' },
    { Port: '90/80', RuleProtocol: 'TCP' },
    { Port: '22', RuleProtocol: 'SCTP' },
    { Port: '22', RuleProtocol: 'TCP', SourceCidrIp: '300.1.1.1/8' },
    { Port: '22', RuleProtocol: 'TCP', SourceCidrIp: '10.0.0.0/33' },
  ]) {
    await rejects(
      call(client, 'CreateFirewallRules', { ...R, InstanceId: web, FirewallRules: JSON.stringify([rule]) }),
      'InvalidParameter',
      400,
    );
  }
  assert.equal((await rules(web)).length, 3);
});

test('the rule limit answers FirewallRuleLimitExceed (the value 50 is a GUESS)', async () => {
  const many = Array.from({ length: 20 }, (_, i) => ({ Port: String(10000 + i), RuleProtocol: 'TCP' }));
  await call(client, 'CreateFirewallRules', { ...R, InstanceId: web, FirewallRules: JSON.stringify(many) });
  await call(client, 'CreateFirewallRules', {
    ...R,
    InstanceId: web,
    FirewallRules: JSON.stringify(many.map((m) => ({ ...m, Port: String(Number(m.Port) + 100) }))),
  });
  await rejects(
    call(client, 'CreateFirewallRules', {
      ...R,
      InstanceId: web,
      FirewallRules: JSON.stringify(many.slice(0, 8).map((m) => ({ ...m, Port: String(Number(m.Port) + 200) }))),
    }),
    'FirewallRuleLimitExceed',
    400,
  );
  assert.equal((await rules(web)).length, 43);
});

test('Modify, Disable (policy drop: GUESS), Enable and Delete(s) change exactly the rule named', async () => {
  const [ssh, http] = await rules(web);
  await call(client, 'ModifyFirewallRule', {
    ...R,
    InstanceId: web,
    RuleId: http?.RuleId,
    Port: '8080',
    RuleProtocol: 'TCP',
    SourceCidrIp: '198.51.100.7',
    Remark: 'alt',
  });
  await call(client, 'DisableFirewallRule', { ...R, InstanceId: web, RuleId: ssh?.RuleId });
  let r = await rules(web);
  assert.deepEqual(
    r.map((x) => [x.Port, x.SourceCidrIp, x.Policy, x.Remark]),
    [
      ['22', '0.0.0.0/0', 'drop', 'SSH'],
      ['8080', '198.51.100.7/32', 'accept', 'alt'],
      ['443', '0.0.0.0/0', 'accept', 'HTTPS'],
    ],
  );
  await call(client, 'EnableFirewallRule', { ...R, InstanceId: web, RuleId: ssh?.RuleId });
  await call(client, 'DeleteFirewallRules', { ...R, InstanceId: web, RuleIds: JSON.stringify([http?.RuleId]) });
  r = await rules(web);
  assert.deepEqual(
    r.map((x) => [x.Port, x.Policy]),
    [
      ['22', 'accept'],
      ['443', 'accept'],
    ],
  );
  await rejects(call(client, 'DeleteFirewallRule', { ...R, InstanceId: web, RuleId: 'nope' }), 'InvalidFirewallRuleId.NotFound', 404);
  assert.equal((await rules(db)).length, 3, 'another server is untouched');
});

test('the official SDK creates and lists firewall rules with its own serialisation', async () => {
  const s = sdk(emu);
  const made = await s.createFirewallRules(
    new $Swas.CreateFirewallRulesRequest({
      regionId: 'cn-hangzhou',
      instanceId: web,
      firewallRules: [
        new $Swas.CreateFirewallRulesRequestFirewallRules({
          port: '6379',
          ruleProtocol: 'TCP',
          sourceCidrIp: '127.0.0.1/32',
          remark: 'redis',
        }),
      ],
    }),
  );
  assert.equal(made.body?.firewallRuleIds?.length, 1);
  const run = await s.runCommand(
    new $Swas.RunCommandRequest({ regionId: 'cn-hangzhou', instanceId: web, commandContent: 'echo sdk', type: 'RunShellScript' }),
  );
  assert.match(String(run.body?.invokeId), /^t-/);
  const listed = await s.listFirewallRules(new $Swas.ListFirewallRulesRequest({ regionId: 'cn-hangzhou', instanceId: web, pageSize: 100 }));
  assert.ok(listed.body?.firewallRules?.some((x) => x.port === '6379' && x.sourceCidrIp === '127.0.0.1/32' && x.remark === 'redis'));
});

test('RunCommand really runs in the server, over its own disk: output Base64, exit code, files kept', async () => {
  const res = await runAndWait(web, 'echo "hello from $(cat /etc/hostname)"; echo kept > /root/note.txt; ls /work 2>/dev/null; exit 3');
  assert.equal(res.InvocationStatus, 'Failed');
  assert.equal(res.ExitCode, 3);
  assert.equal(
    Buffer.from(String(res.Output), 'base64').toString(),
    'hello from web-prod-1\n',
    'the host folders (/work) are not visible inside',
  );
  const file = await admin(emu, 'GET', `/machines/${web}/file?path=/root/note.txt`);
  assert.equal(file.content, 'kept\n');
  const ok = await runAndWait(web, 'cat /root/note.txt');
  assert.equal(ok.InvocationStatus, 'Success');
  assert.equal(ok.ExitCode, 0);
  assert.equal(Buffer.from(String(ok.Output), 'base64').toString(), 'kept\n');
});

test('RunCommand cannot write outside the server (read-only /usr, private /tmp) and another server does not see its files', async () => {
  const res = await runAndWait(web, 'touch /usr/evil 2>&1; echo t > /tmp/t; echo done');
  assert.match(Buffer.from(String(res.Output), 'base64').toString(), /Read-only file system[\s\S]*done/);
  await admin(emu, 'POST', `/servers/${db}/status`, { status: 'Running' });
  await runAndWait(web, 'echo mine > /root/only-web');
  const seen = await runAndWait(db, 'cat /root/only-web 2>&1 || true');
  assert.match(Buffer.from(String(seen.Output), 'base64').toString(), /No such file/);
});

test('RunCommand parameters, timeout and working directory follow the documented rules', async () => {
  const p = await runAndWait(web, 'echo {{ greeting }}-{{Name}}', {
    EnableParameter: true,
    Parameters: JSON.stringify({ greeting: 'hi', name: 'swas' }),
  });
  assert.equal(Buffer.from(String(p.Output), 'base64').toString(), 'hi-swas\n');
  const t = await runAndWait(web, 'sleep 30', { Timeout: 10 });
  assert.equal(t.InvocationStatus, 'Timeout');
  const w = await runAndWait(web, 'pwd', { WorkingDir: '/etc' });
  assert.equal(Buffer.from(String(w.Output), 'base64').toString(), '/etc\n');
  for (const bad of [{ Timeout: 5 }, { Timeout: 86401 }, { Type: 'RunBatScript' }, { Type: 'Bash' }]) {
    await rejects(
      call(client, 'RunCommand', { ...R, InstanceId: web, CommandContent: 'true', Type: 'RunShellScript', ...bad }),
      'InvalidParameter',
      400,
    );
  }
});

test('RunCommand needs a Running server with Cloud Assistant online (IncorrectInstanceStatus: GUESS code)', async () => {
  await rejects(
    call(client, 'RunCommand', { ...R, InstanceId: db, CommandContent: 'true', Type: 'RunShellScript' }),
    'IncorrectInstanceStatus',
    403,
  );
  await admin(emu, 'POST', `/machines/${web}/cloud-assistant`, { online: false });
  const st = await call(client, 'DescribeCloudAssistantStatus', { ...R, InstanceIds: JSON.stringify([web, db]) });
  assert.deepEqual(
    (st.CloudAssistantStatus as Json[]).map((x) => [x.InstanceId, x.Status]).sort(),
    [
      [db, false],
      [web, false],
    ].sort(),
  );
  await rejects(
    call(client, 'RunCommand', { ...R, InstanceId: web, CommandContent: 'true', Type: 'RunShellScript' }),
    'IncorrectInstanceStatus',
    403,
  );
  await admin(emu, 'POST', `/machines/${web}/cloud-assistant`, { online: true });
  const back = await call(client, 'DescribeCloudAssistantStatus', { ...R, InstanceIds: JSON.stringify([web]) });
  assert.equal((back.CloudAssistantStatus as Json[])[0]?.Status, true);
});

test("DescribeInvocations lists a server's runs newest first; an unknown InvokeId is InvalidInvokeId.NotFound (GUESS code)", async () => {
  await runAndWait(web, 'echo one');
  await runAndWait(web, 'echo two');
  const list = await call(client, 'DescribeInvocations', { ...R, InstanceId: web });
  const inv = list.Invocations as Json[];
  assert.equal(list.TotalCount, 2);
  assert.deepEqual(
    inv.map((i) => Buffer.from(String(i.CommandContent), 'base64').toString()),
    ['echo two', 'echo one'],
  );
  await rejects(call(client, 'DescribeInvocationResult', { ...R, InstanceId: web, InvokeId: 't-nope' }), 'InvalidInvokeId.NotFound', 404);
});

test('a file travels with the disks: server → snapshot → custom image → ResetSystem of another server', async () => {
  await runAndWait(web, 'echo golden > /root/build.txt');
  const disk = ((await call(client, 'ListInstances', { ...R, InstanceIds: JSON.stringify([web]) })).Instances as Json[])[0]
    ?.Disks as Json[];
  const sys = disk.find((d) => String(d.DiskType).toLowerCase() === 'system');
  const { SnapshotId } = await call(client, 'CreateSnapshot', { ...R, DiskId: sys?.DiskId, SnapshotName: 'with-files' });
  await runAndWait(web, 'echo changed > /root/build.txt');
  await admin(emu, 'POST', '/clock/advance', { seconds: 600 });
  const state = await admin(emu, 'GET', '/machines');
  assert.ok((state.machines as Json[]).some((m) => m.instanceId === web));
  const { ImageId } = await call(client, 'CreateCustomImage', {
    ...R,
    InstanceId: web,
    SystemSnapshotId: SnapshotId,
    ImageName: 'with-files-image',
  });
  assert.match(String(ImageId), /^m-/);
  const now = await admin(emu, 'GET', `/machines/${web}/file?path=/root/build.txt`);
  assert.equal(now.content, 'changed\n', 'the server changed after the snapshot');
  // Apply the image to another server: its disk now holds the file as it was at the snapshot,
  // and it has no SSH host key of the source server.
  await admin(emu, 'POST', '/clock/advance', { seconds: 600 });
  await runAndWait(web, 'true');
  const webKey = await admin(emu, 'GET', `/machines/${web}/file?path=/etc/hostname`);
  assert.ok(webKey.content);
  await call(client, 'ResetSystem', { ...R, InstanceId: db, ImageId: ImageId, ClientToken: 'reset-with-files' });
  await admin(emu, 'POST', '/clock/advance', { seconds: 600 });
  const copied = await admin(emu, 'GET', `/machines/${db}/file?path=/root/build.txt`);
  assert.equal(copied.content, 'golden\n');
  const r = await raw(`${emu.admin}/machines/${db}/file?path=/etc/ssh/ssh_host_ed25519_key`);
  assert.equal(r.status, 404, 'no host key carried over from the source server');
});

test('LoginInstance answers a Workbench URL on the emulator itself (never a real host)', async () => {
  const res = await call(client, 'LoginInstance', { ...R, InstanceId: web, Username: 'root' });
  const url = new URL(String(res.RedirectUrl));
  assert.equal(url.hostname, '127.0.0.1');
  const page = await admin(emu, 'GET', url.pathname + url.search);
  assert.deepEqual(page, { workbench: true, regionId: 'cn-hangzhou', instanceId: web, user: 'root' });
  await rejects(call(client, 'LoginInstance', { ...R, InstanceId: db }), 'IncorrectInstanceStatus', 403);
});
