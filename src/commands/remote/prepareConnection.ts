// The preflight of every Connect command: each obstacle becomes one actionable message, in the
// order they must be solved — not Running → Start; Windows → Workbench; the SWAS firewall does
// not accept the SSH port → add a rule for a source the user confirms; no key authorised →
// authorise one (an existing ~/.ssh/*.pub or a new ed25519 key) through Cloud Assistant; then the
// one-time offer to write a plain `Host swas-<name>` block into the ssh config. A server set up
// before costs no API call at all.
import { randomUUID } from 'node:crypto';
import { homedir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import { authorizeKeyScript } from '../../core/remote/authorizeKey';
import { firewallAllows, firstObstacle, isOpenToWorld, SENSITIVE_PORTS } from '../../core/remote/preflight';
import { runOnServers } from '../../core/remote/runOnServers';
import { sleep } from '../../core/retry';
import { hostAlias, upsertHost } from '../../core/ssh/sshConfig';
import { editSshConfigFile } from '../../core/ssh/sshConfigFile';
import type { KeyFile } from '../../core/ssh/sshKeys';
import { freeKeyPath, generateKey, listKeys } from '../../core/ssh/sshKeys';
import { SshConnections } from '../../platform/sshConnections';
import type { SshConnection } from '../../platform/sshConnections';
import type { Services } from '../../services';
import { Cancelled, orCancel } from '../runner';
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

/** The ssh client config Remote-SSH uses (`remote.SSH.configFile`), else ~/.ssh/config. */
export function sshConfigPath(): string {
  const set = vscode.workspace.getConfiguration('remote.SSH').get<string>('configFile')?.trim();
  if (set) return set.startsWith('~') ? join(homedir(), set.slice(1)) : set;
  return join(homedir(), '.ssh', 'config');
}

/** The file `ssh` reads by itself: ~/.ssh/config of the account's home (OpenSSH ignores $HOME). */
function defaultConfigPath(): string {
  let home = homedir();
  try {
    home = userInfo().homedir || home;
  } catch {
    // no passwd entry: keep $HOME
  }
  return join(home, '.ssh', 'config');
}

/** The config file to pass to `ssh -F`: undefined when it is the one ssh reads by itself. */
export function sshConfigOverride(): string | undefined {
  const file = sshConfigPath();
  return file === defaultConfigPath() ? undefined : file;
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

async function askSettings(instance: Instance, known: SshConnection | undefined): Promise<SshConnection> {
  if (known) return known;
  const name = instance.instanceName || instance.instanceId;
  const user = orCancel(
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Connect to {0} (1/2)', name), prompt: vscode.l10n.t('Login user on the server (remembered for this server)'), value: 'root', ignoreFocusOut: true,
      validateInput: (v) => (/^[a-z_][a-z0-9_.-]{0,31}$/.test(v) ? undefined : vscode.l10n.t('Enter a user name of the server (lowercase letters, digits, "_", "-", ".").')),
    }),
  );
  const port = orCancel(
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Connect to {0} (2/2)', name), prompt: vscode.l10n.t('SSH port of the server'), value: '22', ignoreFocusOut: true,
      validateInput: (v) => (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : vscode.l10n.t('Enter a port from 1 to 65535.')),
    }),
  );
  return { user, port: Number(port) };
}

async function ensureFirewall(services: Services, instance: Instance, port: number): Promise<void> {
  const api = services.api();
  if (!api) throw new Cancelled();
  const rules = await api.remote.listFirewallRules(instance.regionId, instance.instanceId);
  if (firewallAllows(rules, port)) return;
  const name = instance.instanceName || instance.instanceId;
  const add = vscode.l10n.t('Add a Rule…');
  const pick = await vscode.window.showWarningMessage(
    vscode.l10n.t('The SWAS firewall of {0} does not accept TCP port {1}, so SSH cannot reach it.', name, port),
    { modal: true, detail: vscode.l10n.t('Add a firewall rule that accepts TCP {0} from the address you connect from.', port) },
    add,
  );
  if (pick !== add) throw new Cancelled();
  const source = orCancel(
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Firewall rule for TCP {0} on {1}', port, name), prompt: vscode.l10n.t('Allow connections from (an IPv4 address or CIDR block; 0.0.0.0/0 = anywhere)'), value: '0.0.0.0/0', ignoreFocusOut: true,
      validateInput: (v) => cidrProblem(v),
    }),
  );
  if (isOpenToWorld(source) && SENSITIVE_PORTS.has(port)) {
    const open = vscode.l10n.t('Open to Anywhere');
    const sure = await vscode.window.showWarningMessage(vscode.l10n.t('Open TCP {0} of {1} to the whole internet?', port, name), { modal: true, detail: vscode.l10n.t('Port {0} is often attacked. A narrower source, such as your own address with /32, is safer.', port) }, open);
    if (sure !== open) throw new Cancelled();
  }
  await api.remote.createFirewallRules({ regionId: instance.regionId, instanceId: instance.instanceId, rules: [{ port: String(port), protocol: 'TCP', sourceCidrIp: source, remark: 'SSH (SWAS Explorer)' }], clientToken: randomUUID() });
}

async function chooseKey(instance: Instance, keyDir: string): Promise<KeyFile> {
  const existing = await listKeys(keyDir);
  type Item = vscode.QuickPickItem & { key?: KeyFile };
  const items: Item[] = [
    { label: `$(add) ${vscode.l10n.t('Create a new key (ed25519)')}`, detail: vscode.l10n.t('Made with ssh-keygen in {0}, readable only by you', keyDir) },
    ...existing.map((k) => ({ label: `$(key) ${k.privatePath.slice(keyDir.length + 1)}.pub`, description: k.publicKey.type, detail: k.comment, key: k })),
  ];
  const pick = orCancel(await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Key to authorise on {0}', instance.instanceName || instance.instanceId), ignoreFocusOut: true }));
  if (pick.key) return pick.key;
  const base = hostAlias(instance.instanceName, instance.instanceId).replace(/^swas-/, 'swas_');
  return generateKey(await freeKeyPath(keyDir, base), `swas-explorer@${instance.instanceId}`);
}

async function authorize(services: Services, instance: Instance, conn: SshConnection, keyDir: string): Promise<SshConnection> {
  const api = services.api();
  if (!api) throw new Cancelled();
  const name = instance.instanceName || instance.instanceId;
  const go = vscode.l10n.t('Authorize a Key…');
  const pick = await vscode.window.showInformationMessage(
    vscode.l10n.t('No key of yours is authorised for {0}@{1} yet.', conn.user, name),
    { modal: true, detail: vscode.l10n.t('The public key is added to ~/.ssh/authorized_keys of {0} on the server through Cloud Assistant, marked so it can be removed later. Nothing else changes: no reboot, password login stays as it is.', conn.user) },
    go,
  );
  if (pick !== go) throw new Cancelled();
  const online = await api.remote.cloudAssistantStatus(instance.regionId, [instance.instanceId]);
  if (online.get(instance.instanceId) !== true) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Cloud Assistant is not online on {0}, so the key cannot be installed from here. It is installed on SWAS servers by default; if it was stopped or removed, start or reinstall it from the console, or add the key yourself (ssh-copy-id).', name),
    );
    throw new Cancelled();
  }
  const key = await chooseKey(instance, keyDir);
  const [outcome] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Authorising the key on {0}…', name) }, () =>
    runOnServers(api.remote, [{ regionId: instance.regionId, instanceId: instance.instanceId, instanceName: instance.instanceName, osType: instance.osType }], authorizeKeyScript(key.publicKey, instance.instanceId), { timeoutSeconds: 60, workingUser: conn.user }, { now: Date.now, sleep }),
  );
  if (!outcome || outcome.error || outcome.result?.status !== 'Success') {
    const why = outcome?.result ? `${outcome.result.status}: ${outcome.result.errorInfo || outcome.result.output.trim()}` : outcome?.error?.message ?? '';
    throw new Error(vscode.l10n.t('The key could not be installed on {0} ({1}).', name, why));
  }
  return { ...conn, identityFile: key.privatePath, authorizedKey: key.publicKey.base64 };
}

async function writeConfig(services: Services, connections: SshConnections, instance: Instance, conn: SshConnection): Promise<string | undefined> {
  const file = sshConfigPath();
  let consent = connections.configConsent();
  if (consent === undefined) {
    const yes = vscode.l10n.t('Add Host Entries');
    const no = vscode.l10n.t('Don\'t Write the File');
    const pick = await vscode.window.showInformationMessage(
      vscode.l10n.t('Add a "Host swas-<name>" entry for each server you connect to, to {0}?', file),
      { modal: true, detail: vscode.l10n.t('Then `ssh swas-<name>` and any Remote-SSH work without this extension. Only one marked SWAS Explorer section is written; everything else in the file stays exactly as it is.') },
      yes,
      no,
    );
    if (pick === undefined) throw new Cancelled();
    consent = pick === yes ? 'yes' : 'no';
    await connections.setConfigConsent(consent);
  }
  if (consent === 'no') return undefined;
  const alias = hostAlias(instance.instanceName, instance.instanceId);
  await editSshConfigFile(file, (text) => upsertHost(text, { alias, hostName: instance.publicIpAddress, user: conn.user, port: conn.port, ...(conn.identityFile ? { identityFile: conn.identityFile } : {}) }));
  services.logger.info(`ssh config: Host ${alias} written to ${file}`);
  return alias;
}

/** Runs the preflight; resolves with how to connect, or throws Cancelled when the user stops. */
export async function prepareConnection(services: Services, instance: Instance): Promise<PreparedConnection> {
  const name = instance.instanceName || instance.instanceId;
  const obstacle = firstObstacle(instance);
  if (obstacle === 'notRunning') {
    const start = vscode.l10n.t('Start');
    const canStart = instance.status === 'Stopped' && (await vscode.commands.getCommands(true)).includes('swas.startServer');
    const pick = await vscode.window.showWarningMessage(vscode.l10n.t('{0} is not running ({1}); start it first.', name, instance.status), ...(canStart ? [start] : []));
    if (pick === start) await vscode.commands.executeCommand('swas.startServer', { regionId: instance.regionId, instanceId: instance.instanceId });
    throw new Cancelled();
  }
  if (obstacle === 'windows') {
    const open = vscode.l10n.t('Open Workbench');
    const pick = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is a Windows server: connect to it through the Workbench in your browser.', name), open);
    if (pick === open) await vscode.commands.executeCommand('swas.openWorkbench', { regionId: instance.regionId, instanceId: instance.instanceId });
    throw new Cancelled();
  }
  if (obstacle === 'noPublicIp') throw new Error(vscode.l10n.t('{0} has no public IP address.', name));
  const profile = services.session.state?.profile ?? 'default';
  const connections = new SshConnections(services.context.globalState);
  let conn = await askSettings(instance, connections.get(profile, instance.instanceId));
  await connections.set(profile, instance.instanceId, conn);
  const ready = conn.identityFile !== undefined && conn.authorizedKey !== undefined;
  if (!ready) {
    await ensureFirewall(services, instance, conn.port);
    conn = await authorize(services, instance, conn, dirname(sshConfigPath()));
    await connections.set(profile, instance.instanceId, conn);
  }
  const alias = conn.alias && ready ? conn.alias : await writeConfig(services, connections, instance, conn);
  if (alias !== conn.alias) await connections.set(profile, instance.instanceId, { ...conn, alias });
  return { instance, alias, host: instance.publicIpAddress, user: conn.user, port: conn.port, identityFile: conn.identityFile };
}
