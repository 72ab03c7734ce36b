// Which snapshots may be used for a custom image of a server: system-disk snapshots of that
// server that are Accomplished (required), and optionally one data-disk snapshot of it.
// Evidence (ruleCodes.ts RULE_SOURCES): the disk type is confirmed (blocks); the same server is
// likely and the Accomplished status a guess (advice: such snapshots stay selectable, listed
// after the usable ones, and the API's answer decides).
import type { DiskType, Snapshot } from '../model';
import type { RuleCode } from './ruleCodes';

export type SnapshotLike = Pick<Snapshot, 'snapshotId' | 'snapshotName' | 'status' | 'sourceDiskType' | 'instanceId' | 'creationTime'>;

export type SnapshotRole = 'system' | 'data';

const WANTED: Record<SnapshotRole, DiskType> = { system: 'System', data: 'Data' };

function diskTypeOf(s: SnapshotLike): DiskType | undefined {
  const t = String(s.sourceDiskType).toLowerCase();
  return t === 'system' ? 'System' : t === 'data' ? 'Data' : undefined;
}

/** Why a snapshot can't be used in a role, or undefined when it can. */
export function snapshotIneligibility(s: SnapshotLike, role: SnapshotRole, instanceId: string): RuleCode | undefined {
  if (diskTypeOf(s) !== WANTED[role]) return role === 'system' ? 'systemSnapshot.notSystemDisk' : 'dataSnapshot.notDataDisk';
  if (s.instanceId !== instanceId) return `${role}Snapshot.otherServer`;
  const status = String(s.status).toLowerCase(); // A1: the live service sends lowercase too
  if (status === 'accomplished') return undefined;
  if (status === 'failed') return `${role}Snapshot.failed`;
  return `${role}Snapshot.progressing`;
}

export interface SnapshotChoice {
  snapshot: SnapshotLike;
  /** undefined when the snapshot can be chosen; else the reason it is shown disabled. */
  reason: RuleCode | undefined;
}

/**
 * The dropdown for a role: this server's snapshots of the right disk type, usable ones first,
 * each group newest first.
 */
export function snapshotChoices(snapshots: readonly SnapshotLike[], role: SnapshotRole, instanceId: string): SnapshotChoice[] {
  return snapshots
    .filter((s) => s.instanceId === instanceId && diskTypeOf(s) === WANTED[role])
    .map((snapshot) => ({ snapshot, reason: snapshotIneligibility(snapshot, role, instanceId) }))
    .sort((a, b) => {
      if (!a.reason !== !b.reason) return a.reason ? 1 : -1;
      return b.snapshot.creationTime.localeCompare(a.snapshot.creationTime);
    });
}
