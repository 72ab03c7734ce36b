// Builds the contextValue token lists that package.json menus match with regex `when`
// clauses (`viewItem =~ /^instance\b(?=.*\bhasIp\b)/`). Pure: no `vscode` import.
import type { CustomImage, Instance, Snapshot } from '../core/model';

export type InstanceState = 'running' | 'stopped' | 'transitional' | 'disabled';
export type SnapshotState = 'accomplished' | 'progressing' | 'failed';
export type ImageState = 'available' | 'creating' | 'failed' | 'unavailable';

const TRANSITIONAL = new Set(['pending', 'starting', 'stopping', 'resetting', 'upgrading']);

export function instanceState(status: string): InstanceState {
  const s = status.toLowerCase();
  if (s === 'running') return 'running';
  if (s === 'stopped') return 'stopped';
  if (s === 'disabled') return 'disabled';
  if (TRANSITIONAL.has(s)) return 'transitional';
  // Unknown statuses are treated as transitional: polled until they become something known.
  return 'transitional';
}

export function snapshotState(status: string): SnapshotState {
  const s = status.toLowerCase();
  if (s === 'accomplished') return 'accomplished';
  if (s === 'failed') return 'failed';
  return 'progressing';
}

/** API codes: "0" copying, "1" available, "2" unavailable, "3" failed, "4" creating. */
export function imageState(status: string): ImageState {
  switch (status) {
    case '1':
      return 'available';
    case '2':
      return 'unavailable';
    case '3':
      return 'failed';
    default:
      return 'creating';
  }
}

export function isTransitionalInstance(i: Pick<Instance, 'status'>): boolean {
  return instanceState(i.status) === 'transitional';
}
export function isTransitionalSnapshot(s: Pick<Snapshot, 'status'>): boolean {
  return snapshotState(s.status) === 'progressing';
}
export function isTransitionalImage(i: Pick<CustomImage, 'status'>): boolean {
  return imageState(i.status) === 'creating';
}

export function instanceContext(i: Pick<Instance, 'status' | 'publicIpAddress'>): string {
  const tokens = ['instance', instanceState(i.status)];
  if (i.publicIpAddress.trim() !== '') tokens.push('hasIp');
  return tokens.join(' ');
}

export function snapshotContext(s: Pick<Snapshot, 'status' | 'sourceDiskType'>): string {
  const disk = s.sourceDiskType.toLowerCase() === 'system' ? 'system' : 'data';
  return ['snapshot', disk, snapshotState(s.status)].join(' ');
}

export function imageContext(i: Pick<CustomImage, 'status' | 'inShare'>): string {
  return ['image', imageState(i.status), i.inShare ? 'shared' : 'unshared'].join(' ');
}

export const REGION_CONTEXT = 'region';
export const IMAGES_CONTEXT = 'images';
export const ERROR_CONTEXT = 'error';
export const LOAD_MORE_CONTEXT = 'loadMore';
export const MESSAGE_CONTEXT = 'message';
