// The CreateSnapshot name rule (fact sheet §3.6): 2–50 characters, starts with a letter,
// not with http:// or https://; letters (also CJK), digits, ":", "_", ".", "-". Pure.
import type { DiskType } from '../core/enums';

export type SnapshotNameIssue = 'length' | 'start' | 'url' | 'chars';

const LETTER = /^[A-Za-z\u4e00-\u9fa5]/;
const ALLOWED = /^[A-Za-z0-9\u4e00-\u9fa5:_.-]+$/;

export function validateSnapshotName(name: string): SnapshotNameIssue | undefined {
  const n = name;
  if (/^https?:\/\//i.test(n)) return 'url';
  if (n.length < 2 || n.length > 50) return 'length';
  if (!LETTER.test(n)) return 'start';
  if (!ALLOWED.test(n)) return 'chars';
  return undefined;
}

/** A valid default name such as "system-20261126-1950". */
export function defaultSnapshotName(diskType: DiskType, now: Date): string {
  const pad = (v: number): string => String(v).padStart(2, '0');
  const kind = diskType === 'System' ? 'system' : 'data';
  return `${kind}-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}
