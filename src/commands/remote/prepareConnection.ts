// The preflight of every Connect command: each obstacle becomes one actionable message, in the
// order they must be solved — not Running → Start; Windows → Workbench; the SWAS firewall does
// not accept the SSH port → add a rule for a source the user confirms; no key authorised →
// authorise one (authorizeFlow.ts: through Cloud Assistant, or as a SWAS key pair); then the
// one-time offer to write a plain `Host swas-<name>` block into the ssh config. A server set up
// before costs no API call at all. The order and the calls are src/core/remote/connectPreflight.ts;
// this file only asks the questions.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import { connectPreflight } from '../../core/remote/connectPreflight';
import type { PreflightUi } from '../../core/remote/connectPreflight';
import { firstObstacle, isOpenToWorld, SENSITIVE_PORTS } from '../../core/remote/preflight';
import { sleep } from '../../core/retry';
import { sshConfigOverride, sshConfigPath } from '../../platform/sshConfigPath';
import { SshConnections } from '../../platform/sshConnections';
import type { Services } from '../../services';
import { Cancelled, orCancel } from '../runner';
import { chooseAuthorizeWay, chooseKey } from './authorizeFlow';
import { cidrProblem } from './firewallInput';

export interface PreparedConnection {
  instance: Instance;
  /** The ssh config alias, when the section was written. */
  alias?: string;
  host: string;
  user: string;
  port: number;
  identityFile?: string;
}

/** `ssh` arguments for the connection: the alias when there is one (with -F when the config is not ssh's default). */
export function sshArgs(c: PreparedConnection): string[] {
  if (c.alias) {
    const file = sshConfigOverride();
    return file === undefined ? [c.alias] : ['-F', file, c.alias];
  }
  const args = ['-p', String(c.port)];
  if (c.identityFile) args.push('-i', c.identityFile, '-o', 'IdentitiesOnly=yes');
  return [...args, `${c.user}@${c.host}`];
}

async function askSettings(instance: Instance): Promise<{ user: string; port: number }> {
  const name = instance.instanceName || instance.instanceId;
  const user = orCancel(
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Connect to {0} (1/2)', name),
      prompt: vscode.l10n.t('Login user on the server (remembered for this server)'),
      value: 'root',
      ignoreFocusOut: true,
      validateInput: (v) =>
        /^[a-z_][a-z0-9_.-]{0,31}$/.test(v)
          ? undefined
          : vscode.l10n.t('Enter a user name of the server (lowercase letters, digits, "_", "-", ".").'),
    }),
  );
  const port = orCancel(
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Connect to {0} (2/2)', name),
      prompt: vscode.l10n.t('SSH port of the server'),
      value: '22',
      ignoreFocusOut: true,
      validateInput: (v) =>
        /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : vscode.l10n.t('Enter a port from 1 to 65535.'),
    }),
  );
  return { user, port: Number(port) };
}

async function firewallSource(name: string, port: number): Promise<string> {
  const add = vscode.l10n.t('Add a Rule…');
  const pick = await vscode.window.showWarningMessage(
    vscode.l10n.t('The SWAS firewall of {0} does not accept TCP port {1}, so SSH cannot reach it.', name, port),
    { modal: true, detail: vscode.l10n.t('Add a firewall rule that accepts TCP {0} from the address you connect from.', port) },
    add,
  );
  if (pick !== add) throw new Cancelled();
  const source = orCancel(
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Firewall rule for TCP {0} on {1}', port, name),
      prompt: vscode.l10n.t('Allow connections from (an IPv4 address or CIDR block; 0.0.0.0/0 = anywhere)'),
      value: '0.0.0.0/0',
      ignoreFocusOut: true,
      validateInput: (v) => cidrProblem(v),
    }),
  );
  if (isOpenToWorld(source) && SENSITIVE_PORTS.has(port)) {
    const open = vscode.l10n.t('Open to Anywhere');
    const sure = await vscode.window.showWarningMessage(
      vscode.l10n.t('Open TCP {0} of {1} to the whole internet?', port, name),
      {
        modal: true,
        detail: vscode.l10n.t('Port {0} is often attacked. A narrower source, such as your own address with /32, is safer.', port),
      },
      open,
    );
    if (sure !== open) throw new Cancelled();
  }
  return source;
}

/** The command's answers to the core preflight's questions: dialogs, inputs and a progress notification. */
function dialogs(services: Services, instance: Instance, file: string): PreflightUi {
  const name = instance.instanceName || instance.instanceId;
  return {
    askSettings: () => askSettings(instance),
    firewallSource: (port) => firewallSource(name, port),
    confirmAuthorize: (conn) => chooseAuthorizeWay(services, instance, conn, dirname(file)),
    agentOffline() {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Cloud Assistant is not online on {0}, so the key cannot be installed from here. It is installed on SWAS servers by default; if it was stopped or removed, start or reinstall it from the console, or add the key yourself (ssh-copy-id).',
          name,
        ),
      );
      return new Cancelled();
    },
    chooseKey: (existing, keyDir) => chooseKey(services, instance, existing, keyDir),
    whileAuthorizing: (run) =>
      Promise.resolve(
        vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Authorising the key on {0}…', name) },
          run,
        ),
      ),
    authorizeFailed: (why) => new Error(vscode.l10n.t('The key could not be installed on {0} ({1}).', name, why)),
    async configConsent() {
      const yes = vscode.l10n.t('Add Host Entries');
      const no = vscode.l10n.t("Don't Write the File");
      const pick = await vscode.window.showInformationMessage(
        vscode.l10n.t('Add a "Host swas-<name>" entry for each server you connect to, to {0}?', file),
        {
          modal: true,
          detail: vscode.l10n.t(
            'Then `ssh swas-<name>` and any Remote-SSH work without this extension. Only one marked SWAS Explorer section is written; everything else in the file stays exactly as it is.',
          ),
        },
        yes,
        no,
      );
      if (pick === undefined) throw new Cancelled();
      return pick === yes ? 'yes' : 'no';
    },
  };
}

/** Runs the preflight; resolves with how to connect, or throws Cancelled when the user stops. */
export async function prepareConnection(services: Services, instance: Instance): Promise<PreparedConnection> {
  const name = instance.instanceName || instance.instanceId;
  const obstacle = firstObstacle(instance);
  if (obstacle === 'notRunning') {
    const start = vscode.l10n.t('Start');
    const canStart = instance.status === 'Stopped' && (await vscode.commands.getCommands(true)).includes('swas.startServer');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is not running ({1}); start it first.', name, instance.status),
      ...(canStart ? [start] : []),
    );
    if (pick === start)
      await vscode.commands.executeCommand('swas.startServer', { regionId: instance.regionId, instanceId: instance.instanceId });
    throw new Cancelled();
  }
  if (obstacle === 'windows') {
    const open = vscode.l10n.t('Open Workbench');
    const pick = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} is a Windows server: connect to it through the Workbench in your browser.', name),
      open,
    );
    if (pick === open)
      await vscode.commands.executeCommand('swas.openWorkbench', { regionId: instance.regionId, instanceId: instance.instanceId });
    throw new Cancelled();
  }
  if (obstacle === 'noPublicIp') throw new Error(vscode.l10n.t('{0} has no public IP address.', name));
  const api = services.api();
  if (!api) throw new Cancelled();
  const profile = services.session.state?.profile ?? 'default';
  const store = new SshConnections(services.context.globalState).storeFor(profile, instance.instanceId);
  const configFile = sshConfigPath();
  const conn = await connectPreflight(instance, store, dialogs(services, instance, configFile), {
    remote: api.remote,
    configFile,
    keyDir: dirname(configFile),
    run: { now: Date.now, sleep },
    logger: services.logger,
  });
  return { instance, alias: conn.alias, host: instance.publicIpAddress, user: conn.user, port: conn.port, identityFile: conn.identityFile };
}
