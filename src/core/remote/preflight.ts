// What stands between the user and a shell on a server, in the order it has to be solved.
// Pure: the commands turn each obstacle into one actionable message.
import type { InstanceStatus, OsType } from '../enums';
import { portBounds } from '../rules/firewallRule';
import type { FirewallRule } from './remoteModel';

export type Obstacle = 'notRunning' | 'windows' | 'noPublicIp' | 'firewall';

export interface ServerFacts {
  status: InstanceStatus;
  osType: OsType;
  publicIpAddress: string;
}

export function firstObstacle(s: ServerFacts): Obstacle | undefined {
  if (s.status !== 'Running') return 'notRunning';
  if (s.osType === 'Windows') return 'windows';
  if (s.publicIpAddress.trim() === '') return 'noPublicIp';
  return undefined;
}

function covers(port: string, wanted: number): boolean {
  const b = portBounds(port);
  return b !== undefined && wanted >= b[0] && wanted <= b[1];
}

/** Whether some enabled rule lets TCP to `port` in (from any source: we cannot know the user's). */
export function firewallAllows(rules: readonly FirewallRule[], port: number): boolean {
  return rules.some((r) => r.policy === 'accept' && (r.protocol === 'TCP' || r.protocol === 'TCP+UDP') && covers(r.port, port));
}

/** Ports where opening to 0.0.0.0/0 deserves a warning (databases, remote desktop, SSH). */
export const SENSITIVE_PORTS: ReadonlySet<number> = new Set([22, 23, 3306, 5432, 6379, 27017, 3389, 9200, 11211]);

/** Any block of prefix length 0 (0.0.0.0/0, ::/0, 1.2.3.4/0) lets every address in. */
export { isOpenToWorld } from '../rules/firewallRule';
