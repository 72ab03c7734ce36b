// Custom image quota: "3 times the number of simple application servers that you have, but
// cannot exceed 15" (CreateCustomImage reference). Guess (swas-api-2.md A3): the docs read it
// account-wide, the error text says "in this region". The form counts one region (servers and
// images there) and shows the result as a reading, with its formula, and as advice only; a
// CustomImageQuotaLimit answer from the API is the fact and replaces the reading.
import type { Quota } from '../model';

export const QUOTA_PER_SERVER = 3;
export const QUOTA_CAP = 15;

/** The one definition of the limit (the tree's region loader uses it too). */
export function imageQuotaLimit(servers: number): number {
  return Math.min(QUOTA_PER_SERVER * Math.max(0, Math.floor(servers)), QUOTA_CAP);
}

export interface ImageQuota extends Quota {
  /** By this reading, no image can be created until one is deleted. */
  full: boolean;
  /** How many images must be deleted to create one (0 when not full). */
  toDelete: number;
  /** The reading's inputs, for the formula shown to the user. */
  servers: number;
  perServer: number;
  cap: number;
}

export function imageQuota(servers: number, images: number): ImageQuota {
  const limit = imageQuotaLimit(servers);
  const full = images >= limit;
  return {
    used: images,
    limit,
    full,
    toDelete: full ? images - limit + 1 : 0,
    servers: Math.max(0, Math.floor(servers)),
    perServer: QUOTA_PER_SERVER,
    cap: QUOTA_CAP,
  };
}
