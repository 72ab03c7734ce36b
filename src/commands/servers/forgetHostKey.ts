// After a reset the server's SSH host key changes: offer `ssh-keygen -R <ip>` (run without a
// shell; only an IP address is ever passed), and `ssh-keygen -R [ip]:port` when the server is
// reached on another port than 22 (its key is filed under that name).
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { knownHostsNames } from '../../core/ssh/knownHosts';
import { SshConnections } from '../../platform/sshConnections';
import type { Services } from '../../services';

function removeKey(name: string): Promise<Error | undefined> {
  return new Promise((resolve) => execFile('ssh-keygen', ['-R', name], { timeout: 10_000 }, (err) => resolve(err ?? undefined)));
}

export async function forgetHostKey(services: Services, ip: string, instanceId?: string): Promise<void> {
  const profile = services.session.state?.profile ?? 'default';
  const port = instanceId ? new SshConnections(services.context.globalState).get(profile, instanceId)?.port : undefined;
  const names = knownHostsNames(ip, port);
  if (names.length === 0) return;
  const forget = vscode.l10n.t('Forget Old Host Key');
  const answer = await services.prompts.info(vscode.l10n.t('The SSH host key of {0} changes with the reset. Remove the old key from ~/.ssh/known_hosts?', ip), forget);
  if (answer !== forget) return;
  for (const name of names) {
    const err = await removeKey(name);
    if (err) {
      services.logger.warn(`ssh-keygen -R ${name}: ${err.message}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Could not run ssh-keygen -R {0}. Remove the old key by hand.', name));
      return;
    }
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Removed the old host key of {0}.', ip));
}
