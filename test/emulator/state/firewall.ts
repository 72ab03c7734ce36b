// SWAS firewall rules of one server: defaults, matching and validation.
// Evidence: ports 22, 80 and 443 are open by default and everything else is closed (documented,
// swas-api-2.md §B "Firewall"); rule fields Port ("3306" or "1024/1055"), RuleProtocol (TCP, UDP,
// TCP+UDP, ICMP), SourceCidrIp, Policy accept/drop (SDK 4.0.0 types); FirewallRuleAlreadyExist and
// FirewallRuleLimitExceed exist (documented error table); the limit's value (50 here) is a GUESS,
// and so is "disabled = policy drop" and the InvalidParameter code for a malformed port or CIDR.
import { invalidParameter } from '../apiError';
import type { FirewallRuleRecord, InstanceRecord, RegionState } from '../types';

export const FIREWALL_RULE_LIMIT_DEFAULT = 50;
export const PROTOCOLS = ['TCP', 'UDP', 'TCP+UDP', 'ICMP'] as const;

function defaults(instance: InstanceRecord): FirewallRuleRecord[] {
  const base = instance.instanceId.replace(/^[^-]*-/, '');
  return [
    ['22', 'SSH'],
    ['80', 'HTTP'],
    ['443', 'HTTPS'],
  ].map(([port, remark], i) => ({
    ruleId: `${base}${i}`.slice(-32),
    port: port ?? '',
    ruleProtocol: 'TCP',
    sourceCidrIp: '0.0.0.0/0',
    policy: 'accept',
    remark: remark ?? '',
    tags: [],
  }));
}

/** The server's rules (made from the defaults on first use). */
export function rulesOf(region: RegionState, instance: InstanceRecord): FirewallRuleRecord[] {
  region.firewalls ??= {};
  let rules = region.firewalls[instance.instanceId];
  if (!rules) {
    rules = defaults(instance);
    region.firewalls[instance.instanceId] = rules;
  }
  return rules;
}

/** Read-only view: the defaults when nothing was stored yet. */
export function peekRules(region: RegionState, instance: InstanceRecord): FirewallRuleRecord[] {
  return region.firewalls?.[instance.instanceId] ?? defaults(instance);
}

/**
 * "22" → [22, 22]; "1024/1055" → [1024, 1055]; an ICMP rule's "-1/-1" → [-1, -1] (documented:
 * CreateFirewallRule's Port, "ICMP: -1/-1"); throws InvalidParameter otherwise (the code: GUESS).
 */
export function portRange(port: string, ruleProtocol?: string): [number, number] {
  if (ruleProtocol === 'ICMP') {
    if (port === '-1/-1') return [-1, -1];
    throw invalidParameter('Port', 'an ICMP rule takes the port -1/-1');
  }
  const m = /^(\d{1,5})(?:\/(\d{1,5}))?$/.exec(port);
  const lo = Number(m?.[1]);
  const hi = Number(m?.[2] ?? m?.[1]);
  if (!m || lo < 1 || hi > 65535 || lo > hi)
    throw invalidParameter('Port', 'it must be a port from 1 to 65535 or a range such as 1024/1055');
  return [lo, hi];
}

export function protocol(value: string | undefined): string {
  const p = (value ?? '').toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(p)) throw invalidParameter('RuleProtocol', 'it must be TCP, UDP, TCP+UDP or ICMP');
  return p;
}

function ipv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((n) => n > 255)) return undefined;
  return parts.reduce((a, n) => a * 256 + n, 0);
}

/** "0.0.0.0/0", "10.0.0.0/8" or a single address; throws InvalidParameter otherwise. */
export function cidr(value: string): string {
  const [addr = '', bits = '32'] = value.split('/');
  if (ipv4(addr) === undefined || !/^\d{1,2}$/.test(bits) || Number(bits) > 32 || value.split('/').length > 2) {
    throw invalidParameter('SourceCidrIp', 'it must be an IPv4 address or CIDR block such as 0.0.0.0/0 or 192.0.2.0/24');
  }
  return value.includes('/') ? value : `${value}/32`;
}

export function cidrContains(block: string, ip: string): boolean {
  const [addr = '', bitsText = '32'] = block.split('/');
  const a = ipv4(addr);
  const b = ipv4(ip);
  if (a === undefined || b === undefined) return false;
  const bits = Number(bitsText);
  if (bits === 0) return true;
  const size = 2 ** (32 - bits);
  return Math.floor(a / size) === Math.floor(b / size);
}

/** Whether the rules accept TCP on `port` from `sourceIp`. */
export function accepts(rules: readonly FirewallRuleRecord[], port: number, sourceIp: string): boolean {
  return rules.some((r) => {
    if (r.policy !== 'accept' || !(r.ruleProtocol === 'TCP' || r.ruleProtocol === 'TCP+UDP')) return false;
    const [lo, hi] = portRange(r.port, r.ruleProtocol);
    return port >= lo && port <= hi && cidrContains(r.sourceCidrIp, sourceIp);
  });
}
