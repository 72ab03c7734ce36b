// Firewall rule inputs: only what the documentation confirms is blocked (ports 1–65535 as "n" or
// "lo/hi", ICMP's "-1/-1", an IP address or CIDR block), the rest is left to the API; the world-open
// warning sees every /0 block; nothing throws, whatever the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isOpenToWorld, firewallAllows, SENSITIVE_PORTS } from '../../../src/core/remote/preflight';
import { cidrProblem, ICMP_PORT, portProblem, portToSend, sensitivePortIn } from '../../../src/core/rules/firewallRule';

test('hostile ports: documented limits block, the rest goes to the API', () => {
  const cases: Array<[string, string | undefined, ReturnType<typeof portProblem>]> = [
    ['', 'TCP', 'format'],
    ['   ', 'TCP', 'format'],
    ['0', 'TCP', 'range'],
    ['65536', 'TCP', 'range'],
    ['1/0', 'TCP', 'range'],
    ['80/22', 'TCP', 'reversed'],
    ['22-80', 'TCP', 'format'],
    ['٢٢', 'TCP', 'format'],
    ['２２', 'TCP', 'format'],
    ['0x16', 'TCP', 'format'],
    ['9'.repeat(400), 'TCP', 'range'],
    ['-22', 'TCP', 'format'],
    ['22abc', 'TCP', 'format'],
    ['22/', 'TCP', 'format'],
    ['1e3', 'TCP', 'format'],
    ['22 ', 'TCP', undefined],
    ['0022', 'TCP', undefined],
    ['1/65535', 'UDP', undefined],
    ['3306', 'TCP+UDP', undefined],
    [ICMP_PORT, undefined, undefined],
    [ICMP_PORT, 'ICMP', undefined],
    [ICMP_PORT, 'TCP', 'icmpOnly'],
    ['22', 'ICMP', undefined],
    ['junk', 'icmp', undefined],
  ];
  for (const [port, proto, want] of cases) assert.equal(portProblem(port, proto), want, JSON.stringify([port, proto]));
  assert.equal(portToSend(' 22 ', 'ICMP'), ICMP_PORT);
  assert.equal(portToSend(' 8000/8010 ', 'TCP'), '8000/8010');
});

test('hostile sources: a malformed address or a too long prefix blocks; IPv6 and leading zeros go to the API', () => {
  const cases: Array<[string, ReturnType<typeof cidrProblem>]> = [
    ['', 'format'],
    [' ', 'format'],
    ['1.2.3.4/33', 'prefix'],
    ['256.0.0.1/8', 'format'],
    ['1.2.3/8', 'format'],
    ['1.2.3.4/', 'format'],
    ['1.2.3.4/8/8', 'format'],
    ['1.2.3.4/-1', 'format'],
    ['1.2.3.4/x', 'format'],
    ['１.２.３.４', 'format'],
    ['::/129', 'prefix'],
    ['fe80::1%eth0', 'format'],
    ['0.0.0.0/0', undefined],
    ['203.0.113.7', undefined],
    [' 10.0.0.0/8 ', undefined],
    ['010.001.0.0/16', undefined],
    ['::/0', undefined],
    ['2001:db8::/32', undefined],
    ['1.2.3.4/032', undefined],
  ];
  for (const [v, want] of cases) assert.equal(cidrProblem(v), want, JSON.stringify(v));
});

test('the world-open warning: every valid /0 block, IPv4 or IPv6; ports 22/3306/6379/3389 and ranges over them', () => {
  for (const v of ['0.0.0.0/0', '::/0', '1.2.3.4/0', ' 0.0.0.0/00 ']) assert.equal(isOpenToWorld(v), true, v);
  for (const v of ['0.0.0.0', '0.0.0.0/1', '300.0.0.0/0', '::1/128', '']) assert.equal(isOpenToWorld(v), false, v);
  for (const p of [22, 3306, 6379, 3389]) assert.equal(sensitivePortIn(String(p), 'TCP', SENSITIVE_PORTS), p);
  assert.equal(sensitivePortIn('0022', 'TCP', SENSITIVE_PORTS), 22);
  assert.equal(sensitivePortIn('3000/3400', 'UDP', SENSITIVE_PORTS), 3306);
  assert.equal(sensitivePortIn('1/65535', 'TCP', SENSITIVE_PORTS), 22);
  assert.equal(sensitivePortIn(ICMP_PORT, 'ICMP', SENSITIVE_PORTS), undefined);
  assert.equal(sensitivePortIn('8080', 'TCP', SENSITIVE_PORTS), undefined);
});

test('property: any text gives a verdict without throwing; a port that passes is ASCII digits within 1–65535', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.stringMatching(/^-?[0-9]{0,7}(\/-?[0-9]{0,7})?$/),
  );
  fc.assert(
    fc.property(text, fc.constantFrom('TCP', 'UDP', 'TCP+UDP', 'ICMP', undefined), (v, proto) => {
      const problem = portProblem(v, proto);
      const c = cidrProblem(v);
      isOpenToWorld(v);
      if (problem === undefined && proto !== 'ICMP' && v.trim() !== ICMP_PORT) {
        const [lo, hi] = v.trim().split('/').map(Number);
        assert.ok(/^[0-9]+(\/[0-9]+)?$/.test(v.trim()) && lo !== undefined && lo >= 1 && (hi ?? lo) <= 65535 && lo <= (hi ?? lo));
      }
      if (c === undefined) assert.ok(/^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(v.trim()), v);
    }),
    { numRuns: 2000 },
  );
});

test('the SSH preflight reads an ICMP rule or a junk port as not covering 22', () => {
  const rule = (port: string, protocol: 'TCP' | 'ICMP') => ({
    ruleId: 'r',
    port,
    protocol,
    sourceCidrIp: '0.0.0.0/0',
    policy: 'accept' as const,
    remark: '',
  });
  assert.equal(firewallAllows([rule(ICMP_PORT, 'ICMP'), rule('x22', 'TCP'), rule('22-80', 'TCP')], 22), false);
  assert.equal(firewallAllows([rule('1/100', 'TCP')], 22), true);
});

test('IPv6 addresses: the text forms are recognised, malformed ones are not', () => {
  for (const v of ['::', '::1', '2001:db8::', '1:2:3:4:5:6:7:8', '::ffff:192.0.2.1', 'fe80::1:2', '2001:DB8:0:0:0:0:0:1/64'])
    assert.equal(cidrProblem(v), undefined, v);
  for (const v of [
    ':',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '12345::',
    'g::1',
    '::ffff:300.0.0.1',
    '1:2:3:4:5:6:7::8:9',
  ])
    assert.equal(cidrProblem(v), 'format', v);
});
