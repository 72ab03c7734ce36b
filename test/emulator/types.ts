// The emulator's persisted state. The same JSON shape is the seed-file format and the
// body of `GET /state` (after the virtual clock has been applied).
import type { LifecycleRecord } from './state/lifecycle';

export interface TagRecord {
  Key: string;
  Value: string;
}

export type DiskType = 'System' | 'Data';

export interface DiskRecord {
  diskId: string;
  diskName: string;
  diskType: DiskType;
  category: string;
  size: number;
  device: string;
  status: string;
  creationTime: string;
  remark: string;
  resourceGroupId: string;
  tags: TagRecord[];
}

export interface InstanceRecord {
  /** Statuses still ahead while a start/stop/reboot/reset runs (state/lifecycle.ts). */
  lifecycle?: LifecycleRecord;
  instanceId: string;
  instanceName: string;
  regionId: string;
  status: string;
  businessStatus: string;
  disableReason: string;
  ddosStatus: string;
  chargeType: string;
  creationTime: string;
  expiredTime: string;
  publicIpAddress: string;
  innerIpAddress: string;
  imageId: string;
  image: { imageName: string; imageType: string; imageVersion: string; osType: string };
  planId: string;
  spec: { cpu: number; memory: number; diskSize: number; diskCategory: string; bandwidth: number; flow: number };
  disks: DiskRecord[];
  tags: TagRecord[];
  resourceGroupId: string;
  uuid: string;
  /** Cloud Assistant agent stopped (set through the admin API). */
  cloudAssistantOffline?: boolean;
}

export type SnapshotStatus = 'Progressing' | 'Accomplished' | 'Failed';

export interface SnapshotRecord {
  snapshotId: string;
  snapshotName: string;
  status: SnapshotStatus;
  /** Virtual-clock ms when creation started and when it completes (Progressing only). */
  startedAt: number;
  readyAt: number;
  /** Progress shown for a Failed snapshot (0–99). */
  failedProgress: number;
  sourceDiskId: string;
  sourceDiskType: DiskType;
  instanceId: string;
  creationTime: string;
  rollbackTime: string;
  regionId: string;
  remark: string;
  resourceGroupId: string;
  tags: TagRecord[];
}

/** "0" copying, "1" available, "2" unavailable, "3" creation failed, "4" creating. */
export type ImageStatus = '0' | '1' | '2' | '3' | '4';

export interface ImageRecord {
  imageId: string;
  name: string;
  description: string;
  status: ImageStatus;
  readyAt: number;
  instanceId: string;
  instanceName: string;
  systemSnapshotId: string;
  systemSnapshotName: string;
  dataSnapshotId: string;
  dataSnapshotName: string;
  requiredSystemDiskSize: number;
  requiredDataDiskSize: number;
  osType: string;
  sourceImageName: string;
  sourceImageVersion: string;
  inShare: boolean;
  /** async-unshare variant: virtual ms when a pending UnShare takes effect. */
  unshareAt?: number;
  inShareUser: boolean;
  createInstances: string[];
  creationTime: string;
  regionId: string;
  resourceGroupId: string;
  tags: TagRecord[];
}

export interface RegionState {
  instances: InstanceRecord[];
  snapshots: SnapshotRecord[];
  images: ImageRecord[];
  /** Firewall rules by InstanceId; a server without an entry has the default 22/80/443 rules. */
  firewalls?: Record<string, FirewallRuleRecord[]>;
  /** Cloud Assistant runs (RunCommand), newest last. */
  invocations?: InvocationRecord[];
  /** SSH key pairs of the account in this region (ImportKeyPair), with the servers bound. */
  keyPairs?: KeyPairRecord[];
}

export interface FirewallRuleRecord {
  ruleId: string;
  /** "22" or a range "1024/1055". */
  port: string;
  /** TCP, UDP, TCP+UDP or ICMP. */
  ruleProtocol: string;
  sourceCidrIp: string;
  /** accept, or drop once disabled. */
  policy: 'accept' | 'drop';
  remark: string;
  tags: TagRecord[];
}

export type InvocationStatus = 'Pending' | 'Running' | 'Success' | 'Failed' | 'Error' | 'Timeout' | 'Aborted' | 'Invalid';

export interface InvocationRecord {
  invokeId: string;
  instanceId: string;
  commandName: string;
  commandContent: string;
  commandType: string;
  workingDir: string;
  workingUser: string;
  timeoutSeconds: number;
  status: InvocationStatus;
  exitCode: number | null;
  /** Base64 of the first 24 KB of stdout + stderr. */
  output: string;
  errorCode: string;
  errorInfo: string;
  creationTime: string;
  startTime: string;
  finishedTime: string;
}

export interface KeyPairRecord {
  keyPairName: string;
  publicKeyBody: string;
  fingerprint: string;
  creationTime: string;
  instanceIds: string[];
}

export interface AccountState {
  accountId: string;
  /** 16 digits, below 2^53 so it is emitted as an exact JSON number. */
  userId: string;
  regions: Record<string, RegionState>;
}

export interface SecurityTokenRecord {
  token: string;
  expiresAt: string;
}

export interface CredentialRecord {
  accessKeyId: string;
  accessKeySecret: string;
  accountId: string;
  disabled?: boolean;
  /** RAM permissions (test/emulator/permissions.ts); absent = full access. */
  permissions?: 'full' | 'readOnly' | 'none';
  /** STS keys require one of these tokens. */
  securityTokens?: SecurityTokenRecord[];
}

export interface ClientTokenRecord {
  fingerprint: string;
  result: Record<string, string>;
  at: number;
}

/** What a released ID was (released-id-errors variant, A4). */
export type ReleasedKind = 'instance' | 'disk' | 'snapshot' | 'snapshotOfReleasedServer';

export interface EmulatorState {
  version: 1;
  clockOffsetMs: number;
  nextId: number;
  credentials: CredentialRecord[];
  accounts: Record<string, AccountState>;
  clientTokens: Record<string, ClientTokenRecord>;
  /** IDs of released servers, disks and deleted snapshots (absent in old state files). */
  released?: Record<string, ReleasedKind>;
}
