// ACS3-HMAC-SHA256 (the official SDK's default signature), rebuilt from the request.
import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from './percentEncode';

export const ACS3 = 'ACS3-HMAC-SHA256';
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

export interface Acs3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`; undefined when malformed. */
export function parseAcs3Authorization(header: string): Acs3Authorization | undefined {
  if (!header.startsWith(`${ACS3} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(ACS3.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signed || !signature) return undefined;
  return { accessKeyId, signedHeaders: signed.split(';').map((h) => h.trim().toLowerCase()), signature };
}

export interface Acs3Input {
  method: string;
  path: string;
  /** Decoded query pairs. */
  query: [string, string][];
  /** Lower-cased header names; several values already joined. */
  headers: Record<string, string | string[] | undefined>;
  signedHeaders: string[];
  hashedPayload: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function acs3CanonicalRequest(input: Acs3Input): string {
  const uri = input.path.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const query = [...input.query]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${k}=${percentEncode(v)}`)
    .join('&');
  const names = [...input.signedHeaders].sort();
  const headerLines = names
    .map((name) => {
      const raw = input.headers[name];
      const values = Array.isArray(raw) ? [...raw].sort() : [raw ?? ''];
      return `${name}:${values.map((v) => v.trim()).join(',')}\n`;
    })
    .join('');
  return [input.method.toUpperCase(), uri, query, headerLines, names.join(';'), input.hashedPayload].join('\n');
}

export function acs3StringToSign(input: Acs3Input): string {
  return `${ACS3}\n${sha256Hex(acs3CanonicalRequest(input))}`;
}

export function acs3Sign(input: Acs3Input, secret: string): string {
  return createHmac('sha256', secret).update(acs3StringToSign(input), 'utf8').digest('hex');
}
