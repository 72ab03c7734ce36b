// What a firewall rule's port and source must look like before we send it. We block only what the
// documentation confirms (swas-api-2.md §B, CreateFirewallRule's parameter table):
// - TCP / UDP ports are 1–65535, a range is "start/end" (e.g. 1024/1055);
// - ICMP takes the port "-1/-1" (every port), so an ICMP rule is always sent with it;
// - the source is "the IP address or CIDR block allowed".
// Everything else (leading zeros, IPv6 sources, …) goes to the API, which has the last word.
// Pure: no `vscode`; the command maps each problem to one sentence.
import { isIP } from 'node:net';

export const ICMP_PORT = '-1/-1';

export type PortProblem = 'format' | 'range' | 'reversed' | 'icmpOnly';
export type CidrProblem = 'format' | 'prefix';

/** [lo, hi] of "22" or "1024/1055" (ASCII digits only); undefined when it is neither. */
export function portBounds(port: string): [number, number] | undefined {
  const m = /^([0-9]+)(?:\/([0-9]+))?$/.exec(port.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** Why `port` cannot be a rule's port for `protocol` (undefined: send it). */
export function portProblem(port: string, protocol?: string): PortProblem | undefined {
  const v = port.trim();
  if (protocol?.toUpperCase() === 'ICMP') return undefined; // sent as ICMP_PORT whatever was typed
  if (v === ICMP_PORT) return protocol === undefined ? undefined : 'icmpOnly';
  const b = portBounds(v);
  if (!b) return 'format';
  const [lo, hi] = b;
  if (lo < 1 || hi < 1 || lo > 65535 || hi > 65535) return 'range';
  if (lo > hi) return 'reversed';
  return undefined;
}

/** The port to send: ICMP_PORT for ICMP, else the trimmed value. */
export function portToSend(port: string, protocol: string): string {
  return protocol.toUpperCase() === 'ICMP' ? ICMP_PORT : port.trim();
}

function parts(cidr: string): { addr: string; prefix: string | undefined } | undefined {
  const v = cidr.trim();
  const i = v.indexOf('/');
  if (i < 0) return { addr: v, prefix: undefined };
  if (v.indexOf('/', i + 1) >= 0) return undefined;
  return { addr: v.slice(0, i), prefix: v.slice(i + 1) };
}

/** Why `cidr` is not an IP address or CIDR block (IPv4 or IPv6: the API judges which it takes). */
export function cidrProblem(cidr: string): CidrProblem | undefined {
  const p = parts(cidr);
  if (!p) return 'format';
  // isIP takes leading zeros in IPv4 octets ("010.0.0.1") as invalid; the documentation does not
  // say either way, so a dotted quad of 0–255 values is checked here instead.
  const v4 = /^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$/.exec(p.addr);
  const family = v4 ? (v4.slice(1, 5).every((o) => Number(o) <= 255) ? 4 : 0) : isIP(p.addr) === 6 && !p.addr.includes('%') ? 6 : 0;
  if (family === 0) return 'format';
  if (p.prefix === undefined) return undefined;
  if (!/^[0-9]{1,3}$/.test(p.prefix)) return 'format';
  return Number(p.prefix) > (family === 4 ? 32 : 128) ? 'prefix' : undefined;
}

/** Whether a source lets in every address: any valid block with prefix length 0 (0.0.0.0/0, ::/0). */
export function isOpenToWorld(cidr: string): boolean {
  const p = parts(cidr);
  return p !== undefined && p.prefix !== undefined && /^0+$/.test(p.prefix) && cidrProblem(cidr) === undefined;
}

/** The first of `sensitive` ports that `port` opens (a single port or a range), if any. */
export function sensitivePortIn(port: string, protocol: string, sensitive: ReadonlySet<number>): number | undefined {
  if (protocol.toUpperCase() === 'ICMP') return undefined;
  const b = portBounds(port);
  if (!b) return undefined;
  for (const p of [...sensitive].sort((x, y) => x - y)) if (p >= b[0] && p <= b[1]) return p;
  return undefined;
}
