// What may be applied to a server with ResetSystem, checked before the call. Only rules the
// evidence confirms block (fact sheet §B): a custom image must be in the same region, must not
// have been made from this same server, must fit the server's disks; and it must be available
// (an image still creating cannot be used). Everything else is left to the API.
import type { CustomImage, Instance } from '../model';
import { IMAGE_STATUS } from '../model';
import { canRun } from './serverOperation';

export type ResetBlock = 'serverStatus' | 'otherRegion' | 'notAvailable' | 'sameServer' | 'systemDiskTooSmall' | 'dataDiskTooSmall';

function diskSize(i: Instance, type: 'system' | 'data'): number | undefined {
  const d = i.disks.find((x) => x.diskType.toLowerCase() === type);
  return d ? d.sizeGiB : undefined;
}

/** Every reason the image cannot be applied to the server (empty: leave the rest to the API). */
export function customImageBlocks(image: CustomImage, server: Instance): ResetBlock[] {
  const out: ResetBlock[] = [];
  if (!canRun('reset', server.status)) out.push('serverStatus');
  if (image.regionId !== '' && image.regionId !== server.regionId) out.push('otherRegion');
  if (image.status !== IMAGE_STATUS.available) out.push('notAvailable');
  if (image.instanceId !== '' && image.instanceId === server.instanceId) out.push('sameServer');
  const sys = diskSize(server, 'system');
  const data = diskSize(server, 'data') ?? 0;
  // Sizes unknown (0 or absent) never block.
  if ((image.requiredSystemDiskSizeGiB ?? 0) > 0 && sys !== undefined && sys > 0 && (image.requiredSystemDiskSizeGiB ?? 0) > sys)
    out.push('systemDiskTooSmall');
  if ((image.requiredDataDiskSizeGiB ?? 0) > data && server.disks.length > 0) out.push('dataDiskTooSmall');
  return out;
}

/** Only the server's status blocks a public image (the API checks the rest). */
export function publicImageBlocks(server: Instance): ResetBlock[] {
  return canRun('reset', server.status) ? [] : ['serverStatus'];
}

/** The typed confirmation: the server's name (or its ID when it has none), compared exactly after trimming. */
export function confirmationText(server: Pick<Instance, 'instanceName' | 'instanceId'>): string {
  return server.instanceName.trim() || server.instanceId;
}

export function confirms(server: Pick<Instance, 'instanceName' | 'instanceId'>, typed: unknown): boolean {
  return typeof typed === 'string' && typed.trim() === confirmationText(server);
}
