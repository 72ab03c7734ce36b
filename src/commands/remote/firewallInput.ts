// Validation of firewall inputs as the user types. Only what the documentation confirms is blocked
// (src/core/rules/firewallRule.ts); the API judges everything else and its answer is shown.
import * as vscode from 'vscode';
import { cidrProblem as cidrCode, portProblem as portCode } from '../../core/rules/firewallRule';

export function cidrProblem(v: string): string | undefined {
  const code = cidrCode(v);
  if (code === 'prefix') return vscode.l10n.t('The prefix length after "/" is at most 32 for IPv4 and 128 for IPv6.');
  if (code) return vscode.l10n.t('Enter an IPv4 address or CIDR block, e.g. 203.0.113.7/32 or 0.0.0.0/0.');
  return undefined;
}

export function portProblem(v: string, protocol?: string): string | undefined {
  const code = portCode(v, protocol);
  if (code === 'icmpOnly') return vscode.l10n.t('The port -1/-1 is for ICMP rules only; a TCP or UDP rule needs a port from 1 to 65535.');
  if (code === 'reversed') return vscode.l10n.t('A range goes from the lower port to the higher one, e.g. 8000/8010.');
  if (code) return vscode.l10n.t('Enter a port (1–65535) or a range such as 8000/8010.');
  return undefined;
}
