// The signed API: one request = parse → authenticate → throttle/faults → action → JSON.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errorBody } from './apiError';
import { findAction } from './actions/registry';
import type { Faults, FaultKind } from './faults';
import { throttlingError } from './faults';
import { NonceCache, authenticate, peekAccessKeyId, peekAction } from './gateway';
import { checkPermission } from './permissions';
import type { AuthContext } from './gateway';
import { parseRequest, readBody } from './readRequest';
import type { RawRequest } from './readRequest';
import { toJson } from './render';
import type { RateLimits } from './limits';
import type { Variants } from './variants';
import type { RequestLog } from './requestLog';
import { runIdempotent } from './state/idempotency';
import type { Store } from './state/store';
import { isKnownRegion } from './seeds/regions';

export interface ApiDeps {
  store: Store;
  faults: Faults;
  limits: RateLimits;
  variants: Variants;
  log: RequestLog;
  sleep(ms: number): Promise<void>;
  verbose: boolean;
}

interface Outcome {
  status: number;
  code: string;
  regionId: string;
}

const BAD_GATEWAY_HTML =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>';

export class ApiServer {
  private readonly nonces = new NonceCache();
  constructor(private readonly deps: ApiDeps) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    const started = Date.now();
    const requestId = randomUUID().toUpperCase();
    let raw: RawRequest | undefined;
    let auth: AuthContext | undefined;
    const finish = (o: Outcome): void => {
      const p = auth?.params ?? raw?.params;
      this.deps.log.add({
        time: new Date().toISOString(),
        action: auth?.action ?? (raw ? peekAction(raw) : ''),
        accessKeyId: auth?.credential.accessKeyId ?? (raw ? peekAccessKeyId(raw) : ''),
        regionId: o.regionId,
        httpStatus: o.status,
        code: o.code,
        ms: Date.now() - started,
        clientToken: p?.ClientToken ?? '',
      });
      if (this.deps.verbose) console.log(`${o.status} ${auth?.action ?? '?'} ${o.regionId} ${o.code} ${Date.now() - started}ms`);
    };
    const sendError = (err: ApiError, regionId: string): void => {
      const host = `swas.${isKnownRegion(regionId) ? regionId : 'cn-hangzhou'}.aliyuncs.com`;
      send(res, err.httpStatus, toJson(errorBody(err, requestId, host)), { ...err.headers, 'x-acs-request-id': requestId });
      finish({ status: err.httpStatus, code: err.code, regionId });
    };
    readBody(req)
      .then(async ({ body, tooLarge }) => {
        if (tooLarge) throw new ApiError(413, 'RequestEntityTooLarge', 'The request body is larger than 2 MB.');
        raw = parseRequest(req, body);
        auth = authenticate(raw, (id) => this.deps.store.credential(id), this.nonces, Date.now());
        await this.dispatch(auth, req, res, requestId, finish);
      })
      .catch((e: unknown) => {
        const regionId = raw?.params.RegionId ?? '';
        if (req.socket.destroyed) finish({ status: 0, code: 'ClientClosed', regionId });
        else if (e instanceof ApiError) sendError(e, regionId);
        else {
          if (this.deps.verbose) console.error('emulator: internal failure', e);
          sendError(new ApiError(500, 'InternalError', 'An error occurred while processing your request.'), regionId);
        }
      });
  }

  private async dispatch(
    auth: AuthContext,
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    finish: (o: Outcome) => void,
  ): Promise<void> {
    const { store, faults } = this.deps;
    const action = findAction(auth.action);
    if (!action)
      throw new ApiError(404, 'InvalidApi.NotFound', `Specified api "${auth.action}" is not found, please check your url and method.`);
    checkPermission(auth.credential, action.name);
    const regionId = auth.params.RegionId || (action.regionFromEndpoint ? endpointRegion(req) : '');
    const now = store.now();
    this.deps.limits.check(auth.credential.accountId, regionId || endpointRegion(req), action.name, now);
    faults.throttle(auth.credential.accountId, action.name, now);
    const latency = faults.latency();
    if (latency > 0) await this.deps.sleep(latency);
    const canned = faults.pickResponse(action.name);
    if (canned) {
      send(res, canned.status, canned.body.split('{RequestId}').join(requestId), { 'x-acs-request-id': requestId });
      finish({ status: canned.status, code: 'CannedResponse', regionId });
      return;
    }
    const kind: FaultKind | undefined = faults.pick(action.name);
    switch (kind) {
      case 'ResetBefore':
        req.socket.destroy();
        finish({ status: 0, code: 'ResetBefore', regionId });
        return;
      case 'InternalError':
        throw new ApiError(500, 'InternalError', 'An error occurred while processing your request.');
      case 'ServiceUnavailable':
        throw new ApiError(503, 'ServiceUnavailable', 'The request has failed due to a temporary failure of the server.');
      case 'Throttling.User':
        throw throttlingError(1000);
      case 'BadGateway':
        send(res, 502, BAD_GATEWAY_HTML, { 'content-type': 'text/html' });
        finish({ status: 502, code: 'BadGateway', regionId });
        return;
      case 'Timeout':
        await this.deps.sleep(faults.timeoutMs());
        break;
      default:
        break;
    }
    if (action.needsRegion) {
      if (!regionId)
        throw new ApiError(
          400,
          'MissingParameter',
          'The input parameter "RegionId" that is mandatory for processing this request is not supplied.',
        );
      if (!isKnownRegion(regionId))
        throw new ApiError(404, 'InvalidRegionId.NotFound', `The specified RegionId "${regionId}" does not exist.`);
    }
    store.tick();
    const { variants } = this.deps;
    const ctx = {
      store,
      accountId: auth.credential.accountId,
      params: auth.params,
      regionId: action.needsRegion ? regionId : '',
      now: store.now(),
      variants,
    };
    variants.beforeRun(action.name, ctx);
    const result = variants.transform(action.name, action.mutating ? runIdempotent(ctx, action) : action.run(ctx));
    if (action.mutating) store.changed();
    if (kind === 'ResetAfterCommit') {
      req.socket.destroy();
      finish({ status: 0, code: 'ResetAfterCommit', regionId });
      return;
    }
    send(res, 200, toJson({ RequestId: requestId, ...result }), { 'x-acs-request-id': requestId });
    finish({ status: 200, code: '', regionId });
  }
}

/**
 * The region whose endpoint was called: from a `Host: swas.<region>.aliyuncs.com` (or
 * `<region>.localhost`) header, else cn-hangzhou — the emulator's single endpoint stands in for
 * cn-hangzhou's when a call names no RegionId (ListRegions; ModifyImageShareStatus, A9).
 */
export function endpointRegion(req: IncomingMessage): string {
  const host = (req.headers.host ?? '').toLowerCase().split(':')[0] ?? '';
  const m = /^swas\.([a-z0-9-]+)\.aliyuncs\.com$/.exec(host) ?? /^([a-z0-9-]+)\.localhost$/.exec(host);
  const region = m?.[1];
  return region && isKnownRegion(region) ? region : DEFAULT_ENDPOINT_REGION;
}

export const DEFAULT_ENDPOINT_REGION = 'cn-hangzhou';

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}
