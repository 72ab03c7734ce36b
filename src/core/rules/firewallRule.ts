// What a firewall rule's port and source must look like before we send it. We block only what the
// documentation confirms (swas-api-2.md §B, CreateFirewallRule's parameter table):
// - TCP / UDP ports are 1–65535, a range is "start/end" (e.g. 1024/1055);
// - ICMP takes the port "-1/-1" (every port), so an ICMP rule is always sent with it;
// - the source is "the IP address or CIDR block allowed".
// Everything else (leading zeros, IPv6 sources, …) goes to the API, which has the last word.
// Pure: no `vscode`, no Node modules (webviews share src/core/rules); the command maps each
// problem to one sentence.

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

/** An IPv6 address in text form (hex groups, one "::", an IPv4 tail); no zone index. */
function ipv6(addr: string): boolean {
  if (!/^[0-9A-Fa-f:.]{2,45}$/.test(addr) || addr.split('::').length > 2 || addr.includes(':::')) return false;
  if (/^:[^:]/.test(addr) || /[^:]:$/.test(addr)) return false;
  let groups = addr.split(':');
  const tail = groups[groups.length - 1] ?? '';
  let extra = 0;
  if (tail.includes('.')) {
    if (!/^([0-9]{1,3})(\.[0-9]{1,3}){3}$/.test(tail) || tail.split('.').some((o) => Number(o) > 255)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
  }
  const compressed = addr.includes('::');
  const filled = groups.filter((g) => g !== '');
  if (!filled.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  if (!compressed && groups.some((g) => g === '')) return false;
  const n = filled.length + extra;
  return compressed ? n <= 7 : n === 8;
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
  // Leading zeros in IPv4 octets ("010.0.0.1"): the documentation does not say; the API judges.
  const v4 = /^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$/.exec(p.addr);
  const family = v4 ? (v4.slice(1, 5).every((o) => Number(o) <= 255) ? 4 : 0) : ipv6(p.addr) ? 6 : 0;
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
