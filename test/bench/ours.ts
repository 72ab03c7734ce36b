// The extension's path: the core client (pop-core, limiter, retry, cache as the extension builds
// them, with default settings) and loadRegion.
import { createSwasClient } from '../../src/core/swasClient';
import { silentLogger } from '../../src/core/logger';
import type { Logger } from '../../src/core/logger';
import { loadRegion } from '../../src/core/regionLoader';
import type { RegionData } from '../../src/core/model';
import type { SwasApi } from '../../src/core/swasApi';
import type { BaselineTarget } from './baselineSdk';

/** A fresh client (empty cache, fresh limiter) with the extension's defaults: 15 s timeout. */
export function extensionClient(t: BaselineTarget, logger: Logger = silentLogger): SwasApi {
  return createSwasClient({
    endpointTemplate: t.endpoint,
    credentials: { getCredentials: () => Promise.resolve({ accessKeyId: t.accessKeyId, accessKeySecret: t.accessKeySecret }) },
    timeoutMs: 15_000,
    logger,
  });
}

export interface OursResult {
  servers: number;
  snapshots: number;
  images: number;
  truncated: boolean;
  data: RegionData;
}

/** `maxItems` undefined = what expanding the region shows (first 500 per list); Infinity = everything. */
export async function oursRegionLoad(api: SwasApi, regionId: string, maxItems?: number, fresh = false): Promise<OursResult> {
  const data = await loadRegion(api, regionId, { ...(maxItems === undefined ? {} : { maxItems }), fresh });
  let snapshots = 0;
  for (const list of data.snapshotsByInstance.values()) snapshots += list.length;
  return { servers: data.instances.length, snapshots, images: data.images.length, truncated: data.truncated, data };
}
