// Named credential profiles, kept only in VS Code's SecretStorage (never settings or
// globalState). Everything — the profile list and the active name too — lives in
// SecretStorage so that `secrets.onDidChange` tells every window about any change.
import type * as vscode from 'vscode';
import type { Credentials } from '../core/model';

const KEY_PROFILES = 'swas.profiles';
const KEY_ACTIVE = 'swas.activeProfile';
const PROFILE_PREFIX = 'swas.profile.';

export interface ActiveProfile {
  name: string;
  credentials: Credentials;
}

export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export class CredentialStore {
  readonly onDidChange: vscode.Event<vscode.SecretStorageChangeEvent>;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.onDidChange = (listener, thisArgs, disposables) =>
      secrets.onDidChange((e) => (e.key.startsWith('swas.') ? listener.call(thisArgs, e) : undefined), undefined, disposables);
  }

  async listProfiles(): Promise<string[]> {
    const raw = await this.secrets.get(KEY_PROFILES);
    if (!raw) return [];
    try {
      const v: unknown = JSON.parse(raw);
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  async getProfile(name: string): Promise<Credentials | undefined> {
    const raw = await this.secrets.get(PROFILE_PREFIX + name);
    if (!raw) return undefined;
    try {
      const v = JSON.parse(raw) as Partial<Credentials>;
      if (typeof v.accessKeyId !== 'string' || typeof v.accessKeySecret !== 'string') return undefined;
      return {
        accessKeyId: v.accessKeyId,
        accessKeySecret: v.accessKeySecret,
        ...(v.securityToken ? { securityToken: v.securityToken } : {}),
      };
    } catch {
      return undefined;
    }
  }

  async getActiveName(): Promise<string | undefined> {
    return (await this.secrets.get(KEY_ACTIVE)) || undefined;
  }

  async getActive(): Promise<ActiveProfile | undefined> {
    const name = await this.getActiveName();
    if (!name) return undefined;
    const credentials = await this.getProfile(name);
    return credentials ? { name, credentials } : undefined;
  }

  /** Saves (or replaces) a profile and makes it the active one. */
  async saveProfile(name: string, credentials: Credentials): Promise<void> {
    const clean: Credentials = {
      accessKeyId: credentials.accessKeyId.trim(),
      accessKeySecret: credentials.accessKeySecret.trim(),
      ...(credentials.securityToken?.trim() ? { securityToken: credentials.securityToken.trim() } : {}),
    };
    await this.secrets.store(PROFILE_PREFIX + name, JSON.stringify(clean));
    const names = await this.listProfiles();
    if (!names.includes(name)) await this.secrets.store(KEY_PROFILES, JSON.stringify([...names, name]));
    await this.secrets.store(KEY_ACTIVE, name);
  }

  async setActive(name: string): Promise<void> {
    await this.secrets.store(KEY_ACTIVE, name);
  }

  /** Deletes a profile; if it was active, another remaining profile (if any) becomes active. */
  async deleteProfile(name: string): Promise<string | undefined> {
    await this.secrets.delete(PROFILE_PREFIX + name);
    const rest = (await this.listProfiles()).filter((n) => n !== name);
    await this.secrets.store(KEY_PROFILES, JSON.stringify(rest));
    const active = await this.getActiveName();
    if (active === name || active === undefined) {
      const next = rest[0];
      if (next) await this.secrets.store(KEY_ACTIVE, next);
      else await this.secrets.delete(KEY_ACTIVE);
      return next;
    }
    return active;
  }
}
