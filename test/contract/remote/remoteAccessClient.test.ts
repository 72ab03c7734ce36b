// The remote-access client through pop-core against the emulator: firewall rules round trip,
// Cloud Assistant status, Workbench URL; every answer normalised (statuses, Base64 output).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { SwasApi } from '../../../src/core/swasApi';
import { failure, startHarness } from '../client/harness';
import type { Harness } from '../client/harness';

let h: Harness;
let api: SwasApi;
let web: string;

before(async () => {
  h = await startHarness();
  api = h.client();
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin('POST', '/reset');
  web = (await api.listInstances('cn-hangzhou', {}, { fresh: true })).items.find((i) => i.instanceName === 'web-prod-1')?.instanceId ?? '';
  assert.ok(web);
});

test('firewall rules: list the defaults, create with a source, modify, disable, enable, delete', async () => {
  const r = api.remote;
  const start = await r.listFirewallRules('cn-hangzhou', web);
  assert.deepEqual(
    start.map((x) => [x.port, x.protocol, x.policy]),
    [
      ['22', 'TCP', 'accept'],
      ['80', 'TCP', 'accept'],
      ['443', 'TCP', 'accept'],
    ],
  );
  const made = await r.createFirewallRules({
    regionId: 'cn-hangzhou',
    instanceId: web,
    rules: [{ port: '3306', protocol: 'TCP', sourceCidrIp: '192.0.2.0/24', remark: 'db' }],
    clientToken: randomUUID(),
  });
  assert.equal(made.ruleIds.length, 1);
  const id = made.ruleIds[0] ?? '';
  await r.modifyFirewallRule({
    regionId: 'cn-hangzhou',
    instanceId: web,
    ruleId: id,
    rule: { port: '3307', protocol: 'TCP', sourceCidrIp: '192.0.2.0/24', remark: 'db2' },
    clientToken: randomUUID(),
  });
  await r.setFirewallRuleEnabled({ regionId: 'cn-hangzhou', instanceId: web, ruleId: id, enabled: false, clientToken: randomUUID() });
  let rule = (await r.listFirewallRules('cn-hangzhou', web)).find((x) => x.ruleId === id);
  assert.deepEqual(rule && [rule.port, rule.sourceCidrIp, rule.policy, rule.remark], ['3307', '192.0.2.0/24', 'drop', 'db2']);
  await r.setFirewallRuleEnabled({ regionId: 'cn-hangzhou', instanceId: web, ruleId: id, enabled: true, clientToken: randomUUID() });
  rule = (await r.listFirewallRules('cn-hangzhou', web)).find((x) => x.ruleId === id);
  assert.equal(rule?.policy, 'accept');
  await r.deleteFirewallRules({ regionId: 'cn-hangzhou', instanceId: web, ruleIds: [id], clientToken: randomUUID() });
  assert.equal((await r.listFirewallRules('cn-hangzhou', web)).length, 3);
});

test("a duplicate rule is the API's FirewallRuleAlreadyExist, shown as a typed error", async () => {
  const e = await failure(
    api.remote.createFirewallRules({
      regionId: 'cn-hangzhou',
      instanceId: web,
      rules: [{ port: '22', protocol: 'TCP', sourceCidrIp: '0.0.0.0/0' }],
      clientToken: randomUUID(),
    }),
  );
  assert.equal(e.code, 'FirewallRuleAlreadyExist');
  assert.equal(e.retryable, false);
});

test('Cloud Assistant status per server, and the Workbench URL', async () => {
  const all = (await api.listInstances('cn-hangzhou', {}, { fresh: true })).items;
  const st = await api.remote.cloudAssistantStatus(
    'cn-hangzhou',
    all.map((i) => i.instanceId),
  );
  for (const i of all) assert.equal(st.get(i.instanceId), i.status === 'Running', i.instanceName);
  const url = await api.remote.loginUrl({ regionId: 'cn-hangzhou', instanceId: web });
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/workbench\//);
});
