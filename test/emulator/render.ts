// Wire shapes: exact field casing, plain arrays, ISO times without milliseconds.
import type { AccountState, DiskRecord, ImageRecord, InstanceRecord, SnapshotRecord } from './types';

export function diskWire(inst: InstanceRecord, d: DiskRecord): Record<string, unknown> {
  return {
    DiskId: d.diskId,
    DiskName: d.diskName,
    DiskType: d.diskType,
    Category: d.category,
    Size: d.size,
    Device: d.device,
    Status: d.status,
    DiskChargeType: 'PrePaid',
    CreationTime: d.creationTime,
    InstanceId: inst.instanceId,
    InstanceName: inst.instanceName,
    RegionId: inst.regionId,
    Remark: d.remark,
    ResourceGroupId: d.resourceGroupId,
    Tags: d.tags,
  };
}

export function instanceWire(i: InstanceRecord): Record<string, unknown> {
  return {
    InstanceId: i.instanceId,
    InstanceName: i.instanceName,
    RegionId: i.regionId,
    Status: i.status,
    BusinessStatus: i.businessStatus,
    DisableReason: i.disableReason,
    DdosStatus: i.ddosStatus,
    ChargeType: i.chargeType,
    CreationTime: i.creationTime,
    ExpiredTime: i.expiredTime,
    PublicIpAddress: i.publicIpAddress,
    InnerIpAddress: i.innerIpAddress,
    ImageId: i.imageId,
    Image: {
      ImageName: i.image.imageName,
      ImageType: i.image.imageType,
      ImageVersion: i.image.imageVersion,
      OsType: i.image.osType.toLowerCase(),
      ImageIconUrl: '',
      ImageContact: '',
    },
    PlanId: i.planId,
    PlanType: 'NORMAL',
    ResourceSpec: {
      Cpu: i.spec.cpu,
      Memory: i.spec.memory,
      DiskSize: i.spec.diskSize,
      DiskCategory: i.spec.diskCategory,
      Bandwidth: i.spec.bandwidth,
      Flow: i.spec.flow,
    },
    Disks: i.disks.map((d) => ({
      DiskId: d.diskId,
      DiskName: d.diskName,
      DiskType: d.diskType,
      Category: d.category,
      Size: d.size,
      Device: d.device,
      Status: d.status,
      DiskChargeType: 'PrePaid',
      CreationTime: d.creationTime,
      RegionId: i.regionId,
      Remark: d.remark,
      ResourceGroupId: d.resourceGroupId,
      DiskTags: d.tags,
    })),
    NetworkAttributes: i.publicIpAddress
      ? [
          {
            PublicIpAddress: i.publicIpAddress,
            PrivateIpAddress: i.innerIpAddress,
            PeakBandwidth: i.spec.bandwidth,
            PublicIpDdosStatus: 'Normal',
          },
        ]
      : [],
    Tags: i.tags,
    Combination: false,
    CombinationInstanceId: '',
    ResourceGroupId: i.resourceGroupId,
    Uuid: i.uuid,
  };
}

export function snapshotProgress(s: SnapshotRecord, now: number): string {
  if (s.status === 'Accomplished') return '100%';
  if (s.status === 'Failed') return `${s.failedProgress}%`;
  const span = Math.max(1, s.readyAt - s.startedAt);
  const pct = Math.floor(((now - s.startedAt) / span) * 100);
  return `${Math.max(0, Math.min(99, pct))}%`;
}

export function snapshotWire(s: SnapshotRecord, now: number): Record<string, unknown> {
  return {
    SnapshotId: s.snapshotId,
    SnapshotName: s.snapshotName,
    Status: s.status,
    Progress: snapshotProgress(s, now),
    SourceDiskId: s.sourceDiskId,
    SourceDiskType: s.sourceDiskType,
    InstanceId: s.sourceDiskType === 'System' ? s.instanceId : '',
    CreationTime: s.creationTime,
    RollbackTime: s.rollbackTime,
    RegionId: s.regionId,
    Remark: s.remark,
    ResourceGroupId: s.resourceGroupId,
    Tags: s.tags,
  };
}

/** UserId is emitted as a JSON number (16 digits, so pop-core's json-bigint makes a BigNumber). */
export function imageWire(img: ImageRecord, acc: AccountState): Record<string, unknown> {
  return {
    ImageId: img.imageId,
    Name: img.name,
    Description: img.description,
    Status: img.status,
    InstanceId: img.instanceId,
    InstanceName: img.instanceName,
    SystemSnapshotId: img.systemSnapshotId,
    SystemSnapshotName: img.systemSnapshotName,
    DataSnapshotId: img.dataSnapshotId,
    DataSnapshotName: img.dataSnapshotName,
    RequiredSystemDiskSize: img.requiredSystemDiskSize,
    RequiredDataDiskSize: img.requiredDataDiskSize,
    OsType: img.osType,
    SourceImageName: img.sourceImageName,
    SourceImageVersion: img.sourceImageVersion,
    InShare: img.inShare,
    InShareUser: img.inShareUser,
    CreateInstances: img.createInstances,
    CreationTime: img.creationTime,
    RegionId: img.regionId,
    ResourceGroupId: img.resourceGroupId,
    UserId: new RawNumber(acc.userId),
    Tags: img.tags,
  };
}

/** A number written verbatim into the JSON (for integers wider than a double's exact range). */
export class RawNumber {
  constructor(readonly digits: string) {}
}

const RAW_MARK = '\u0000raw:';

export function toJson(body: unknown): string {
  const text = JSON.stringify(body, (_k, v: unknown) => (v instanceof RawNumber ? `${RAW_MARK}${v.digits}` : v));
  return text.replace(/"\\u0000raw:(\d+)"/g, '$1');
}
