// Builders for believable records; used by the seeds and by the admin API.
import type { Store } from '../state/store';
import { isoSeconds } from '../state/time';
import type { DiskRecord, DiskType, ImageRecord, InstanceRecord, SnapshotRecord, SnapshotStatus } from '../types';

const DAY = 86_400_000;
const OS_IMAGES = [
  { imageName: 'Alibaba Cloud Linux', imageType: 'system', imageVersion: '3.2104 LTS', osType: 'Linux' },
  { imageName: 'Ubuntu', imageType: 'system', imageVersion: '22.04', osType: 'Linux' },
  { imageName: 'WordPress', imageType: 'app', imageVersion: '6.4', osType: 'Linux' },
  { imageName: 'Debian', imageType: 'system', imageVersion: '12.5', osType: 'Linux' },
] as const;

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
  // Loopback only: no test, demo or benchmark may dial a real public address.
  const ip = `127.${1 + ((o.index >> 16) % 200)}.${(o.index >> 8) % 256}.${o.index % 256}`;
  const instanceId = store.newInstanceId();
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

export function makeImage(store: Store, inst: InstanceRecord, sys: SnapshotRecord, data: SnapshotRecord | undefined, o: ImageOptions): ImageRecord {
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
