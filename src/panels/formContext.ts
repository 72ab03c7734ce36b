// Builds the webview's FormContext and the rules' context from a loaded region.
import type { CreateCustomImageParams, CustomImage, Instance, RegionData } from '../core/model';
import { IMAGE_STATUS } from '../core/model';
import type { CreateImageRuleContext } from '../core/rules/validateCreateImage';
import type { FormContext } from '../protocol/createImageMessages';

export function specLine(i: Instance): string {
  const s = i.spec;
  const parts = [`${s.cpu} vCPU`, `${s.memoryGiB} GiB`, `${s.diskSizeGiB} GiB ${s.diskCategory}`.trim()];
  if (s.bandwidthMbps) parts.push(`${s.bandwidthMbps} Mbps`);
  return parts.join(' · ');
}

export function buildFormContext(data: RegionData, regionName: string, instanceId: string, preselected: string): FormContext | undefined {
  const server = data.instances.find((i) => i.instanceId === instanceId);
  if (!server) return undefined;
  const snapshots = (data.snapshotsByInstance.get(instanceId) ?? []).map((s) => ({
    snapshotId: s.snapshotId,
    snapshotName: s.snapshotName,
    status: s.status,
    sourceDiskType: s.sourceDiskType,
    instanceId: s.instanceId || instanceId,
    creationTime: s.creationTime,
    progress: s.progress,
  }));
  return {
    regionId: data.regionId,
    regionName,
    server: {
      instanceId,
      instanceName: server.instanceName || instanceId,
      status: server.status,
      planId: server.planId,
      spec: specLine(server),
    },
    snapshots,
    imageNames: data.images.map((i) => i.name),
    serverCount: data.instances.length,
    imageCount: data.images.length,
    preselectedSystemSnapshotId: preselected,
  };
}

export function ruleContext(ctx: FormContext): CreateImageRuleContext {
  return {
    instanceId: ctx.server.instanceId,
    instanceStatus: ctx.server.status,
    snapshots: ctx.snapshots,
    existingImageNames: ctx.imageNames,
    serverCount: ctx.serverCount,
    imageCount: ctx.imageCount,
  };
}

/**
 * The image a successful CreateCustomImage just started, as the list will show it (creating),
 * built from the request and the form's context; the first poll replaces it with the API's view.
 */
export function createdImage(params: CreateCustomImageParams, imageId: string, ctx: FormContext | undefined, now: Date): CustomImage {
  const snapshotName = (id: string | undefined): string =>
    id ? (ctx?.snapshots.find((s) => s.snapshotId === id)?.snapshotName ?? '') : '';
  return {
    imageId,
    name: params.imageName,
    description: params.description ?? '',
    status: IMAGE_STATUS.creating,
    instanceId: params.instanceId,
    instanceName: ctx?.server.instanceName ?? '',
    systemSnapshotId: params.systemSnapshotId,
    systemSnapshotName: snapshotName(params.systemSnapshotId),
    dataSnapshotId: params.dataSnapshotId ?? '',
    dataSnapshotName: snapshotName(params.dataSnapshotId),
    osType: 'unknown',
    inShare: false,
    creationTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    regionId: params.regionId,
    resourceGroupId: params.resourceGroupId ?? '',
    userId: '',
    tags: params.tags?.map((t) => ({ key: t.key, value: t.value })) ?? [],
  };
}
