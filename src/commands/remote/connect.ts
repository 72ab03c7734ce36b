// SWAS: Open SSH Terminal / Connect in New Window / Connect in Current Window / Open Workbench.
// The terminal runs the system `ssh`; the windows are Remote-SSH's (`opensshremotes.*`, when an
// extension provides them — otherwise the user may install it, or gets the terminal instead).
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import type { Services } from '../../services';
import { pickServer } from './pickServers';
import { prepareConnection, sshArgs } from './prepareConnection';
import type { PreparedConnection } from './prepareConnection';

const REMOTE_SSH_ID = 'ms-vscode-remote.remote-ssh';
const linuxRunning = (i: Pick<Instance, 'status' | 'osType'>): boolean => i.status === 'Running' && i.osType !== 'Windows';

export async function openSshTerminal(services: Services, node?: unknown): Promise<vscode.Terminal> {
  const instance = await pickServer(services, node, vscode.l10n.t('SWAS: Open SSH Terminal'), linuxRunning);
  return terminalFor(await prepareConnection(services, instance));
}

export function terminalFor(c: PreparedConnection): vscode.Terminal {
  const terminal = vscode.window.createTerminal({
    name: `SSH: ${c.instance.instanceName || c.instance.instanceId}`,
    shellPath: 'ssh',
    shellArgs: sshArgs(c),
    iconPath: new vscode.ThemeIcon('remote'),
  });
  terminal.show();
  return terminal;
}

export async function connectRemote(services: Services, node: unknown, where: 'new' | 'current'): Promise<unknown> {
  const instance = await pickServer(
    services,
    node,
    where === 'new' ? vscode.l10n.t('SWAS: Connect in New Window') : vscode.l10n.t('SWAS: Connect in Current Window'),
    linuxRunning,
  );
  const command = where === 'new' ? 'opensshremotes.openEmptyWindow' : 'opensshremotes.openEmptyWindowInCurrentWindow';
  if (!(await vscode.commands.getCommands(true)).includes(command)) {
    const install = vscode.l10n.t('Install Remote - SSH');
    const terminal = vscode.l10n.t('Open SSH Terminal');
    const pick = await vscode.window.showInformationMessage(
      vscode.l10n.t('Opening a window on the server needs the Remote - SSH extension, which is not installed.'),
      install,
      terminal,
    );
    if (pick === install) await vscode.commands.executeCommand('workbench.extensions.installExtension', REMOTE_SSH_ID);
    else if (pick === terminal) return terminalFor(await prepareConnection(services, instance));
    return undefined;
  }
  const c = await prepareConnection(services, instance);
  const args = c.alias ? { host: c.alias } : { host: c.host, userName: c.user, port: c.port };
  return vscode.commands.executeCommand(command, args);
}

export async function openWorkbench(services: Services, node?: unknown): Promise<boolean> {
  const instance = await pickServer(services, node, vscode.l10n.t('SWAS: Open Workbench in Browser'), (i) => i.status === 'Running');
  const api = services.api();
  if (!api) return false;
  const url = await api.remote.loginUrl({ regionId: instance.regionId, instanceId: instance.instanceId });
  if (!/^https?:\/\//i.test(url)) throw new Error(vscode.l10n.t('The API answered no usable Workbench address.'));
  return vscode.env.openExternal(vscode.Uri.parse(url));
}
