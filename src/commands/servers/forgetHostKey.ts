// After a reset the server's SSH host key changes: offer to remove the old key from the
// known_hosts files ssh uses for that server (src/core/ssh/knownHosts.ts: `ssh -G`, then
// `ssh-keygen -R` without a shell), under the name it is filed by (`[ip]:port` off port 22, our
// alias's HostKeyAlias). What we knew about the old disk (our key authorised there) is forgotten too.
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import { forgetKnownHost } from '../../core/ssh/knownHosts';
import { SshConnections } from '../../platform/sshConnections';
import type { Services } from '../../services';
import { sshConfigOverride } from '../../platform/sshConfigPath';

export async function forgetHostKey(services: Services, server: Instance): Promise<void> {
  const ip = server.publicIpAddress;
  const connections = new SshConnections(services.context.globalState);
  const profile = services.session.state?.profile ?? 'default';
  // The reset gives the server a new disk: our key is no longer known to be authorised there.
  await connections.forgetKey(profile, server.instanceId);
  if (!ip) return;
  const conn = connections.get(profile, server.instanceId);
  const forget = vscode.l10n.t('Forget Old Host Key');
  const answer = await services.prompts.info(
    vscode.l10n.t('The SSH host key of {0} changes with the reset. Remove the old key from your known_hosts?', ip),
    forget,
  );
  if (answer !== forget) return;
  try {
    const r = await forgetKnownHost({ ip, port: conn?.port, alias: conn?.alias, configFile: sshConfigOverride() });
    services.logger.info(`Host key of ${r.name}: removed from [${r.removedFrom.join(', ')}] of [${r.files.join(', ')}]`);
    void vscode.window.showInformationMessage(
      r.removedFrom.length > 0
        ? vscode.l10n.t('Removed the old host key of {0}.', r.name)
        : vscode.l10n.t('Your known_hosts has no old host key of {0}: nothing to remove.', r.name),
    );
  } catch (e) {
    services.logger.warn(`Forgetting the host key of ${ip}: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not run ssh-keygen -R {0}. Remove the old key by hand.', ip));
  }
}
