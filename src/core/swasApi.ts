// The surface the rest of the extension uses to talk to SWAS. Implemented by SwasClient
// (src/core/swasClient.ts) on top of @alicloud/pop-core. Every method throws SwasError only.
import type { CreateCustomImageParams, CustomImage, Disk, Instance, InstanceStatus, Page, PublicImage, Region, Snapshot } from './model';
import type { RemoteAccessApi } from './remote/remoteAccessClient';

export interface PageRequest {
  pageNumber?: number;
  /** Default 100 (the API maximum) for the extension; the API's own default is 10. */
  pageSize?: number;
}

export interface CallOptions {
  /** Abort waiting (limiter queue, backoff sleeps, in-flight request). */
  signal?: AbortSignal;
  /** Skip the cache (a user-requested refresh). */
  fresh?: boolean;
}

export interface LifecycleParams {
  regionId: string;
  instanceIds: string[];
  clientToken: string;
}

export interface SwasApi {
  listRegions(acceptLanguage: 'zh-CN' | 'en-US', opts?: CallOptions): Promise<Region[]>;
  listInstances(regionId: string, page?: PageRequest & { instanceIds?: string[] }, opts?: CallOptions): Promise<Page<Instance>>;
  listInstanceStatus(regionId: string, instanceIds: string[], opts?: CallOptions): Promise<Map<string, InstanceStatus>>;
  listDisks(regionId: string, page?: PageRequest & { instanceId?: string }, opts?: CallOptions): Promise<Page<Disk>>;
  listSnapshots(
    regionId: string,
    page?: PageRequest & { instanceId?: string; snapshotIds?: string[] },
    opts?: CallOptions,
  ): Promise<Page<Snapshot>>;
  listCustomImages(
    regionId: string,
    page?: PageRequest & { imageIds?: string[]; imageNames?: string[] },
    opts?: CallOptions,
  ): Promise<Page<CustomImage>>;
  createSnapshot(
    params: { regionId: string; diskId: string; snapshotName: string; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ snapshotId: string; requestId: string }>;
  createCustomImage(params: CreateCustomImageParams, opts?: CallOptions): Promise<{ imageId: string; requestId: string }>;
  deleteCustomImage(params: { regionId: string; imageId: string; clientToken: string }, opts?: CallOptions): Promise<{ requestId: string }>;
  modifyImageShareStatus(
    params: { regionId: string; imageId: string; operation: 'Share' | 'UnShare'; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ requestId: string }>;
  // ── server lifecycle (one plural call per region; ≤ 100 ids; retried only with the same ClientToken) ──
  startInstances(params: LifecycleParams, opts?: CallOptions): Promise<{ requestId: string }>;
  stopInstances(params: LifecycleParams & { force?: boolean }, opts?: CallOptions): Promise<{ requestId: string }>;
  rebootInstances(params: LifecycleParams & { force?: boolean }, opts?: CallOptions): Promise<{ requestId: string }>;
  updateInstanceAttribute(
    params: { regionId: string; instanceId: string; instanceName: string; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ requestId: string }>;
  /** Reinstalls the server's image (no imageId) or applies another one; wipes its disks. */
  resetSystem(
    params: { regionId: string; instanceId: string; imageId?: string; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ requestId: string }>;
  /** Public (system/app) and custom images a server can be reset to. */
  listImages(
    regionId: string,
    filter?: { imageType?: 'system' | 'app' | 'custom'; imageIds?: string[] },
    opts?: CallOptions,
  ): Promise<PublicImage[]>;
  // ── end server lifecycle ──
  /** Drop cached list results for a region (after a write or on refresh). */
  invalidate(regionId?: string): void;
  /** Firewall, Cloud Assistant and Workbench (src/core/remote). */
  readonly remote: RemoteAccessApi;
}
