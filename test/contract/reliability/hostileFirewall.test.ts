// Hostile firewall values through the extension's validation and then, through pop-core, the
// emulator's: a value our rules block never reaches the API; a value they let through gets the
// API's own answer (a rule exactly as sent, or a SwasError with a code and a message); the
// emulator never keeps a rule made from a value it refuses; nothing throws anything else.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { isSwasError } from '../../../src/core/errors';
import type { NewFirewallRule } from '../../../src/core/remote/remoteModel';
import { cidrProblem, portProblem, portToSend } from '../../../src/core/rules/firewallRule';
import type { SwasApi } from '../../../src/core/swasApi';
import { startHarness } from '../client/harness';
import type { Harness } from '../client/harness';

let h: Harness;
let api: SwasApi;
let web: string;
const R = 'cn-hangzhou';

const PORTS = [
  '',
  ' ',
  '0',
  '65536',
  '1/0',
  '80/22',
  '22-80',
  '٢٢',
  '０x16',
  '0x16',
  '9'.repeat(30),
  '-1',
  '-1/-1',
  '0022',
  '22abc',
  '22\u0000',
  '22\n',
  '8080',
  '1/65535',
];
const CIDRS = [
  '',
  '1.2.3.4/33',
  '256.0.0.1/8',
  '::/0',
  '2001:db8::/32',
  '0.0.0.0/0',
  '010.0.0.1',
  '1.2.3.4/8 junk',
  '1.2.3.4\u0000',
  '203.0.113.7',
  '1.2.3.4/0',
  '10.0.0.0/8/8',
];
const PROTOS = ['TCP', 'UDP', 'TCP+UDP', 'ICMP'];

before(async () => {
  h = await startHarness();
  api = h.client();
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin('POST', '/reset');
  web = (await api.listInstances(R, {}, { fresh: true })).items.find((i) => i.instanceName === 'web-prod-1')?.instanceId ?? '';
  assert.ok(web);
});

type Verdict = 'blocked' | 'created' | 'refused';

/** One value the way the Add Firewall Rule form handles it, then the API's answer. */
async function attempt(
  port: string,
  protocol: string,
  source: string,
): Promise<{ verdict: Verdict; detail: string; rule?: NewFirewallRule }> {
  const local = portProblem(port, protocol) ?? cidrProblem(source);
  if (local) return { verdict: 'blocked', detail: local };
  const rule: NewFirewallRule = {
    port: portToSend(port, protocol),
    protocol: protocol as NewFirewallRule['protocol'],
    sourceCidrIp: source.trim(),
    remark: 'hostile',
  };
  try {
    await api.remote.createFirewallRules({ regionId: R, instanceId: web, rules: [rule], clientToken: randomUUID() });
    return { verdict: 'created', detail: '', rule };
  } catch (e) {
    assert.ok(isSwasError(e), `not a SwasError: ${String(e)}`);
    assert.ok(e.code.length > 0 && e.message.length > 0 && !/undefined|\[object /.test(e.message), `unclear: ${e.code} ${e.message}`);
    return { verdict: 'refused', detail: `${e.code}: ${e.message}` };
  }
}

test('every hostile port × source × protocol ends blocked by us, created as sent, or refused by the API with a clear error', async () => {
  const tally: Record<Verdict, number> = { blocked: 0, created: 0, refused: 0 };
  const made: NewFirewallRule[] = [];
  for (const proto of PROTOS) {
    for (const port of PORTS) {
      for (const source of ['0.0.0.0/0', '192.0.2.0/24']) {
        const r = await attempt(port, proto, source);
        tally[r.verdict] += 1;
        if (r.rule) made.push(r.rule);
      }
    }
    for (const source of CIDRS) {
      const r = await attempt('8443', proto, source);
      tally[r.verdict] += 1;
      if (r.rule) made.push(r.rule);
    }
  }
  const rules = await api.remote.listFirewallRules(R, web);
  // The API keeps exactly the rules it accepted, as they were sent (3 defaults + ours).
  assert.equal(rules.length, 3 + made.length);
  for (const m of made)
    assert.ok(
      rules.some(
        (r) =>
          r.port === m.port &&
          r.protocol === m.protocol &&
          (r.sourceCidrIp === m.sourceCidrIp || r.sourceCidrIp === `${m.sourceCidrIp}/32`),
      ),
      JSON.stringify(m),
    );
  // An ICMP rule is always sent (and kept) with the documented port -1/-1; every kept port is valid.
  for (const r of rules)
    assert.ok(r.protocol === 'ICMP' ? r.port === '-1/-1' : portProblem(r.port, r.protocol) === undefined, JSON.stringify(r));
  assert.ok(tally.blocked > 0 && tally.created > 0 && tally.refused > 0, JSON.stringify(tally));
});

test('what our rules block, the API refuses too, and no rule is made from it (the client is never stricter than the evidence)', async () => {
  const before = (await api.remote.listFirewallRules(R, web)).length;
  for (const port of PORTS.filter((p) => portProblem(p, 'TCP') !== undefined)) {
    await assert.rejects(
      api.remote.createFirewallRules({
        regionId: R,
        instanceId: web,
        rules: [{ port, protocol: 'TCP', sourceCidrIp: '0.0.0.0/0' }],
        clientToken: randomUUID(),
      }),
      (e: unknown) => isSwasError(e) && /^(InvalidParameter|MissingParameter)$/.test(e.code),
      JSON.stringify(port),
    );
  }
  for (const source of CIDRS.filter((c) => cidrProblem(c) !== undefined)) {
    await assert.rejects(
      api.remote.createFirewallRules({
        regionId: R,
        instanceId: web,
        rules: [{ port: '8443', protocol: 'TCP', sourceCidrIp: source }],
        clientToken: randomUUID(),
      }),
      (e: unknown) => isSwasError(e) && e.code === 'InvalidParameter',
      JSON.stringify(source),
    );
  }
  assert.equal((await api.remote.listFirewallRules(R, web)).length, before);
});

test('property: generated ports and sources never crash the client or the API, and never leave an invalid rule', async () => {
  const piece = fc.oneof(
    fc.constantFrom(...PORTS, ...CIDRS),
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[0-9]{1,6}(\/[0-9]{1,6})?$/),
    fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,3}){3}(\/[0-9]{1,2})?$/),
  );
  await fc.assert(
    fc.asyncProperty(piece, fc.constantFrom(...PROTOS), piece, async (port, proto, source) => {
      await attempt(port, proto, source);
    }),
    { numRuns: 60 },
  );
  for (const r of await api.remote.listFirewallRules(R, web)) {
    assert.equal(r.protocol === 'ICMP' ? r.port === '-1/-1' : portProblem(r.port, r.protocol) === undefined, true, JSON.stringify(r));
    assert.equal(cidrProblem(r.sourceCidrIp), undefined, JSON.stringify(r));
  }
});

test('an ICMP rule round trips with -1/-1 and can be edited (its port is valid in our form)', async () => {
  const { ruleIds } = await api.remote.createFirewallRules({
    regionId: R,
    instanceId: web,
    rules: [{ port: portToSend('', 'ICMP'), protocol: 'ICMP', sourceCidrIp: '192.0.2.0/24' }],
    clientToken: randomUUID(),
  });
  const rule = (await api.remote.listFirewallRules(R, web)).find((r) => r.ruleId === ruleIds[0]);
  assert.deepEqual(rule && [rule.port, rule.protocol], ['-1/-1', 'ICMP']);
  assert.equal(portProblem(rule?.port ?? ''), undefined, 'the edit form starts from a valid port');
  await api.remote.modifyFirewallRule({
    regionId: R,
    instanceId: web,
    ruleId: ruleIds[0] ?? '',
    rule: { port: '-1/-1', protocol: 'ICMP', sourceCidrIp: '198.51.100.0/24', remark: 'ping' },
    clientToken: randomUUID(),
  });
  assert.equal((await api.remote.listFirewallRules(R, web)).find((r) => r.ruleId === ruleIds[0])?.sourceCidrIp, '198.51.100.0/24');
});
