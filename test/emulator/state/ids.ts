// Deterministic resource IDs from a counter, shaped like SWAS IDs.
import { createHash } from 'node:crypto';

function digest(kind: string, n: number): string {
  return createHash('sha1').update(`${kind}:${n}`).digest('hex');
}

export function instanceIdFor(n: number): string {
  return digest('instance', n).slice(0, 32);
}
export function diskIdFor(n: number): string {
  return `d-${digest('disk', n).slice(0, 20)}`;
}
export function snapshotIdFor(n: number): string {
  return `s-${digest('snapshot', n).slice(0, 20)}`;
}
export function imageIdFor(n: number): string {
  return `m-${digest('image', n).slice(0, 20)}`;
}
export function firewallRuleIdFor(n: number): string {
  return digest('firewall-rule', n).slice(0, 32);
}
export function invokeIdFor(n: number): string {
  return `t-${digest('invocation', n).slice(0, 20)}`;
}
