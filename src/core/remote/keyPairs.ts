// SWAS key pairs (account level, per region) as the project sees them, and the pure decisions of
// the "Attach as a SWAS key pair" way: the pair's name derived from the public key file, reuse of
// an identical pair already imported, and the pair bound to a server now (which an attach
// overwrites). ListKeyPairs may answer a shortened public key (the SDK's example ends in "****"),
// so a pair counts as ours when its body matches or when it carries the name we derive.
import { createHash } from 'node:crypto';
import type { PublicKey } from './authorizeKey';

export interface KeyPair {
  name: string;
  /** The public key as ListKeyPairs answers it (possibly shortened). */
  publicKey: string;
  creationTime: string;
  instanceIds: string[];
}

export interface KeyPairServerResult {
  instanceId: string;
  success: boolean;
  code: string;
  message: string;
}

export interface KeyPairAttachResult {
  results: KeyPairServerResult[];
  failCount: number;
  requestId: string;
}

/** AttachKeyPair or DetachKeyPair answered 200 but failed for some servers. */
export class KeyPairServerError extends Error {
  override readonly name = 'KeyPairServerError';
  constructor(
    readonly action: 'AttachKeyPair' | 'DetachKeyPair',
    readonly failed: KeyPairServerResult[],
  ) {
    super(`${action} failed for ${failed.map((f) => `${f.instanceId} (${f.code}: ${f.message})`).join(', ') || 'a server'}`);
  }
}

/** The base64 part of an OpenSSH public key line (any key type), '' when there is none. */
export function keyBody(line: string): string {
  const parts = line.trim().split(/\s+/);
  const i = parts.findIndex((p) => /^(ssh-|ecdsa-|sk-)/.test(p));
  return (i >= 0 ? parts[i + 1] : parts[0]) ?? '';
}

/**
 * The pair's name for a key file: its base name (without .pub) made valid — 2–64 letters, digits,
 * ":", "_", "-", starting with a letter — plus 8 hex of the key's SHA-256, e.g. id_ed25519-3fa4c1d2.
 */
export function keyPairNameFor(fileBase: string, key: PublicKey): string {
  const hash = createHash('sha256').update(Buffer.from(key.base64, 'base64')).digest('hex').slice(0, 8);
  let base = fileBase
    .replace(/\.pub$/i, '')
    .replace(/[^A-Za-z0-9:_-]/g, '-')
    .replace(/^[^A-Za-z]+/, '');
  if (/^https?:/i.test(base) || base === '') base = `key${base ? `-${base}` : ''}`;
  return `${base.slice(0, 64 - 9)}-${hash}`;
}

/** A pair already imported with this key (same body, or our derived name), if any. */
export function findImported(pairs: KeyPair[], key: PublicKey, derivedName: string): KeyPair | undefined {
  return pairs.find((p) => keyBody(p.publicKey) === key.base64) ?? pairs.find((p) => p.name === derivedName);
}

/** The pair bound to the server now, if any. */
export function boundPair(pairs: KeyPair[], instanceId: string): KeyPair | undefined {
  return pairs.find((p) => p.instanceIds.includes(instanceId));
}
