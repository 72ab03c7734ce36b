// The small "form" of a firewall rule: port or range → protocol → source CIDR (with a warning for
// 0.0.0.0/0 on ports that are often attacked) → remark. Each step starts from the old value.
import * as vscode from 'vscode';
import { isOpenToWorld, SENSITIVE_PORTS } from '../../core/remote/preflight';
import type { FirewallRule, NewFirewallRule } from '../../core/remote/remoteModel';
import { cidrProblem, portProblem } from '../remote/firewallInput';
import { Cancelled, orCancel } from '../runner';

const PROTOCOLS = ['TCP', 'UDP', 'TCP+UDP', 'ICMP'] as const;

function sensitive(port: string): number | undefined {
  const [lo = 0, hi = lo] = port.split('/').map(Number);
  for (const p of SENSITIVE_PORTS) if (p >= lo && p <= hi) return p;
  return undefined;
}

export async function askRule(title: string, start?: FirewallRule): Promise<NewFirewallRule> {
  const port = orCancel(
    await vscode.window.showInputBox({ title: `${title} (1/4)`, prompt: vscode.l10n.t('Port or range, e.g. 3306 or 8000/8010'), value: start?.port ?? '', ignoreFocusOut: true, validateInput: portProblem }),
  ).trim();
  const proto = orCancel(
    await vscode.window.showQuickPick(
      PROTOCOLS.map((p) => ({ label: p, picked: p === (start?.protocol ?? 'TCP') })),
      { title: `${title} (2/4)`, placeHolder: vscode.l10n.t('Protocol'), ignoreFocusOut: true },
    ),
  ).label;
  const source = orCancel(
    await vscode.window.showInputBox({
      title: `${title} (3/4)`, prompt: vscode.l10n.t('Allow connections from (an IPv4 address or CIDR block; 0.0.0.0/0 = anywhere)'), value: start?.sourceCidrIp ?? '0.0.0.0/0', ignoreFocusOut: true, validateInput: cidrProblem,
    }),
  ).trim();
  const risky = sensitive(port);
  if (isOpenToWorld(source) && risky !== undefined) {
    const open = vscode.l10n.t('Open to Anywhere');
    const sure = await vscode.window.showWarningMessage(vscode.l10n.t('Open port {0} to the whole internet?', risky), { modal: true, detail: vscode.l10n.t('Port {0} is often attacked. A narrower source, such as your own address with /32, is safer.', risky) }, open);
    if (sure !== open) throw new Cancelled();
  }
  const remark = orCancel(await vscode.window.showInputBox({ title: `${title} (4/4)`, prompt: vscode.l10n.t('Remark (optional)'), value: start?.remark ?? '', ignoreFocusOut: true, validateInput: (v) => (v.length > 64 ? vscode.l10n.t('At most 64 characters.') : undefined) }));
  return { port, protocol: proto, sourceCidrIp: source, remark };
}
