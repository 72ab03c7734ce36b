// Builds the contextValue token lists that package.json menus match with regex `when`
// clauses (`viewItem =~ /^instance\b(?=.*\bhasIp\b)/`). Pure: no `vscode` import.
import type { CustomImageStatus, InstancePhase, InstanceStatus, SnapshotPhase, SnapshotStatus } from '../core/enums';
import { imagePhase, instancePhase, isImageChanging, isInstanceChanging, isSnapshotChanging, snapshotPhase } from '../core/enums';
import type { CustomImage, Instance, Snapshot } from '../core/model';

export type InstanceState = InstancePhase;
export type SnapshotState = SnapshotPhase;
/** Copying images count as creating (as before): Delete stays hidden while either runs. */
export type ImageState = 'available' | 'creating' | 'failed' | 'unavailable' | 'unknown';

// The values are normalised at the client boundary (src/core/enums.ts); these only name them.
export const instanceState = (status: InstanceStatus): InstanceState => instancePhase(status);
export const snapshotState = (status: SnapshotStatus): SnapshotState => snapshotPhase(status);

export function imageState(status: CustomImageStatus): ImageState {
  const p = imagePhase(status);
  return p === 'copying' ? 'creating' : p;
}

/** Unknown statuses count as changing: polled until they become something known. */
export function isTransitionalInstance(i: Pick<Instance, 'status'>): boolean {
  return isInstanceChanging(i.status);
}
export function isTransitionalSnapshot(s: Pick<Snapshot, 'status'>): boolean {
  return isSnapshotChanging(s.status);
}
export function isTransitionalImage(i: Pick<CustomImage, 'status'>): boolean {
  return isImageChanging(i.status);
}

export function instanceContext(i: Pick<Instance, 'status' | 'publicIpAddress'>): string {
  const tokens = ['instance', instanceState(i.status)];
  if (i.publicIpAddress.trim() !== '') tokens.push('hasIp');
  return tokens.join(' ');
}

export function snapshotContext(s: Pick<Snapshot, 'status' | 'sourceDiskType'>): string {
  const disk = s.sourceDiskType === 'System' ? 'system' : s.sourceDiskType === 'Data' ? 'data' : 'unknown';
  return ['snapshot', disk, snapshotState(s.status)].join(' ');
}

export function imageContext(i: Pick<CustomImage, 'status' | 'inShare'>): string {
  return ['image', imageState(i.status), i.inShare ? 'shared' : 'unshared'].join(' ');
}

export const REGION_CONTEXT = 'region';
export const IMAGES_CONTEXT = 'images';
export const OTHER_REGIONS_CONTEXT = 'otherRegions';
export const ERROR_CONTEXT = 'error';
export const LOAD_MORE_CONTEXT = 'loadMore';
export const MESSAGE_CONTEXT = 'message';
