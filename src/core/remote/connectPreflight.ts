// The API and file part of every Connect command's preflight, after the instance's own facts
// (firstObstacle) have been checked: the SWAS firewall accepts the SSH port (else a rule for a
// source the user confirms), a key of the user's is authorised on the server through Cloud
// Assistant (an existing ~/.ssh/*.pub or a new ed25519 key) — or by the UI's own way (a SWAS key
// pair, see AuthorizeChoice) — then the one-time consent to write a
// plain `Host swas-<name>` block into the ssh config. A server set up before (its key known to be
// installed, its alias written) costs no API call and no file write.
// Every question goes through `PreflightUi` (the command shows dialogs; tests and the bench
// answer them); an answer that stops the flow throws.
import { randomUUID } from 'node:crypto';
import type { Instance } from '../model';
import type { Logger } from '../logger';
import { hostAlias, upsertHost } from '../ssh/sshConfig';
import { editSshConfigFile } from '../ssh/sshConfigFile';
import type { KeyFile } from '../ssh/sshKeys';
import { freeKeyPath, generateKey, listKeys } from '../ssh/sshKeys';
import { authorizeKeyScript } from './authorizeKey';
import { firewallAllows } from './preflight';
import type { RemoteAccessApi } from './remoteAccessClient';
import type { RunDeps, RunOutcome } from './runOnServers';
import { runOnServers } from './runOnServers';

/** What is remembered about connecting to one server: never key material, only the key's path. */
export interface SshConnection {
  user: string;
  port: number;
  /** Private key file path (the .pub beside it is what was installed). */
  identityFile?: string;
  /** The public key (base64 part) known to be in the server's authorized_keys. */
  authorizedKey?: string;
  /** Host alias written to the ssh config, when it was. */
  alias?: string;
}

/** The remembered connection of this server, and the one-time consent to write the ssh config. */
export interface ConnectionStore {
  get(): SshConnection | undefined;
  set(c: SshConnection): Promise<void>;
  configConsent(): 'yes' | 'no' | undefined;
  setConfigConsent(v: 'yes' | 'no'): Promise<void>;
}

/**
 * How the user chose to authorise a key: through Cloud Assistant (here, optionally with a key the
 * UI already picked), or another way the UI carried out itself (a SWAS key pair), with its result.
 */
export type AuthorizeChoice = { way: 'cloudAssistant'; key?: KeyFile } | { way: 'done'; conn: SshConnection };

export interface PreflightUi {
  /** Login user and SSH port, asked only when nothing is remembered. */
  askSettings(): Promise<{ user: string; port: number }>;
  /** The firewall does not accept TCP `port`: the source of the rule to add, once the user agreed. */
  firewallSource(port: number): Promise<string>;
  /** No key is known to be installed for `conn.user`: how the user agreed to authorise one. */
  confirmAuthorize(conn: SshConnection): Promise<AuthorizeChoice>;
  /** Cloud Assistant is offline: the error to stop with (the UI has told the user why). */
  agentOffline(): Error;
  /** An existing key to install, or 'new' for a new ed25519 key. */
  chooseKey(existing: readonly KeyFile[], keyDir: string): Promise<KeyFile | 'new'>;
  /** Runs the authorisation (the command shows a progress notification). */
  whileAuthorizing(run: () => Promise<RunOutcome | undefined>): Promise<RunOutcome | undefined>;
  /** The error to stop with when the key could not be installed. */
  authorizeFailed(why: string): Error;
  /** Asked once: may we write Host entries into `file`? */
  configConsent(file: string): Promise<'yes' | 'no'>;
}

export interface PreflightEnv {
  remote: RemoteAccessApi;
  /** The ssh client config to write (Remote-SSH's `remote.SSH.configFile`, else ~/.ssh/config). */
  configFile: string;
  /** Where keys are listed and made (the config file's folder). */
  keyDir: string;
  run: RunDeps;
  logger: Logger;
}

export type PreflightTarget = Pick<Instance, 'regionId' | 'instanceId' | 'instanceName' | 'osType' | 'publicIpAddress'>;

/** Whether nothing is left to set up on the server's side (so no API call is needed). */
export function keyReady(c: SshConnection | undefined): boolean {
  return c?.identityFile !== undefined && c.authorizedKey !== undefined;
}

/** Why a run of the authorize script did not install the key; undefined when it did. */
export function authorizeProblem(outcome: RunOutcome | undefined): string | undefined {
  if (outcome?.result?.status === 'Success' && !outcome.error) return undefined;
  if (outcome?.result) return `${outcome.result.status}: ${outcome.result.errorInfo || outcome.result.output.trim()}`;
  if (outcome?.stillRunning) return 'still running';
  return outcome?.error?.message ?? 'not started';
}

async function ensureFirewall(t: PreflightTarget, port: number, ui: PreflightUi, env: PreflightEnv): Promise<void> {
  const rules = await env.remote.listFirewallRules(t.regionId, t.instanceId);
  if (firewallAllows(rules, port)) return;
  const source = await ui.firewallSource(port);
  await env.remote.createFirewallRules({
    regionId: t.regionId,
    instanceId: t.instanceId,
    rules: [{ port: String(port), protocol: 'TCP', sourceCidrIp: source, remark: 'SSH (SWAS Explorer)' }],
    clientToken: randomUUID(),
  });
}

async function authorize(t: PreflightTarget, conn: SshConnection, ui: PreflightUi, env: PreflightEnv): Promise<SshConnection> {
  const choice = await ui.confirmAuthorize(conn);
  if (choice.way === 'done') return choice.conn;
  const online = await env.remote.cloudAssistantStatus(t.regionId, [t.instanceId]);
  if (online.get(t.instanceId) !== true) throw ui.agentOffline();
  const picked = choice.key ?? (await ui.chooseKey(await listKeys(env.keyDir), env.keyDir));
  const base = hostAlias(t.instanceName, t.instanceId).replace(/^swas-/, 'swas_');
  const key = picked === 'new' ? await generateKey(await freeKeyPath(env.keyDir, base), `swas-explorer@${t.instanceId}`) : picked;
  const target = { regionId: t.regionId, instanceId: t.instanceId, instanceName: t.instanceName, osType: t.osType };
  const outcome = await ui.whileAuthorizing(
    async () =>
      (
        await runOnServers(
          env.remote,
          [target],
          authorizeKeyScript(key.publicKey, t.instanceId),
          { timeoutSeconds: 60, workingUser: conn.user },
          env.run,
        )
      )[0],
  );
  const problem = authorizeProblem(outcome);
  if (problem !== undefined) throw ui.authorizeFailed(problem);
  return { ...conn, identityFile: key.privatePath, authorizedKey: key.publicKey.base64 };
}

async function writeConfig(
  t: PreflightTarget,
  conn: SshConnection,
  store: ConnectionStore,
  ui: PreflightUi,
  env: PreflightEnv,
): Promise<string | undefined> {
  let consent = store.configConsent();
  if (consent === undefined) {
    consent = await ui.configConsent(env.configFile);
    await store.setConfigConsent(consent);
  }
  if (consent === 'no') return undefined;
  const alias = hostAlias(t.instanceName, t.instanceId);
  await editSshConfigFile(env.configFile, (text) =>
    upsertHost(text, {
      alias,
      hostName: t.publicIpAddress,
      user: conn.user,
      port: conn.port,
      ...(conn.identityFile ? { identityFile: conn.identityFile } : {}),
    }),
  );
  env.logger.info(`ssh config: Host ${alias} written to ${env.configFile}`);
  return alias;
}

/** Firewall, key and ssh config, in that order; resolves with the connection to use. */
export async function connectPreflight(
  t: PreflightTarget,
  store: ConnectionStore,
  ui: PreflightUi,
  env: PreflightEnv,
): Promise<SshConnection> {
  const known = store.get();
  let conn: SshConnection = known ?? (await ui.askSettings());
  await store.set(conn);
  const ready = keyReady(conn);
  if (!ready) {
    await ensureFirewall(t, conn.port, ui, env);
    conn = await authorize(t, conn, ui, env);
    await store.set(conn);
  }
  const alias = conn.alias && ready ? conn.alias : await writeConfig(t, conn, store, ui, env);
  if (alias !== conn.alias) {
    conn = { ...conn, alias };
    await store.set(conn);
  }
  return conn;
}
