// The ONLY file that imports @alicloud/pop-core. One RPCClient per endpoint, created on first use
// and reused (each owns a keep-alive agent). Every call:
//  - strips undefined/null params (pop-core would send the strings "undefined"/"null");
//  - sends ID lists as JSON-array strings (a JS array would become `X.1`, `X.2`);
//  - uses method 'POST' (exact case: form body, nothing in the URL) — the official SDK declares
//    POST for every SWAS operation, and it keeps the signed query out of URLs and messages;
//  - sets connect and read timeouts explicitly (pop-core defaults to 3 s);
//  - reads the HTTP status (pop-core's verbose entry / err.entry.response.statusCode);
//  - throws only SwasError, with scrubbed messages.
// The RPC client module itself: the package index also loads ROAClient, which pulls in xml2js
// (xmlbuilder + sax, ~110 KB of the bundle) that SWAS (RPC, JSON) never uses.
import RPCClient from '@alicloud/pop-core/lib/rpc';
import { CLIENT_CODES, SwasError } from './errors';
import { httpStatusError, toSwasError } from './errorMapping';
import { obj, requestIdOf, str } from './convert';
import type { Credentials, CredentialsProvider } from './model';
import { abortError } from './retry';

export const API_VERSION = '2020-06-01';

export type ParamValue = string | number | boolean | readonly string[] | readonly { Key: string; Value: string }[] | null | undefined;

export interface TransportRequest {
  endpoint: string;
  action: string;
  params: Record<string, ParamValue>;
  signal?: AbortSignal;
}

export interface TransportResponse {
  body: Record<string, unknown>;
  httpStatus: number;
  requestId: string;
}

export interface Transport {
  call(req: TransportRequest): Promise<TransportResponse>;
  /** The credentials the next call will use (for the limiter/cache account key). */
  credentials(): Promise<Credentials>;
}

export interface PopTransportOptions {
  credentials: CredentialsProvider;
  /** Read timeout (whole response). */
  timeoutMs: number;
  /**
   * Connect timeout. Defaults to `timeoutMs`: httpx applies it as the socket idle timeout for the
   * whole request, so a smaller value would also cut slow responses short.
   */
  connectTimeoutMs?: number;
}

interface PopEntry {
  response?: { statusCode?: number };
}
interface PopClient {
  request(action: string, params: Record<string, unknown>, opts: Record<string, unknown>): Promise<[unknown, PopEntry]>;
}
type PopClientCtor = new (
  config: { endpoint: string; apiVersion: string; credentialsProvider: { getCredentials(): Promise<Credentials> } },
  verbose: boolean,
) => PopClient;

/** Wire form of params: no undefined/null, arrays of strings → JSON-array strings, tags → Tag.N.*. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function wireParams(params: Record<string, ParamValue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (value.every((v) => typeof v === 'string')) {
        out[key] = JSON.stringify(value);
      } else {
        (value as readonly { Key: string; Value: string }[]).forEach((t, i) => {
          out[`${key}.${i + 1}.Key`] = t.Key;
          out[`${key}.${i + 1}.Value`] = t.Value ?? '';
        });
      }
      continue;
    }
    out[key] = String(value);
  }
  return out;
}

export function createPopTransport(opts: PopTransportOptions): Transport {
  const clients = new Map<string, PopClient>();
  const Ctor = RPCClient as unknown as PopClientCtor;

  async function credentials(): Promise<Credentials> {
    let c: Credentials | undefined;
    try {
      c = await opts.credentials.getCredentials();
    } catch {
      throw new SwasError({ code: CLIENT_CODES.credentialsUnavailable, message: 'The credentials could not be read.', retryable: false });
    }
    if (!c || !c.accessKeyId || !c.accessKeySecret) {
      throw new SwasError({ code: CLIENT_CODES.noCredentials, message: 'No credentials: sign in first.', retryable: false });
    }
    return c;
  }

  function clientFor(endpoint: string): PopClient {
    let client = clients.get(endpoint);
    if (!client) {
      client = new Ctor({ endpoint, apiVersion: API_VERSION, credentialsProvider: { getCredentials: credentials } }, true);
      clients.set(endpoint, client);
    }
    return client;
  }

  async function call(req: TransportRequest): Promise<TransportResponse> {
    if (req.signal?.aborted) throw abortError();
    const wire = wireParams(req.params);
    // A lone surrogate has no UTF-8 form: signing would fail with a bare "URI malformed".
    const broken = Object.keys(wire).find((k) => LONE_SURROGATE.test(wire[k] ?? ''));
    if (broken !== undefined) {
      throw new SwasError({
        code: CLIENT_CODES.invalidText,
        message: `The parameter ${broken} holds a lone UTF-16 surrogate; nothing was sent.`,
        retryable: false,
        action: req.action,
      });
    }
    const creds = await credentials();
    const secrets = [creds.accessKeyId, creds.securityToken];
    const request = clientFor(req.endpoint).request(req.action, wire, {
      method: 'POST',
      timeout: opts.timeoutMs,
      readTimeout: opts.timeoutMs,
      connectTimeout: opts.connectTimeoutMs ?? opts.timeoutMs,
      formatParams: false,
    });
    let result: [unknown, PopEntry];
    try {
      result = await raceAbort(request, req.signal);
    } catch (e) {
      throw toSwasError(e, { action: req.action, secrets });
    }
    const [json, entry] = result;
    const body = obj(json);
    const httpStatus = entry.response?.statusCode ?? 200;
    const requestId = requestIdOf(body);
    if (httpStatus >= 400) {
      // pop-core resolves error statuses whose JSON has no Code; a Code-less error is still an error.
      throw httpStatusError(httpStatus, requestId || undefined, req.action);
    }
    return { body, httpStatus, requestId: str(requestId) };
  }

  return { call, credentials };
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : (e as Error));
      },
    );
  });
}
