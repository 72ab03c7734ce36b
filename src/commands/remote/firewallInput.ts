// Validation of firewall inputs as the user types (the API is the judge; these catch typos).
import * as vscode from 'vscode';

export function cidrProblem(v: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(v.trim());
  if (!m || m.slice(1, 5).some((p) => Number(p) > 255) || (m[5] !== undefined && Number(m[5]) > 32)) {
    return vscode.l10n.t('Enter an IPv4 address or CIDR block, e.g. 203.0.113.7/32 or 0.0.0.0/0.');
  }
  return undefined;
}

export function portProblem(v: string): string | undefined {
  const m = /^(\d{1,5})(?:\/(\d{1,5}))?$/.exec(v.trim());
  const lo = Number(m?.[1]);
  const hi = Number(m?.[2] ?? m?.[1]);
  if (!m || lo < 1 || hi > 65535 || lo > hi) return vscode.l10n.t('Enter a port (1–65535) or a range such as 8000/8010.');
  return undefined;
}
