// Profiles from the Alibaba Cloud CLI's `~/.aliyun/config.json`. Import only, never written.
// Modes `AK` and `StsToken` carry usable keys; every other mode needs machinery the extension does
// not have (role assumption, instance metadata, external processes, SSO…) and is listed as not
// supported with a reason code. A malformed file gives an error code, never a raw JSON error.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Credentials } from '../model';

export type AliyunConfigError =
  | 'AliyunConfig.NotFound'
  | 'AliyunConfig.Unreadable'
  | 'AliyunConfig.Empty'
  | 'AliyunConfig.InvalidJson'
  | 'AliyunConfig.NotAnObject'
  | 'AliyunConfig.NoProfiles';

export type ProfileReason =
  | 'Mode.RequiresRoleAssumption'
  | 'Mode.RequiresEcsMetadata'
  | 'Mode.RequiresKeyPairExchange'
  | 'Mode.RequiresExternalProcess'
  | 'Mode.RequiresCredentialsUri'
  | 'Mode.RequiresOidc'
  | 'Mode.RequiresSso'
  | 'Mode.RequiresOAuth'
  | 'Mode.Unknown'
  | 'Profile.Malformed'
  | 'Profile.MissingAccessKey'
  | 'Profile.MissingSecurityToken';

export interface AliyunProfile {
  name: string;
  mode: string;
  supported: boolean;
  /** Why the profile cannot be imported (when `supported` is false). */
  reason?: ProfileReason;
  /** Present only when supported. */
  credentials?: Credentials;
  regionId?: string;
  /** True for the file's `current` profile. */
  current: boolean;
}

export type AliyunConfigResult = { ok: true; profiles: AliyunProfile[]; current?: string } | { ok: false; error: AliyunConfigError };

const UNSUPPORTED: Record<string, ProfileReason> = {
  ramrolearn: 'Mode.RequiresRoleAssumption',
  chainableramrolearn: 'Mode.RequiresRoleAssumption',
  ecsramrole: 'Mode.RequiresEcsMetadata',
  rsakeypair: 'Mode.RequiresKeyPairExchange',
  external: 'Mode.RequiresExternalProcess',
  credentialsuri: 'Mode.RequiresCredentialsUri',
  oidc: 'Mode.RequiresOidc',
  cloudsso: 'Mode.RequiresSso',
  oauth: 'Mode.RequiresOAuth',
};

export function defaultAliyunConfigPath(home: string = homedir()): string {
  return join(home, '.aliyun', 'config.json');
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

function parseProfile(raw: unknown, index: number, current: string | undefined): AliyunProfile {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { name: `#${index + 1}`, mode: '', supported: false, reason: 'Profile.Malformed', current: false };
  }
  const p = raw as Record<string, unknown>;
  const name = text(p.name) || `#${index + 1}`;
  const accessKeyId = text(p.access_key_id);
  const accessKeySecret = text(p.access_key_secret);
  // Old CLI versions wrote no mode for AccessKey profiles.
  const mode = text(p.mode) || (accessKeyId ? 'AK' : '');
  const base = { name, mode, current: name === current, ...(text(p.region_id) ? { regionId: text(p.region_id) } : {}) };
  const m = mode.toLowerCase();
  if (m === 'ak' || m === 'ststoken') {
    if (!accessKeyId || !accessKeySecret) return { ...base, supported: false, reason: 'Profile.MissingAccessKey' };
    if (m === 'ak') return { ...base, supported: true, credentials: { accessKeyId, accessKeySecret } };
    const securityToken = text(p.sts_token);
    if (!securityToken) return { ...base, supported: false, reason: 'Profile.MissingSecurityToken' };
    return { ...base, supported: true, credentials: { accessKeyId, accessKeySecret, securityToken } };
  }
  return { ...base, supported: false, reason: UNSUPPORTED[m] ?? 'Mode.Unknown' };
}

/** Parses the file's text; never throws. */
export function parseAliyunConfig(source: string): AliyunConfigResult {
  const body = source.replace(/^\uFEFF/, '').trim();
  if (body === '') return { ok: false, error: 'AliyunConfig.Empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, error: 'AliyunConfig.InvalidJson' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, error: 'AliyunConfig.NotAnObject' };
  const root = parsed as Record<string, unknown>;
  if (!Array.isArray(root.profiles)) return { ok: false, error: 'AliyunConfig.NoProfiles' };
  const current = text(root.current) || undefined;
  const profiles = root.profiles.map((p, i) => parseProfile(p, i, current));
  return current ? { ok: true, profiles, current } : { ok: true, profiles };
}

/** Reads and parses the file (default `~/.aliyun/config.json`); never throws. */
export async function readAliyunConfig(path: string = defaultAliyunConfigPath()): Promise<AliyunConfigResult> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { ok: false, error: code === 'ENOENT' || code === 'ENOTDIR' ? 'AliyunConfig.NotFound' : 'AliyunConfig.Unreadable' };
  }
  return parseAliyunConfig(source);
}
