// Part 2, generated: many random STS tokens and secrets (base64 with + / =, the shape real STS
// tokens have), placed in the messages the client really meets — pop-core's "…, URL: <signed GET
// URL>", httpx's "GET <url> failed.", and a gateway's SignatureDoesNotMatch echo of the
// string-to-sign (the token percent-encoded twice) — then mapped by the client's error mapping.
// Nothing of the token, the secret or the signature may survive.
import { toSwasError } from '../../src/core/errorMapping';
import { v1CanonicalQuery, v1Sign, v1StringToSign } from '../emulator/signing/v1';
import { percentEncode } from '../emulator/signing/percentEncode';
import { errorText } from './lab';
import { rng } from './random';
import type { SecretHit } from './secretScan';
import { scanText } from './secretScan';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function b64(r: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += B64[Math.floor(r() * 64)];
  return `${s}${'='.repeat(Math.floor(r() * 3))}`;
}

export interface ScrubFuzzResult {
  messages: number;
  hits: SecretHit[];
  /** Raw messages in which the scanner found the secrets before mapping (must equal messages). */
  rawWithSecrets: number;
}

export function runScrubFuzz(count: number, seed = 3): ScrubFuzzResult {
  const r = rng(seed);
  const hits: SecretHit[] = [];
  let rawWithSecrets = 0;
  let messages = 0;
  for (let i = 0; i < count; i++) {
    const accessKeyId = `STS.${b64(r, 20).replace(/[+/=]/g, 'x')}`;
    const secret = b64(r, 30);
    const token = `CAIS${b64(r, 40 + Math.floor(r() * 400))}`;
    const params: Record<string, string> = {
      AccessKeyId: accessKeyId,
      Action: 'ListInstances',
      Format: 'JSON',
      RegionId: 'cn-hangzhou',
      SecurityToken: token,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: b64(r, 32).replace(/[+/=]/g, '0'),
      SignatureVersion: '1.0',
      Timestamp: '2026-11-26T20:00:00Z',
      Version: '2020-06-01',
    };
    const signature = v1Sign('GET', params, secret);
    const url = `https://swas.cn-hangzhou.aliyuncs.com/?${v1CanonicalQuery(params)}&Signature=${percentEncode(signature)}`;
    const stringToSign = v1StringToSign('GET', { ...params, Signature: signature });
    const raws: unknown[] = [
      Object.assign(new Error(`Specified access key is not found., URL: ${url}`), {
        name: 'InvalidAccessKeyId.NotFoundError',
        code: 'InvalidAccessKeyId.NotFound',
        data: { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.', RequestId: 'R1' },
        url,
      }),
      Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:443 GET ${url} failed.`), { code: 'ECONNREFUSED' }),
      Object.assign(new Error(`ReadTimeout(3000). GET ${url} failed.`), { name: 'RequestTimeoutError' }),
      Object.assign(new Error(`weird failure at ${url}`), { name: 'Error' }),
      Object.assign(
        new Error(`Specified signature is not matched with our calculation. server string to sign is:${stringToSign}, URL: ${url}`),
        {
          data: {
            Code: 'SignatureDoesNotMatch',
            Message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
            RequestId: 'R2',
          },
        },
      ),
      Object.assign(new Error(`Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`), {
        data: { Code: 'SignatureDoesNotMatch', Message: `Mismatch; string to sign: ${stringToSign}; token=${token}`, RequestId: 'R3' },
      }),
    ];
    const secrets = [secret, token];
    for (const raw of raws) {
      messages += 1;
      if (scanText(errorText(raw), 'raw', { secrets }).length > 0) rawWithSecrets += 1;
      for (const mapped of [
        toSwasError(raw, { secrets: [accessKeyId, token, secret] }),
        toSwasError(raw, { secrets: [accessKeyId, token] }),
      ]) {
        hits.push(...scanText(errorText(mapped), `message ${i}`, { secrets }));
      }
    }
  }
  return { messages, hits, rawWithSecrets };
}
