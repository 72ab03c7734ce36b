// After a reset the server's SSH host key changes: offer `ssh-keygen -R <ip>` (run without a
// shell; only an IP address is ever passed).
import { execFile } from 'node:child_process';
import { isIP } from 'node:net';
import * as vscode from 'vscode';
import type { Services } from '../../services';

export async function forgetHostKey(services: Services, ip: string): Promise<void> {
  if (isIP(ip) === 0) return;
  const forget = vscode.l10n.t('Forget Old Host Key');
  const answer = await services.prompts.info(vscode.l10n.t('The SSH host key of {0} changes with the reset. Remove the old key from ~/.ssh/known_hosts?', ip), forget);
  if (answer !== forget) return;
  await new Promise<void>((resolve) => {
    execFile('ssh-keygen', ['-R', ip], { timeout: 10_000 }, (err) => {
      if (err) {
        services.logger.warn(`ssh-keygen -R ${ip}: ${err.message}`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Could not run ssh-keygen -R {0}. Remove the old key by hand.', ip));
      } else {
        void vscode.window.showInformationMessage(vscode.l10n.t('Removed the old host key of {0}.', ip));
      }
      resolve();
    });
  });
}
