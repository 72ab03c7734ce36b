// The baseline: what a user writes after reading the official SDK's examples. One client, list
// the servers page by page with the SDK's default page size (the API's default: 10), then ask
// ListSnapshots for each server (paging too), then list the custom images. Every call awaits the
// previous one. Nothing is cached, shared or spaced; no retries beyond the SDK's defaults.
import SwasClient, * as $Swas from '@alicloud/swas-open20200601';
import { $OpenApiUtil } from '@alicloud/openapi-core';

export interface BaselineResult {
  servers: number;
  snapshots: number;
  images: number;
}

export interface BaselineTarget {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export function sdkClient(t: BaselineTarget, regionId: string): SwasClient {
  return new SwasClient(
    new $OpenApiUtil.Config({
      accessKeyId: t.accessKeyId,
      accessKeySecret: t.accessKeySecret,
      endpoint: new URL(t.endpoint).host,
      protocol: 'http',
      regionId,
    }),
  );
}

export async function baselineRegionLoad(t: BaselineTarget, regionId: string): Promise<BaselineResult> {
  const client = sdkClient(t, regionId);
  const instanceIds: string[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const r = await client.listInstances(new $Swas.ListInstancesRequest({ regionId, pageNumber }));
    const page = r.body?.instances ?? [];
    for (const i of page) instanceIds.push(i.instanceId ?? '');
    if (page.length === 0 || instanceIds.length >= (r.body?.totalCount ?? 0)) break;
  }
  let snapshots = 0;
  for (const instanceId of instanceIds) {
    for (let pageNumber = 1, seen = 0; ; pageNumber++) {
      const r = await client.listSnapshots(new $Swas.ListSnapshotsRequest({ regionId, instanceId, pageNumber }));
      const page = r.body?.snapshots ?? [];
      seen += page.length;
      if (page.length === 0 || seen >= (r.body?.totalCount ?? 0)) {
        snapshots += seen;
        break;
      }
    }
  }
  let images = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    const r = await client.listCustomImages(new $Swas.ListCustomImagesRequest({ regionId, pageNumber }));
    const page = r.body?.customImages ?? [];
    images += page.length;
    if (page.length === 0 || images >= Number(r.body?.totalCount ?? 0)) break;
  }
  return { servers: instanceIds.length, snapshots, images };
}
