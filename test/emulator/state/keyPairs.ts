// SSH key pairs of an account in a region (ImportKeyPair, CreateKeyPair, AttachKeyPair, …): the
// documented rules (name syntax, ≤ 10 a region, ≤ 50 servers a call, one pair a server) and what a
// real server does with an attached pair — its public key is written into root's
// ~/.ssh/authorized_keys on the server's disk, on one line marked with the pair's name, which
// replaces the line of the pair attached before. Evidence: see test/emulator/README.md.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError, invalidParameter } from '../apiError';
import type { Params } from '../params';
import { jsonIds, optional } from '../params';
import type { InstanceRecord, KeyPairRecord } from '../types';
import type { Store } from './store';

export const KEY_PAIRS_PER_REGION = 10;
export const SERVERS_PER_CALL = 50;
/** The comment that marks the line of the attached pair in authorized_keys (emulator choice). */
export const ATTACHED_MARKER = 'swas-key-pair:';

const NAME = /^[A-Za-z][A-Za-z0-9:_-]{1,63}$/;
const KEY = /^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-nistp(?:256|384|521)) ([A-Za-z0-9+/]+={0,3})(?:\s+.*)?$/;

/** KeyPairName: 2–64 letters, digits, ":", "_", "-", starting with a letter, no http(s)://. */
export function checkKeyPairName(name: string, param = 'KeyPairName'): string {
  if (!NAME.test(name) || /^https?:/i.test(name)) {
    throw new ApiError(
      400,
      'InvalidKeyPairName.Malformed',
      `The specified parameter "${param}" is not valid: 2-64 characters (letters, digits, ":", "_", "-"), starting with a letter.`,
    );
  }
  return name;
}

export interface ParsedKey {
  type: string;
  base64: string;
  blob: Buffer;
}

/** An OpenSSH public key line whose base64 holds a blob of the type it names. */
export function parsePublicKeyBody(body: string): ParsedKey {
  const m = KEY.exec(body.trim());
  const type = m?.[1];
  const base64 = m?.[2];
  const blob = base64 ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
  const len = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (!type || !base64 || len < 0 || blob.subarray(4, 4 + len).toString('latin1') !== type) {
    throw new ApiError(
      400,
      'InvalidPublicKeyBody.Malformed',
      'The specified parameter "PublicKeyBody" is not a valid OpenSSH public key ("type base64 [comment]").',
    );
  }
  return { type, base64, blob };
}

/** The MD5 fingerprint of the key blob, colon-separated (as ECS shows it). */
export function md5Fingerprint(blob: Buffer): string {
  return createHash('md5')
    .update(blob)
    .digest('hex')
    .replace(/(..)(?=.)/g, '$1:');
}

function sshString(b: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
}
function mpint(b64url: string): Buffer {
  const raw = Buffer.from(b64url, 'base64url');
  return sshString(raw[0] !== undefined && raw[0] & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw);
}

/** CreateKeyPair: an RSA 2048 pair; the private key as PKCS#8 PEM, the public key in OpenSSH form. */
export function newRsaPair(): { privatePem: string; publicLine: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(jwk.e ?? ''), mpint(jwk.n ?? '')]);
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicLine: `ssh-rsa ${blob.toString('base64')}` };
}

/** A list parameter as the SDK sends it (`Name.1`, `Name.2`, …) or as a JSON array string. */
export function listParam(p: Params, name: string, max: number): string[] | undefined {
  if (optional(p, name) !== undefined) return jsonIds(p, name, max);
  const indexed = Object.entries(p)
    .map(([k, v]) => ({ n: new RegExp(`^${name}\\.(\\d{1,3})$`).exec(k)?.[1], v }))
    .filter((x): x is { n: string; v: string } => x.n !== undefined && x.v !== '')
    .sort((a, b) => Number(a.n) - Number(b.n))
    .map((x) => x.v);
  if (indexed.length === 0) return undefined;
  if (indexed.length > max) throw invalidParameter(name, `at most ${max} values are allowed`);
  return indexed;
}

export function findPair(pairs: KeyPairRecord[] | undefined, name: string): KeyPairRecord | undefined {
  return pairs?.find((k) => k.keyPairName === name);
}

function authorizedKeysOf(store: Store, instance: InstanceRecord): string | undefined {
  const disks = store.machines?.disks;
  if (!disks) return undefined;
  disks.server(instance.instanceId, instance.instanceName);
  return disks.pathIn(instance.instanceId, 'root/.ssh/authorized_keys');
}

/** Puts `pair`'s line into root's authorized_keys (replacing the previous pair's), or removes it. */
export function writeAttachedKey(store: Store, instance: InstanceRecord, pair: KeyPairRecord | undefined): void {
  const file = authorizedKeysOf(store, instance);
  if (!file) return;
  const kept = (existsSync(file) ? readFileSync(file, 'utf8') : '')
    .split('\n')
    .filter((l) => l !== '' && !l.includes(` ${ATTACHED_MARKER}`));
  if (pair) {
    const { type, base64 } = parsePublicKeyBody(pair.publicKeyBody);
    kept.push(`${type} ${base64} ${ATTACHED_MARKER}${pair.keyPairName}`);
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, kept.length ? `${kept.join('\n')}\n` : '', { mode: 0o600 });
}
