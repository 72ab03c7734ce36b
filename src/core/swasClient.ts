// The SWAS client: SwasApi on top of the pop-core transport, with the limiter, retries, cache and
// one log line per attempt. Endpoint, credentials and logger are constructor arguments, so the
// emulator is a different `endpointTemplate`, not a different code path.
import type { RequestCache, CacheConfig } from './cache';
import { createRequestCache } from './cache';
import { str, toCustomImage, toDisk, toInstance, toPage, toPublicImage, toRegion, toSnapshot, arr, obj, listShapeProblem } from './convert';
import { endpointFor, HOME_REGION } from './endpoint';
import { isThrottlingCode, toSwasError } from './errorMapping';
import { SwasError, TRANSPORT_CODES } from './errors';
import type { Limiter, LimiterConfig, WaitEvent } from './limiter';
import { createLimiter } from './limiter';
import type { Logger } from './logger';
import { instanceStatus } from './enums';
import type { CredentialsProvider, InstanceStatus, Page } from './model';
import type { CallSpec } from './callSpec';
import { writeSpec as write } from './callSpec';
import type { ParamValue, Transport } from './popTransport';
import { createPopTransport } from './popTransport';
import { createRemoteAccessApi } from './remote/remoteAccessClient';
import type { RetryDeps, RetryPolicy } from './retry';
import { withRetry } from './retry';
import type { CallOptions, PageRequest, SwasApi } from './swasApi';

export const DEFAULT_PAGE_SIZE = 100;
/** Cache/log region of region-less calls (ListRegions): dropped only by `invalidate()` with no region. */
export const GLOBAL_REGION = '*';

export interface SwasClientOptions {
  /** '' → https://swas.{regionId}.aliyuncs.com; otherwise `{regionId}` is substituted when present. */
  endpointTemplate: string;
  credentials: CredentialsProvider;
  /** Read (and connect) timeout per request. */
  timeoutMs: number;
  logger: Logger;
  /** A shared limiter (one per extension host, so every client of an account shares it), or its config. */
  limiter?: Limiter | Partial<LimiterConfig>;
  retry?: Partial<RetryPolicy> & { deps?: RetryDeps };
  /** A shared cache, or its config. */
  cache?: RequestCache | Partial<CacheConfig>;
  /** Region whose endpoint serves ListRegions (default cn-hangzhou). */
  homeRegionId?: string;
  /** Awaited before every call; throws to refuse (e.g. an endpoint host the user did not confirm). */
  endpointGate?: (endpointTemplate: string) => Promise<void>;
  /**
   * Called when a call waits more than ~2 s for the rate limiter, and with waitMs 0 when it ends
   * (for the client's own limiter; with a shared one, use its `onWait`).
   */
  onWait?(e: WaitEvent): void;
}

/** Throws Transport.BadResponse (retryable) when a 200 body lacks what the action must return. */
function checkShape(spec: CallSpec, body: Record<string, unknown>): void {
  const problem = spec.listKey
    ? listShapeProblem(body, spec.listKey, spec.idKey)
    : spec.resultKey && str(body[spec.resultKey]) === ''
      ? `no ${spec.resultKey}`
      : undefined;
  if (problem) {
    throw new SwasError({
      code: TRANSPORT_CODES.badResponse,
      message: `The server sent a ${spec.action} response that is not usable (${problem}).`,
      requestId: str(body.RequestId) || undefined,
      httpStatus: 200,
      retryable: true,
      action: spec.action,
    });
  }
}

function isLimiter(v: unknown): v is Limiter {
  return typeof (v as Limiter | undefined)?.acquire === 'function';
}
function isCache(v: unknown): v is RequestCache {
  return typeof (v as RequestCache | undefined)?.invalidate === 'function';
}

/** The low-level call pipeline (exported for the region loader's tests and for verifyCredentials). */
export interface SwasCaller {
  call(spec: CallSpec, opts?: CallOptions): Promise<Record<string, unknown>>;
  invalidate(regionId?: string): void;
}

export function createSwasCaller(options: SwasClientOptions, transport?: Transport): SwasCaller {
  const t = transport ?? createPopTransport({ credentials: options.credentials, timeoutMs: options.timeoutMs });
  const limiter = isLimiter(options.limiter) ? options.limiter : createLimiter(options.limiter);
  const cache = isCache(options.cache) ? options.cache : createRequestCache(options.cache);
  const { deps, ...policy } = options.retry ?? {};
  const logger = options.logger;

  // A shared limiter is subscribed to by its owner (limiter.onWait), not by every client of it.
  if (options.onWait && !isLimiter(options.limiter)) limiter.onWait(options.onWait);

  async function attempt(spec: CallSpec, account: string, n: number, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const endpoint = endpointFor(options.endpointTemplate, spec.endpointRegionId ?? spec.regionId);
    // Rate control per (account, region, operation): the region whose endpoint serves the call.
    const permit = await limiter.acquire({ account, regionId: spec.endpointRegionId ?? spec.regionId, action: spec.action }, signal);
    const started = Date.now();
    try {
      const res = await t.call({ endpoint, action: spec.action, params: spec.params, signal });
      permit.succeeded();
      checkShape(spec, res.body);
      logger.apiCall({
        action: spec.action,
        regionId: spec.endpointRegionId ?? spec.regionId,
        status: res.httpStatus,
        requestId: res.requestId,
        ms: Date.now() - started,
        attempt: n,
      });
      return res.body;
    } catch (e) {
      const err = e as SwasError;
      if (isThrottlingCode(err.code ?? '')) permit.throttled(err.retryAfterMs);
      else permit.failed();
      logger.apiCall({
        action: spec.action,
        regionId: spec.endpointRegionId ?? spec.regionId,
        status: err.httpStatus ?? 'error',
        requestId: err.requestId ?? '',
        ms: Date.now() - started,
        code: err.code,
        attempt: n,
      });
      throw e;
    }
  }

  async function run(spec: CallSpec, opts: CallOptions): Promise<Record<string, unknown>> {
    await options.endpointGate?.(options.endpointTemplate);
    const creds = await t.credentials();
    const account = creds.accessKeyId;
    const exec = (): Promise<Record<string, unknown>> =>
      withRetry((n) => attempt(spec, account, n, opts.signal), {
        policy,
        deps,
        mutating: spec.mutating,
        clientToken: spec.clientToken,
        signal: opts.signal,
        action: spec.action,
        pacedThrottling: limiter.adaptive,
        onRetry: (err, n, delay) =>
          logger.warn(`${spec.action} ${spec.endpointRegionId ?? spec.regionId}: ${err.code}, retry ${n + 1} in ${delay} ms`),
      });
    if (!spec.cacheable) {
      try {
        return await exec();
      } finally {
        if (spec.mutating) cache.invalidate(spec.regionId);
      }
    }
    return cache.get({ profile: account, regionId: spec.regionId, action: spec.action, params: spec.params }, exec, opts.fresh === true);
  }

  return {
    // Everything that leaves the client is a SwasError (a throwing credentials provider included).
    call: (spec, opts = {}) => run(spec, opts).catch((e: unknown) => Promise.reject(toSwasError(e, { action: spec.action }))),
    invalidate: (regionId) => cache.invalidate(regionId),
  };
}

function paging(page: PageRequest | undefined): { pageNumber: number; pageSize: number } {
  return { pageNumber: page?.pageNumber ?? 1, pageSize: Math.min(100, Math.max(1, page?.pageSize ?? DEFAULT_PAGE_SIZE)) };
}

const LIST_SHAPES: Record<string, [listKey: string, idKey: string]> = {
  ListInstances: ['Instances', 'InstanceId'],
  ListInstanceStatus: ['InstanceStatuses', 'InstanceId'],
  ListDisks: ['Disks', 'DiskId'],
  ListSnapshots: ['Snapshots', 'SnapshotId'],
  ListCustomImages: ['CustomImages', 'ImageId'],
};

const list = (action: string, regionId: string, params: Record<string, ParamValue>): CallSpec => ({
  action,
  regionId,
  params: { RegionId: regionId, ...params },
  mutating: false,
  cacheable: true,
  listKey: LIST_SHAPES[action]?.[0],
  idKey: LIST_SHAPES[action]?.[1],
});

/** Creates the client. Cheap: pop-core clients are created per endpoint on first use. */
export function createSwasClient(options: SwasClientOptions, transport?: Transport): SwasApi {
  const caller = createSwasCaller(options, transport);
  const home = options.homeRegionId ?? HOME_REGION;
  /** One page of a list: the requested page number and size (bounded), then the filters; the items converted. */
  const pageOf = async <T>(
    action: string,
    regionId: string,
    page: PageRequest | undefined,
    filters: Record<string, ParamValue>,
    listKey: string,
    convert: (v: unknown) => T,
    opts: CallOptions | undefined,
  ): Promise<Page<T>> => {
    const p = paging(page);
    const body = await caller.call(list(action, regionId, { PageNumber: p.pageNumber, PageSize: p.pageSize, ...filters }), opts);
    return toPage(body, listKey, convert, p);
  };
  /** A write whose answer is its RequestId and nothing else. */
  const acknowledged = async (
    action: string,
    target: { regionId: string; clientToken: string },
    params: Record<string, ParamValue>,
    opts: CallOptions | undefined,
  ): Promise<{ requestId: string }> => {
    const body = await caller.call(write(action, target.regionId, target.clientToken, params), opts);
    return { requestId: str(body.RequestId) };
  };

  return {
    async listRegions(acceptLanguage, opts) {
      const body = await caller.call(
        {
          action: 'ListRegions',
          regionId: GLOBAL_REGION,
          endpointRegionId: home,
          params: { AcceptLanguage: acceptLanguage },
          mutating: false,
          cacheable: true,
          listKey: 'Regions',
          idKey: 'RegionId',
        },
        opts,
      );
      return arr(body.Regions).map(toRegion);
    },
    async listInstances(regionId, page, opts) {
      return pageOf('ListInstances', regionId, page, { InstanceIds: page?.instanceIds }, 'Instances', toInstance, opts);
    },
    async listInstanceStatus(regionId, instanceIds, opts) {
      const body = await caller.call(list('ListInstanceStatus', regionId, { InstanceIds: instanceIds, PageSize: DEFAULT_PAGE_SIZE }), {
        ...opts,
        fresh: true,
      });
      const out = new Map<string, InstanceStatus>();
      for (const s of arr(body.InstanceStatuses)) out.set(str(obj(s).InstanceId), instanceStatus(str(obj(s).Status)));
      return out;
    },
    async listDisks(regionId, page, opts) {
      return pageOf('ListDisks', regionId, page, { InstanceId: page?.instanceId }, 'Disks', (d) => toDisk(d), opts);
    },
    async listSnapshots(regionId, page, opts) {
      return pageOf(
        'ListSnapshots',
        regionId,
        page,
        { InstanceId: page?.instanceId, SnapshotIds: page?.snapshotIds },
        'Snapshots',
        toSnapshot,
        opts,
      );
    },
    async listCustomImages(regionId, page, opts) {
      return pageOf(
        'ListCustomImages',
        regionId,
        page,
        { ImageIds: page?.imageIds, ImageNames: page?.imageNames },
        'CustomImages',
        toCustomImage,
        opts,
      );
    },
    async createSnapshot(params, opts) {
      const body = await caller.call(
        write(
          'CreateSnapshot',
          params.regionId,
          params.clientToken,
          { DiskId: params.diskId, SnapshotName: params.snapshotName },
          'SnapshotId',
        ),
        opts,
      );
      return { snapshotId: str(body.SnapshotId), requestId: str(body.RequestId) };
    },
    async createCustomImage(params, opts) {
      const body = await caller.call(
        write(
          'CreateCustomImage',
          params.regionId,
          params.clientToken,
          {
            InstanceId: params.instanceId,
            ImageName: params.imageName,
            SystemSnapshotId: params.systemSnapshotId,
            DataSnapshotId: params.dataSnapshotId || undefined,
            Description: params.description || undefined,
            ResourceGroupId: params.resourceGroupId || undefined,
            Tag: params.tags?.map((t) => ({ Key: t.key, Value: t.value })),
          },
          'ImageId',
        ),
        opts,
      );
      return { imageId: str(body.ImageId), requestId: str(body.RequestId) };
    },
    async deleteCustomImage(params, opts) {
      return acknowledged('DeleteCustomImage', params, { ImageId: params.imageId }, opts);
    },
    async modifyImageShareStatus(params, opts) {
      return acknowledged('ModifyImageShareStatus', params, { ImageId: params.imageId, Operation: params.operation }, opts);
    },
    // ── server lifecycle ──
    async startInstances(params, opts) {
      return acknowledged('StartInstances', params, { InstanceIds: params.instanceIds }, opts);
    },
    async stopInstances(params, opts) {
      const extra = params.force ? { ForceStop: true } : {};
      return acknowledged('StopInstances', params, { InstanceIds: params.instanceIds, ...extra }, opts);
    },
    async rebootInstances(params, opts) {
      const extra = params.force ? { ForceReboot: true } : {};
      return acknowledged('RebootInstances', params, { InstanceIds: params.instanceIds, ...extra }, opts);
    },
    async updateInstanceAttribute(params, opts) {
      return acknowledged('UpdateInstanceAttribute', params, { InstanceId: params.instanceId, InstanceName: params.instanceName }, opts);
    },
    async resetSystem(params, opts) {
      return acknowledged('ResetSystem', params, { InstanceId: params.instanceId, ImageId: params.imageId || undefined }, opts);
    },
    async listImages(regionId, filter, opts) {
      const body = await caller.call(
        {
          ...list('ListImages', regionId, { ImageType: filter?.imageType, ImageIds: filter?.imageIds }),
          listKey: 'Images',
          idKey: 'ImageId',
        },
        opts,
      );
      return arr(body.Images).map(toPublicImage);
    },
    // ── end server lifecycle ──
    invalidate(regionId) {
      caller.invalidate(regionId);
    },
    remote: createRemoteAccessApi(caller),
  };
}
