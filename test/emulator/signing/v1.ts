// Signature V1 (HMAC-SHA1, SignatureVersion 1.0) as @alicloud/pop-core computes it.
import { createHmac } from 'node:crypto';
import { percentEncode } from './percentEncode';

export function v1CanonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}

export function v1StringToSign(method: string, params: Record<string, string>): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(v1CanonicalQuery(params))}`;
}

export function v1Sign(method: string, params: Record<string, string>, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(v1StringToSign(method, params), 'utf8').digest('base64');
}
