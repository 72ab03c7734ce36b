// The API gateway: signature (V1 or ACS3), AccessKey, STS token, timestamp, nonce, Version.
import { timingSafeEqual } from 'node:crypto';
import { ApiError, missingCommon } from './apiError';
import type { RawRequest } from './readRequest';
import { v1Sign, v1StringToSign } from './signing/v1';
import { ACS3, acs3Sign, acs3StringToSign, parseAcs3Authorization, sha256Hex } from './signing/acs3';
import type { CredentialRecord } from './types';

export const API_VERSION = '2020-06-01';
export const MAX_SKEW_MS = 15 * 60 * 1000;

/** Parameters that are not part of an operation (excluded from ClientToken fingerprints). */
export const COMMON_PARAMS = new Set([
  'Action',
  'Version',
  'Format',
  'Timestamp',
  'AccessKeyId',
  'SecurityToken',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
]);

export interface AuthContext {
  style: 'v1' | 'acs3';
  action: string;
  credential: CredentialRecord;
  /** Operation parameters only. */
  params: Record<string, string>;
}

export interface CredentialLookup {
  (accessKeyId: string): CredentialRecord | undefined;
}

export class NonceCache {
  private readonly seen = new Map<string, number>();
  /** Records a nonce; false when it was already used within the window. */
  use(key: string, nowMs: number): boolean {
    if (this.seen.size > 100_000) {
      for (const [k, exp] of this.seen) if (exp < nowMs) this.seen.delete(k);
    }
    const exp = this.seen.get(key);
    if (exp !== undefined && exp >= nowMs) return false;
    this.seen.set(key, nowMs + 2 * MAX_SKEW_MS);
    return true;
  }
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

export function checkTimestamp(value: string, nowMs: number): void {
  const m = TIMESTAMP.exec(value);
  const t = m ? Date.parse(value) : NaN;
  if (!m || Number.isNaN(t)) {
    throw new ApiError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
  }
  if (Math.abs(nowMs - t) > MAX_SKEW_MS) {
    throw new ApiError(
      400,
      'InvalidTimeStamp.Expired',
      `Specified time stamp or date value is expired. The server time is ${new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z')}.`,
    );
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function lookupKey(lookup: CredentialLookup, accessKeyId: string, token: string | undefined, nowMs: number): CredentialRecord {
  const cred = lookup(accessKeyId);
  if (!cred) throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  if (cred.disabled) throw new ApiError(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.');
  if (cred.securityTokens) {
    if (!token) throw new ApiError(400, 'MissingSecurityToken', 'An STS AccessKey requires the SecurityToken parameter.');
    const rec = cred.securityTokens.find((t) => t.token === token);
    if (!rec) throw new ApiError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
    if (Date.parse(rec.expiresAt) < nowMs) throw new ApiError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.');
  } else if (token) {
    throw new ApiError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
  }
  return cred;
}

function checkToken(token: string | undefined): void {
  if (token !== undefined && !/^[\x21-\x7e]{8,4096}$/.test(token)) {
    throw new ApiError(400, 'InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed.');
  }
}

function checkVersionAndAction(version: string | undefined, action: string | undefined): void {
  if (!action) throw missingCommon('Action');
  if (!version) throw missingCommon('Version');
  if (version !== API_VERSION)
    throw new ApiError(
      400,
      'InvalidVersion',
      `Specified parameter Version "${version}" is not valid; this service supports ${API_VERSION}.`,
    );
}

function authenticateV1(raw: RawRequest, lookup: CredentialLookup, nonces: NonceCache, nowMs: number): AuthContext {
  const p = raw.params;
  for (const name of ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp']) {
    if (!p[name]) throw missingCommon(name);
  }
  if (p.SignatureMethod !== 'HMAC-SHA1')
    throw new ApiError(400, 'InvalidSignatureMethod', 'Specified signature method is not supported; use HMAC-SHA1.');
  if (p.SignatureVersion !== '1.0')
    throw new ApiError(400, 'InvalidSignatureVersion', 'Specified signature version is not supported; use 1.0.');
  if (p.Format !== undefined && p.Format.toUpperCase() !== 'JSON')
    throw new ApiError(400, 'InvalidParameter.Format', 'The emulator only answers Format=JSON.');
  checkTimestamp(p.Timestamp ?? '', nowMs);
  checkToken(p.SecurityToken);
  const accessKeyId = p.AccessKeyId ?? '';
  const cred = lookupKey(lookup, accessKeyId, p.SecurityToken, nowMs);
  const expected = v1Sign(raw.method, p, cred.accessKeySecret);
  if (!safeEqual(expected, p.Signature ?? '')) {
    throw new ApiError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${v1StringToSign(raw.method, p)}`,
    );
  }
  if (!nonces.use(`${accessKeyId}\n${p.SignatureNonce ?? ''}`, nowMs)) {
    throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  checkVersionAndAction(p.Version, p.Action);
  const params = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(p)) if (!COMMON_PARAMS.has(k)) params[k] = v;
  return { style: 'v1', action: p.Action ?? '', credential: cred, params };
}

function header(raw: RawRequest, name: string): string | undefined {
  const v = raw.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function authenticateAcs3(raw: RawRequest, lookup: CredentialLookup, nonces: NonceCache, nowMs: number): AuthContext {
  const auth = parseAcs3Authorization(header(raw, 'authorization') ?? '');
  if (!auth) throw new ApiError(400, 'IncompleteSignature', 'The Authorization header is malformed.');
  const date = header(raw, 'x-acs-date');
  const nonce = header(raw, 'x-acs-signature-nonce');
  const contentSha = header(raw, 'x-acs-content-sha256');
  if (!date) throw new ApiError(400, 'IncompleteSignature', 'The x-acs-date header is required.');
  if (!nonce) throw new ApiError(400, 'IncompleteSignature', 'The x-acs-signature-nonce header is required.');
  if (!contentSha) throw new ApiError(400, 'IncompleteSignature', 'The x-acs-content-sha256 header is required.');
  for (const required of ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256']) {
    if (!auth.signedHeaders.includes(required)) throw new ApiError(400, 'IncompleteSignature', `The header ${required} must be signed.`);
  }
  checkTimestamp(date, nowMs);
  if (contentSha !== sha256Hex(raw.body)) {
    throw new ApiError(400, 'IncompleteSignature', 'The x-acs-content-sha256 header does not match the request body.');
  }
  const token = header(raw, 'x-acs-security-token');
  checkToken(token);
  const cred = lookupKey(lookup, auth.accessKeyId, token, nowMs);
  const input = {
    method: raw.method,
    path: raw.path,
    query: raw.queryPairs,
    headers: raw.headers,
    signedHeaders: auth.signedHeaders,
    hashedPayload: contentSha,
  };
  if (!safeEqual(acs3Sign(input, cred.accessKeySecret), auth.signature)) {
    throw new ApiError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${acs3StringToSign(input)}`,
    );
  }
  if (!nonces.use(`${auth.accessKeyId}\n${nonce}`, nowMs)) {
    throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  }
  const action = header(raw, 'x-acs-action');
  checkVersionAndAction(header(raw, 'x-acs-version'), action);
  const params = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(raw.params)) if (!COMMON_PARAMS.has(k)) params[k] = v;
  return { style: 'acs3', action: action ?? '', credential: cred, params };
}

export function authenticate(raw: RawRequest, lookup: CredentialLookup, nonces: NonceCache, nowMs: number): AuthContext {
  const authz = header(raw, 'authorization');
  if (authz !== undefined && authz.startsWith(ACS3)) return authenticateAcs3(raw, lookup, nonces, nowMs);
  if (authz !== undefined)
    throw new ApiError(400, 'IncompleteSignature', 'Unsupported Authorization scheme; use ACS3-HMAC-SHA256 or signature V1 parameters.');
  return authenticateV1(raw, lookup, nonces, nowMs);
}

/** The action name as far as it can be read before authentication (for logs and faults). */
export function peekAction(raw: RawRequest): string {
  return header(raw, 'x-acs-action') ?? raw.params.Action ?? '';
}

export function peekAccessKeyId(raw: RawRequest): string {
  const auth = parseAcs3Authorization(header(raw, 'authorization') ?? '');
  return auth?.accessKeyId ?? raw.params.AccessKeyId ?? '';
}
