// Reads and decodes one API request: query string plus an optional form body.
import type { IncomingMessage } from 'node:http';
import { ApiError } from './apiError';
import { parseFormPairs } from './signing/percentEncode';

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_VALUE_CHARS = 32 * 1024;

export interface RawRequest {
  method: string;
  path: string;
  queryPairs: [string, string][];
  bodyPairs: [string, string][];
  /** Query and body merged (the body wins on a clash). */
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      resolve({ body: Buffer.concat(chunks), tooLarge });
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!ended) reject(new Error('the client closed the connection before sending the whole body'));
    });
  });
}

function decodePairs(text: string, where: string): [string, string][] {
  try {
    return parseFormPairs(text);
  } catch {
    throw new ApiError(400, 'InvalidParameter', `The ${where} contains malformed percent-encoding.`);
  }
}

export function parseRequest(req: IncomingMessage, body: Buffer): RawRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    throw new ApiError(400, 'UnsupportedHTTPMethod', `The HTTP method ${method} is not supported.`);
  }
  if (path !== '/') throw new ApiError(404, 'InvalidApi.NotFound', 'Specified api is not found, please check your url and method.');
  const queryPairs = decodePairs(q < 0 ? '' : url.slice(q + 1), 'query string');
  let bodyPairs: [string, string][] = [];
  if (body.length > 0) {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      throw new ApiError(
        415,
        'UnsupportedMediaType',
        `The content type "${type ?? ''}" is not supported; send application/x-www-form-urlencoded.`,
      );
    }
    bodyPairs = decodePairs(body.toString('utf8'), 'request body');
  }
  const params = Object.create(null) as Record<string, string>;
  for (const [k, v] of [...queryPairs, ...bodyPairs]) {
    if (v.length > MAX_VALUE_CHARS || k.length > 256) {
      throw new ApiError(400, 'InvalidParameter', `The parameter "${k.slice(0, 64)}" is too long (at most ${MAX_VALUE_CHARS} characters).`);
    }
    params[k] = v;
  }
  return { method, path, queryPairs, bodyPairs, params, headers: req.headers, body };
}
