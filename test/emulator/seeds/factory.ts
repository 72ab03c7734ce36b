// Builders for believable records; used by the seeds and by the admin API.
import type { Store } from '../state/store';
import { isoSeconds } from '../state/time';
import type { DiskRecord, DiskType, EmulatorState, ImageRecord, InstanceRecord, SnapshotRecord, SnapshotStatus } from '../types';

const DAY = 86_400_000;
const OS_IMAGES = [
  { imageName: 'Alibaba Cloud Linux', imageType: 'system', imageVersion: '3.2104 LTS', osType: 'Linux' },
  { imageName: 'Ubuntu', imageType: 'system', imageVersion: '22.04', osType: 'Linux' },
  { imageName: 'WordPress', imageType: 'app', imageVersion: '6.4', osType: 'Linux' },
  { imageName: 'Debian', imageType: 'system', imageVersion: '12.5', osType: 'Linux' },
] as const;

/**
 * A loopback "public" IP, unique per counter value (so per server, across regions): 127.c.b.a with
 * a in 1–254. No test, demo or benchmark may ever dial outside 127.0.0.0/8, so the emulator never
 * hands out a routable address.
 */
export function loopbackIp(n: number): string {
  const a = (n % 254) + 1;
  const b = Math.floor(n / 254) % 256;
  const c = (Math.floor(n / (254 * 256)) % 254) + 1;
  return `127.${c}.${b}.${a}`;
}

export function isLoopbackIp(ip: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

/** Rewrites every non-loopback public IP of a loaded state (old state files used 47.96.x.x). */
export function forceLoopbackIps(state: EmulatorState): void {
  const used = new Set<string>();
  const all = Object.values(state.accounts).flatMap((a) => Object.values(a.regions).flatMap((r) => r.instances));
  for (const i of all) if (isLoopbackIp(i.publicIpAddress)) used.add(i.publicIpAddress);
  let n = 1_000_000;
  for (const i of all) {
    if (i.publicIpAddress === '' || isLoopbackIp(i.publicIpAddress)) continue;
    let ip = loopbackIp(n++);
    while (used.has(ip)) ip = loopbackIp(n++);
    used.add(ip);
    i.publicIpAddress = ip;
  }
}

export interface InstanceOptions {
  regionId: string;
  instanceName: string;
  status?: string;
  index: number;
  createdMs: number;
  dataDiskGiB?: number;
}

function disk(store: Store, type: DiskType, size: number, createdMs: number, instanceName: string): DiskRecord {
  return {
    diskId: store.newDiskId(),
    diskName: type === 'System' ? `${instanceName}-system` : `${instanceName}-data`,
    diskType: type,
    category: 'ESSD',
    size,
    device: type === 'System' ? '/dev/xvda' : '/dev/xvdb',
    status: 'In_use',
    creationTime: isoSeconds(createdMs),
    remark: '',
    resourceGroupId: '',
    tags: [],
  };
}

export function makeInstance(store: Store, o: InstanceOptions): InstanceRecord {
  const status = o.status ?? 'Running';
  const image = OS_IMAGES[o.index % OS_IMAGES.length] ?? OS_IMAGES[0];
  const disks = [disk(store, 'System', 40, o.createdMs, o.instanceName)];
  if (o.dataDiskGiB) disks.push(disk(store, 'Data', o.dataDiskGiB, o.createdMs, o.instanceName));
  const instanceId = store.newInstanceId();
  const ip = loopbackIp(store.state.nextId);
  return {
    instanceId,
    instanceName: o.instanceName,
    regionId: o.regionId,
    status,
    businessStatus: status === 'Disabled' ? 'Expired' : 'Normal',
    disableReason: status === 'Disabled' ? 'EXPIRED' : '',
    ddosStatus: 'Normal',
    chargeType: 'PrePaid',
    creationTime: isoSeconds(o.createdMs),
    expiredTime: isoSeconds(status === 'Disabled' ? o.createdMs + 30 * DAY : o.createdMs + 365 * DAY),
    publicIpAddress: status === 'Disabled' ? '' : ip,
    innerIpAddress: `172.16.${(o.index >> 8) % 256}.${o.index % 256}`,
    imageId: instanceId.split('').reverse().join(''),
    image: { ...image },
    planId: 'swas.s2.c2m2s50b4t08',
    spec: { cpu: 2, memory: 2, diskSize: 40, diskCategory: 'cloud_essd', bandwidth: 4, flow: 800 },
    disks,
    tags: [],
    resourceGroupId: '',
    uuid: `${instanceId.slice(0, 8)}-${instanceId.slice(8, 12)}-${instanceId.slice(12, 16)}-${instanceId.slice(16, 20)}-${instanceId.slice(20, 32)}`,
  };
}

export interface SnapshotOptions {
  name: string;
  status?: SnapshotStatus;
  createdMs: number;
  /** Progressing only: when it completes. */
  readyAt?: number;
  failedProgress?: number;
}

export function makeSnapshot(store: Store, inst: InstanceRecord, d: DiskRecord, o: SnapshotOptions): SnapshotRecord {
  return {
    snapshotId: store.newSnapshotId(),
    snapshotName: o.name,
    status: o.status ?? 'Accomplished',
    startedAt: o.createdMs,
    readyAt: o.readyAt ?? o.createdMs,
    failedProgress: o.failedProgress ?? 0,
    sourceDiskId: d.diskId,
    sourceDiskType: d.diskType,
    instanceId: inst.instanceId,
    creationTime: isoSeconds(o.createdMs),
    rollbackTime: '',
    regionId: inst.regionId,
    remark: '',
    resourceGroupId: '',
    tags: [],
  };
}

export interface ImageOptions {
  name: string;
  description?: string;
  createdMs: number;
  inShare?: boolean;
  status?: ImageRecord['status'];
  readyAt?: number;
}

export function makeImage(
  store: Store,
  inst: InstanceRecord,
  sys: SnapshotRecord,
  data: SnapshotRecord | undefined,
  o: ImageOptions,
): ImageRecord {
  const dataDisk = data ? inst.disks.find((d) => d.diskId === data.sourceDiskId) : undefined;
  return {
    imageId: store.newImageId(),
    name: o.name,
    description: o.description ?? '',
    status: o.status ?? '1',
    readyAt: o.readyAt ?? o.createdMs,
    instanceId: inst.instanceId,
    instanceName: inst.instanceName,
    systemSnapshotId: sys.snapshotId,
    systemSnapshotName: sys.snapshotName,
    dataSnapshotId: data?.snapshotId ?? '',
    dataSnapshotName: data?.snapshotName ?? '',
    requiredSystemDiskSize: inst.disks[0]?.size ?? 40,
    requiredDataDiskSize: dataDisk?.size ?? 0,
    osType: inst.image.osType,
    sourceImageName: inst.image.imageName,
    sourceImageVersion: inst.image.imageVersion,
    inShare: o.inShare ?? false,
    inShareUser: false,
    createInstances: [],
    creationTime: isoSeconds(o.createdMs),
    regionId: inst.regionId,
    resourceGroupId: '',
    tags: [],
  };
}
