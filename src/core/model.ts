// The project's own typed view of SWAS resources. The client converts raw responses
// (null-prototype objects, possibly BigNumbers, strings-or-numbers) into these.
// No `vscode` import anywhere under src/core. Every status and type is a closed union from
// ./enums (normalised by ./convert); `raw` keeps the API's text of a value that was 'unknown'.
import type { CustomImageStatus, DiskStatus, DiskType, InstanceStatus, OsType, SnapshotStatus } from './enums';

export type { CustomImageStatus, DiskStatus, DiskType, InstanceStatus, OsType, SnapshotStatus } from './enums';
export { IMAGE_STATUS } from './enums';

/** The API's own text of each enum field that normalised to 'unknown' (kept for display). */
export type RawEnums<K extends string> = Partial<Record<K, string>>;

export interface Region {
  regionId: string;
  localName: string;
  endpoint: string;
}

export interface ResourceSpec {
  cpu: number;
  memoryGiB: number;
  diskSizeGiB: number;
  diskCategory: string;
  bandwidthMbps: number;
  flow: number;
}

export interface Disk {
  diskId: string;
  diskName: string;
  diskType: DiskType;
  category: string;
  sizeGiB: number;
  device: string;
  status: DiskStatus;
  instanceId: string;
  regionId: string;
  creationTime: string;
  raw?: RawEnums<'status' | 'diskType'>;
}

export interface Tag {
  key: string;
  value: string;
}

export interface Instance {
  instanceId: string;
  instanceName: string;
  regionId: string;
  status: InstanceStatus;
  businessStatus: string;
  disableReason: string;
  chargeType: string;
  creationTime: string;
  expiredTime: string;
  publicIpAddress: string;
  innerIpAddress: string;
  imageId: string;
  imageName: string;
  osType: OsType;
  planId: string;
  spec: ResourceSpec;
  disks: Disk[];
  resourceGroupId: string;
  tags: Tag[];
  raw?: RawEnums<'status' | 'osType'>;
}

export interface Snapshot {
  snapshotId: string;
  snapshotName: string;
  status: SnapshotStatus;
  /** 0–100, parsed from the API's "NN%" string. */
  progress: number;
  sourceDiskId: string;
  sourceDiskType: DiskType;
  /**
   * The server the snapshot belongs to. The API fills InstanceId only for system-disk
   * snapshots; the client fills it for data-disk snapshots from the disk → server map.
   */
  instanceId: string;
  creationTime: string;
  regionId: string;
  remark: string;
  resourceGroupId: string;
  tags: Tag[];
  raw?: RawEnums<'status' | 'sourceDiskType'>;
}

export interface CustomImage {
  imageId: string;
  name: string;
  description: string;
  status: CustomImageStatus;
  instanceId: string;
  instanceName: string;
  systemSnapshotId: string;
  systemSnapshotName: string;
  dataSnapshotId: string;
  dataSnapshotName: string;
  osType: OsType;
  inShare: boolean;
  creationTime: string;
  regionId: string;
  resourceGroupId: string;
  /** Disk sizes a server needs for this image (GiB; 0 when the API does not say). */
  requiredSystemDiskSizeGiB?: number;
  requiredDataDiskSizeGiB?: number;
  /** Owner account id as a string (the API sends a 16-digit number → BigNumber in pop-core). */
  userId: string;
  tags: Tag[];
  raw?: RawEnums<'status' | 'osType'>;
}

/** An image from ListImages (system, app or custom) that a server can be reset to. */
export interface PublicImage {
  imageId: string;
  imageName: string;
  imageType: string;
  platform: string;
  description: string;
}

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  totalCount: number;
}

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface CredentialsProvider {
  getCredentials(): Promise<Credentials | undefined>;
}

export interface Quota {
  used: number;
  limit: number;
}

/** Everything the tree shows for one region, produced by the region loader in a few calls. */
export interface RegionData {
  regionId: string;
  instances: Instance[];
  /** Snapshots grouped by the server they belong to, newest first. */
  snapshotsByInstance: Map<string, Snapshot[]>;
  images: CustomImage[];
  quota: Quota;
  /** True when the region has more than was loaded (a "Load more…" node is shown). */
  truncated: boolean;
  /** TotalCount of each list as the API reported it (set by loadRegion). */
  totals?: { instances: number; snapshots: number; images: number };
  /** The per-list item cap this data was loaded with; pass a larger one to load more. */
  maxItems?: number;
}

export interface CreateCustomImageParams {
  regionId: string;
  instanceId: string;
  imageName: string;
  systemSnapshotId: string;
  dataSnapshotId?: string;
  description?: string;
  resourceGroupId?: string;
  tags?: Tag[];
  /** Kept for every retry of one submission. */
  clientToken: string;
}
