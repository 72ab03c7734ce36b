// The small "form" of a firewall rule: port or range → protocol → source CIDR (with a warning for
// 0.0.0.0/0 on ports that are often attacked) → remark. Each step starts from the old value.
// An ICMP rule is sent with the port -1/-1 (documented); a TCP/UDP rule typed with -1/-1 is asked
// for its port again.
import * as vscode from 'vscode';
import { isOpenToWorld, SENSITIVE_PORTS } from '../../core/remote/preflight';
import type { FirewallRule, NewFirewallRule } from '../../core/remote/remoteModel';
import { portProblem as portCode, portToSend, sensitivePortIn } from '../../core/rules/firewallRule';
import { cidrProblem, portProblem } from '../remote/firewallInput';
import { Cancelled, orCancel } from '../runner';

const PROTOCOLS = ['TCP', 'UDP', 'TCP+UDP', 'ICMP'] as const;

async function askPort(title: string, value: string, protocol?: string): Promise<string> {
  const prompt = vscode.l10n.t('Port or range, e.g. 3306 or 8000/8010');
  return orCancel(
    await vscode.window.showInputBox({
      title: `${title} (1/4)`,
      prompt,
      value,
      ignoreFocusOut: true,
      validateInput: (v) => portProblem(v, protocol),
    }),
  ).trim();
}

export async function askRule(title: string, start?: FirewallRule): Promise<NewFirewallRule> {
  let port = await askPort(title, start?.port ?? '');
  const proto = orCancel(
    await vscode.window.showQuickPick(
      PROTOCOLS.map((p) => ({ label: p, picked: p === (start?.protocol ?? 'TCP') })),
      { title: `${title} (2/4)`, placeHolder: vscode.l10n.t('Protocol'), ignoreFocusOut: true },
    ),
  ).label;
  if (portCode(port, proto) !== undefined) port = await askPort(title, port, proto);
  port = portToSend(port, proto);
  const source = orCancel(
    await vscode.window.showInputBox({
      title: `${title} (3/4)`,
      prompt: vscode.l10n.t('Allow connections from (an IPv4 address or CIDR block; 0.0.0.0/0 = anywhere)'),
      value: start?.sourceCidrIp ?? '0.0.0.0/0',
      ignoreFocusOut: true,
      validateInput: cidrProblem,
    }),
  ).trim();
  const risky = sensitivePortIn(port, proto, SENSITIVE_PORTS);
  if (isOpenToWorld(source) && risky !== undefined) {
    const open = vscode.l10n.t('Open to Anywhere');
    const sure = await vscode.window.showWarningMessage(
      vscode.l10n.t('Open port {0} to the whole internet?', risky),
      {
        modal: true,
        detail: vscode.l10n.t('Port {0} is often attacked. A narrower source, such as your own address with /32, is safer.', risky),
      },
      open,
    );
    if (sure !== open) throw new Cancelled();
  }
  const remark = orCancel(
    await vscode.window.showInputBox({
      title: `${title} (4/4)`,
      prompt: vscode.l10n.t('Remark (optional)'),
      value: start?.remark ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => (v.length > 64 ? vscode.l10n.t('At most 64 characters.') : undefined),
    }),
  );
  return { port, protocol: proto, sourceCidrIp: source, remark };
}
