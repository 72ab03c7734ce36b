// What the extension remembers about connecting to each server, per profile, in globalState:
// login user, SSH port, the key file's PATH (never its contents) and whether that key was
// installed on the server, plus the one-time consent to write the ~/.ssh/config section.
import type * as vscode from 'vscode';
import type { ConnectionStore, SshConnection } from '../core/remote/connectPreflight';

export type { SshConnection };

const PREFIX = 'swas.ssh.connection';
const CONSENT = 'swas.ssh.configConsent';

export class SshConnections {
  constructor(private readonly state: vscode.Memento) {}

  private key(profile: string, instanceId: string): string {
    return `${PREFIX}/${profile}/${instanceId}`;
  }

  get(profile: string, instanceId: string): SshConnection | undefined {
    const v = this.state.get<unknown>(this.key(profile, instanceId));
    if (typeof v !== 'object' || v === null) return undefined;
    const o = v as Record<string, unknown>;
    if (typeof o.user !== 'string' || typeof o.port !== 'number') return undefined;
    return {
      user: o.user,
      port: o.port,
      identityFile: typeof o.identityFile === 'string' ? o.identityFile : undefined,
      authorizedKey: typeof o.authorizedKey === 'string' ? o.authorizedKey : undefined,
      alias: typeof o.alias === 'string' ? o.alias : undefined,
    };
  }

  async set(profile: string, instanceId: string, c: SshConnection): Promise<void> {
    await this.state.update(this.key(profile, instanceId), c);
  }

  /** Forgets what was learnt about the server's key (after a reset, the disk is new). */
  async forgetKey(profile: string, instanceId: string): Promise<void> {
    const c = this.get(profile, instanceId);
    if (c) await this.set(profile, instanceId, { ...c, authorizedKey: undefined });
  }

  configConsent(): 'yes' | 'no' | undefined {
    const v = this.state.get<unknown>(CONSENT);
    return v === 'yes' || v === 'no' ? v : undefined;
  }

  async setConfigConsent(v: 'yes' | 'no'): Promise<void> {
    await this.state.update(CONSENT, v);
  }

  /** The store of one server's connection, as the core preflight takes it. */
  storeFor(profile: string, instanceId: string): ConnectionStore {
    return {
      get: () => this.get(profile, instanceId),
      set: (c) => this.set(profile, instanceId, c),
      configConsent: () => this.configConsent(),
      setConfigConsent: (v) => this.setConfigConsent(v),
    };
  }
}
