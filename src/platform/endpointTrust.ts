// One-time confirmation of an endpoint host that is neither the service's own (*.aliyuncs.com) nor
// loopback: every signed call carries the AccessKey ID and a signature that does not cover the
// host, so a relay could replay it. The user confirms the host once in a modal that names it; the
// confirmed hosts are remembered in globalState (not secrets). A refusal holds until the setting
// changes or the user signs in again.
import * as vscode from 'vscode';
import { hostNeedingConfirmation } from '../core/endpoint';
import { CLIENT_CODES, SwasError } from '../core/errors';

const KEY = 'swas.confirmedEndpointHosts';

export class EndpointTrust {
  private readonly pending = new Map<string, Promise<boolean>>();
  private readonly refused = new Set<string>();

  constructor(private readonly state: vscode.Memento) {}

  private confirmed(): string[] {
    const v = this.state.get<unknown>(KEY);
    return Array.isArray(v) ? v.filter((h): h is string => typeof h === 'string') : [];
  }

  /** Throws `Config.UntrustedEndpoint` unless the template's host is trusted or the user confirms it. */
  async ensure(template: string, opts: { askAgain?: boolean } = {}): Promise<void> {
    const host = hostNeedingConfirmation(template);
    if (host === undefined || this.confirmed().includes(host)) return;
    if (opts.askAgain) this.refused.delete(host);
    if (!this.refused.has(host)) {
      let asking = this.pending.get(host);
      if (!asking) {
        asking = this.ask(host).finally(() => this.pending.delete(host));
        this.pending.set(host, asking);
      }
      if (await asking) return;
    }
    throw new SwasError({ code: CLIENT_CODES.untrustedEndpoint, message: `the endpoint host ${host} was not confirmed`, retryable: false });
  }

  /** Forgets refusals (the setting changed: ask about the new host). */
  reset(): void {
    this.refused.clear();
  }

  private async ask(host: string): Promise<boolean> {
    const trust = vscode.l10n.t('Send Requests to {0}', host);
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'The "swas.endpoint" setting sends your signed requests to {0}, which is not an Alibaba Cloud host. Anyone running it can read what the AccessKey can read. Only continue if you run or trust this server.',
        host,
      ),
      { modal: true },
      trust,
    );
    if (pick !== trust) {
      this.refused.add(host);
      return false;
    }
    await this.state.update(KEY, [...this.confirmed(), host]);
    return true;
  }
}
