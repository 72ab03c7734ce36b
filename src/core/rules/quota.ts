// Custom image quota: 3 × the number of servers you own, but never more than 15.
import type { Quota } from '../model';

export const QUOTA_PER_SERVER = 3;
export const QUOTA_CAP = 15;

export function imageQuotaLimit(servers: number): number {
  return Math.min(QUOTA_PER_SERVER * Math.max(0, Math.floor(servers)), QUOTA_CAP);
}

export interface ImageQuota extends Quota {
  /** No image can be created until one is deleted. */
  full: boolean;
  /** How many images must be deleted to create one (0 when not full). */
  toDelete: number;
}

export function imageQuota(servers: number, images: number): ImageQuota {
  const limit = imageQuotaLimit(servers);
  const full = images >= limit;
  return { used: images, limit, full, toDelete: full ? images - limit + 1 : 0 };
}
