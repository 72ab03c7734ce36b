// Which snapshots may be used for a custom image of a server: system-disk snapshots of that
// server that are Accomplished (required), and optionally one data-disk snapshot of it.
import { snapshotPhase } from '../enums';
import type { DiskType, Snapshot } from '../model';
import type { RuleCode } from './ruleCodes';

export type SnapshotLike = Pick<Snapshot, 'snapshotId' | 'snapshotName' | 'status' | 'sourceDiskType' | 'instanceId' | 'creationTime'>;

export type SnapshotRole = 'system' | 'data';

const WANTED: Record<SnapshotRole, DiskType> = { system: 'System', data: 'Data' };

// Statuses and disk types arrive normalised (src/core/enums.ts): any casing from the API is
// already 'Accomplished' / 'System' here, anything else 'unknown' (never usable).
function diskTypeOf(s: SnapshotLike): DiskType {
  return s.sourceDiskType;
}

/** Why a snapshot can't be used in a role, or undefined when it can. */
export function snapshotIneligibility(s: SnapshotLike, role: SnapshotRole, instanceId: string): RuleCode | undefined {
  if (diskTypeOf(s) !== WANTED[role]) return role === 'system' ? 'systemSnapshot.notSystemDisk' : 'dataSnapshot.notDataDisk';
  if (s.instanceId !== instanceId) return `${role}Snapshot.otherServer`;
  const phase = snapshotPhase(s.status);
  if (phase === 'accomplished') return undefined;
  if (phase === 'failed') return `${role}Snapshot.failed`;
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
