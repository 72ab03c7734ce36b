// Raw pop-core results → the project's own types. Raw objects have null prototypes, numbers longer
// than 15 characters arrive as json-bigint BigNumber objects, and some numeric fields arrive as
// strings (ListCustomImages paging, "NN%" progress). Every converter accepts any of these and
// returns plain objects built from literals.
import type { Parsed } from './enums';
import {
  parseCustomImageStatus,
  parseDiskStatus,
  parseDiskType,
  parseInstanceStatus,
  parseOsType,
  parseSnapshotStatus,
  rawIfUnknown,
} from './enums';
import type { CustomImage, Disk, DiskType, Instance, Page, PublicImage, RawEnums, Region, Snapshot, Tag } from './model';

export type Raw = Record<string, unknown>;

function isBigNumberLike(v: object): boolean {
  const o = v as { isBigNumber?: unknown; _isBigNumber?: unknown; constructor?: { name?: string } };
  return o._isBigNumber === true || typeof o.isBigNumber === 'function' || o.constructor?.name === 'BigNumber';
}

/** Any scalar (or BigNumber) as a string; '' for null/undefined/objects. */
export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v !== null && typeof v === 'object' && isBigNumberLike(v)) {
    // toFixed() never switches to exponent notation (toString does past 1e21).
    const b = v as { toFixed?: () => string; toString(): string };
    return typeof b.toFixed === 'function' ? b.toFixed() : b.toString();
  }
  return '';
}

/** Any number, numeric string ("42", "45%", " 7 ") or BigNumber as a number; `fallback` otherwise. */
export function num(v: unknown, fallback = 0): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : fallback;
  const s = str(v).trim().replace(/%$/, '');
  if (s === '') return fallback;
  const n = Number(s);
  return Number.isFinite(n) ? n : fallback;
}

export function bool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  const s = str(v).toLowerCase();
  return s === 'true' || s === '1';
}

/** The value as an object (null-prototype objects included); {} otherwise. */
export function obj(v: unknown): Raw {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};
}

/** A plain array, or the one array inside an old-style wrapper (`{"Instance": [...]}`); [] otherwise. */
export function arr(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') {
    const values = Object.values(v as Raw);
    if (values.length === 1 && Array.isArray(values[0])) return values[0];
  }
  return [];
}

/** DiskType / SourceDiskType, any casing (A10); anything else is 'unknown'. */
export function diskType(v: unknown): DiskType {
  return parseDiskType(str(v)).value;
}

/** The `raw` field of a model object: the API's text of each enum that was unknown, if any. */
function rawOf<K extends string>(fields: Record<K, Parsed<string>>): { raw?: RawEnums<K> } {
  const raw: RawEnums<K> = {};
  let any = false;
  for (const k of Object.keys(fields) as K[]) {
    const r = rawIfUnknown(fields[k]);
    if (r !== undefined) {
      raw[k] = r;
      any = true;
    }
  }
  return any ? { raw } : {};
}

export function toTags(v: unknown): Tag[] {
  return arr(v).map((t) => {
    const o = obj(t);
    return { key: str(o.Key ?? o.TagKey), value: str(o.Value ?? o.TagValue) };
  });
}

export function toRegion(v: unknown): Region {
  const o = obj(v);
  return { regionId: str(o.RegionId), localName: str(o.LocalName) || str(o.RegionId), endpoint: str(o.RegionEndpoint) };
}

export function toDisk(v: unknown, owner?: { instanceId: string; regionId: string }): Disk {
  const o = obj(v);
  const status = parseDiskStatus(str(o.Status));
  const type = parseDiskType(str(o.DiskType));
  return {
    diskId: str(o.DiskId),
    diskName: str(o.DiskName),
    diskType: type.value,
    category: str(o.Category),
    sizeGiB: num(o.Size),
    device: str(o.Device),
    status: status.value,
    instanceId: str(o.InstanceId) || owner?.instanceId || '',
    regionId: str(o.RegionId) || owner?.regionId || '',
    creationTime: str(o.CreationTime),
    ...rawOf({ status, diskType: type }),
  };
}

export function toInstance(v: unknown): Instance {
  const o = obj(v);
  const image = obj(o.Image);
  const spec = obj(o.ResourceSpec);
  const instanceId = str(o.InstanceId);
  const regionId = str(o.RegionId);
  const network = arr(o.NetworkAttributes).map(obj)[0] ?? {};
  const status = parseInstanceStatus(str(o.Status));
  const os = parseOsType(str(image.OsType));
  return {
    instanceId,
    instanceName: str(o.InstanceName),
    regionId,
    status: status.value,
    businessStatus: str(o.BusinessStatus),
    disableReason: str(o.DisableReason),
    chargeType: str(o.ChargeType),
    creationTime: str(o.CreationTime),
    expiredTime: str(o.ExpiredTime),
    publicIpAddress: str(o.PublicIpAddress) || str(network.PublicIpAddress),
    innerIpAddress: str(o.InnerIpAddress) || str(network.PrivateIpAddress),
    imageId: str(o.ImageId),
    imageName: str(image.ImageName),
    osType: os.value,
    planId: str(o.PlanId),
    spec: {
      cpu: num(spec.Cpu),
      memoryGiB: num(spec.Memory),
      diskSizeGiB: num(spec.DiskSize),
      diskCategory: str(spec.DiskCategory),
      bandwidthMbps: num(spec.Bandwidth),
      flow: num(spec.Flow),
    },
    disks: arr(o.Disks).map((d) => toDisk(d, { instanceId, regionId })),
    resourceGroupId: str(o.ResourceGroupId),
    tags: toTags(o.Tags),
    ...rawOf({ status, osType: os }),
  };
}

export function toSnapshot(v: unknown): Snapshot {
  const o = obj(v);
  const status = parseSnapshotStatus(str(o.Status));
  const type = parseDiskType(str(o.SourceDiskType));
  return {
    snapshotId: str(o.SnapshotId),
    snapshotName: str(o.SnapshotName),
    status: status.value,
    progress: Math.max(0, Math.min(100, num(o.Progress))),
    sourceDiskId: str(o.SourceDiskId),
    sourceDiskType: type.value,
    instanceId: str(o.InstanceId),
    creationTime: str(o.CreationTime),
    regionId: str(o.RegionId),
    remark: str(o.Remark),
    resourceGroupId: str(o.ResourceGroupId),
    tags: toTags(o.Tags),
    ...rawOf({ status, sourceDiskType: type }),
  };
}

export function toCustomImage(v: unknown): CustomImage {
  const o = obj(v);
  const status = parseCustomImageStatus(str(o.Status));
  const os = parseOsType(str(o.OsType));
  return {
    imageId: str(o.ImageId),
    name: str(o.Name ?? o.ImageName),
    description: str(o.Description),
    status: status.value,
    instanceId: str(o.InstanceId),
    instanceName: str(o.InstanceName),
    systemSnapshotId: str(o.SystemSnapshotId),
    systemSnapshotName: str(o.SystemSnapshotName),
    dataSnapshotId: str(o.DataSnapshotId),
    dataSnapshotName: str(o.DataSnapshotName),
    osType: os.value,
    inShare: bool(o.InShare),
    creationTime: str(o.CreationTime),
    regionId: str(o.RegionId),
    resourceGroupId: str(o.ResourceGroupId),
    userId: str(o.UserId),
    tags: toTags(o.Tags),
    requiredSystemDiskSizeGiB: num(o.RequiredSystemDiskSize),
    requiredDataDiskSizeGiB: num(o.RequiredDataDiskSize),
    ...rawOf({ status, osType: os }),
  };
}

export function toPublicImage(v: unknown): PublicImage {
  const o = obj(v);
  return {
    imageId: str(o.ImageId),
    imageName: str(o.ImageName),
    imageType: str(o.ImageType),
    platform: str(o.Platform),
    description: str(o.Description),
  };
}

/**
 * Why a response cannot be trusted as a list, or undefined when it can: the list is missing
 * (unless TotalCount says 0), is not an array (or the one-array wrapper), or holds an item that
 * is not an object or has no id. Believing such a body would show an empty or half-empty list as
 * if it were complete, so the client treats it as a bad response (retried, never cached).
 */
export function listShapeProblem(raw: unknown, listKey: string, idKey?: string): string | undefined {
  const o = obj(raw);
  const v = o[listKey];
  if (v === undefined || v === null) return num(o.TotalCount, -1) === 0 ? undefined : `no ${listKey} list`;
  const wrapper =
    !Array.isArray(v) && typeof v === 'object' && Object.values(v as Raw).length === 1 && Array.isArray(Object.values(v as Raw)[0]);
  if (!Array.isArray(v) && !wrapper) return `${listKey} is not a list`;
  for (const item of arr(v)) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return `an item of ${listKey} is not an object`;
    if (idKey && str((item as Raw)[idKey]) === '') return `an item of ${listKey} has no ${idKey}`;
  }
  return undefined;
}

/** A List* response as a Page; `requested` fills paging fields the response leaves out. */
export function toPage<T>(
  raw: unknown,
  listKey: string,
  convert: (v: unknown) => T,
  requested: { pageNumber: number; pageSize: number },
): Page<T> {
  const o = obj(raw);
  const items = arr(o[listKey]).map(convert);
  return {
    items,
    pageNumber: num(o.PageNumber, requested.pageNumber),
    pageSize: num(o.PageSize, requested.pageSize),
    totalCount: num(o.TotalCount, items.length),
  };
}

/** A RequestId from any raw body. */
export function requestIdOf(raw: unknown): string {
  return str(obj(raw).RequestId);
}
