// Every status and type the API sends, normalised once, at the boundary (src/core/convert.ts).
// The evidence (swas-api-2.md A1, A10, A11) says the live service sends some of them in
// lowercase at least sometimes, and the sources disagree on others, so matching is
// case-insensitive (and ignores '_', '-' and spaces). A value that matches nothing becomes the
// explicit 'unknown'; the API's own text is kept next to it (model `raw`) for display, e.g.
// "unknown (Weird)". Past this module nothing compares raw strings: rules, menus, pollers and
// the form see only the closed unions below (a typo against them is a compile error).
// No `vscode` import.

export const UNKNOWN = 'unknown';
export type Unknown = typeof UNKNOWN;

/** Instance `Status` (swas-api.md §4.1; confirmed). */
export const INSTANCE_STATUSES = ['Pending', 'Starting', 'Running', 'Stopping', 'Stopped', 'Resetting', 'Upgrading', 'Disabled'] as const;
export type KnownInstanceStatus = (typeof INSTANCE_STATUSES)[number];
export type InstanceStatus = KnownInstanceStatus | Unknown;

/** Disk `Status` (swas-api.md §4.5). */
export const DISK_STATUSES = ['ReIniting', 'Creating', 'In_use', 'Available', 'Attaching', 'Detaching'] as const;
export type KnownDiskStatus = (typeof DISK_STATUSES)[number];
export type DiskStatus = KnownDiskStatus | Unknown;

/** Snapshot `Status` (§4.2; the live casing is likely lowercase, A1). */
export const SNAPSHOT_STATUSES = ['Progressing', 'Accomplished', 'Failed'] as const;
export type KnownSnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];
export type SnapshotStatus = KnownSnapshotStatus | Unknown;

/**
 * Custom image `Status`: the API sends digit strings (§4.3): "0" copying, "1" available,
 * "2" unavailable, "3" creation failed, "4" creating. Word forms (ECS style: Available,
 * UnAvailable, Creating, CreateFailed, Copying) are read as the same codes.
 */
export const CUSTOM_IMAGE_STATUSES = ['0', '1', '2', '3', '4'] as const;
export type KnownCustomImageStatus = (typeof CUSTOM_IMAGE_STATUSES)[number];
export type CustomImageStatus = KnownCustomImageStatus | Unknown;
export const IMAGE_STATUS = {
  copying: '0',
  available: '1',
  unavailable: '2',
  failed: '3',
  creating: '4',
} as const satisfies Record<string, KnownCustomImageStatus>;

/** `DiskType` / `SourceDiskType` (system/data; the casing differs by operation, A10). */
export const DISK_TYPES = ['System', 'Data'] as const;
export type KnownDiskType = (typeof DISK_TYPES)[number];
export type DiskType = KnownDiskType | Unknown;

/** `Image.OsType` / custom image `OsType` (examples are lowercase, A11). */
export const OS_TYPES = ['Linux', 'Windows'] as const;
export type KnownOsType = (typeof OS_TYPES)[number];
export type OsType = KnownOsType | Unknown;

/** What a normaliser found: the closed value, and the API's text (trimmed) for display. */
export interface Parsed<T extends string> {
  value: T | Unknown;
  raw: string;
}

function key(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

function rawText(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return '';
}

/** A case-insensitive normaliser for one closed set, with extra spellings (aliases). */
function normaliser<T extends string>(known: readonly T[], aliases: Readonly<Record<string, T>> = {}): (v: unknown) => Parsed<T> {
  const table = new Map<string, T>();
  for (const k of known) table.set(key(k), k);
  for (const [a, k] of Object.entries(aliases)) table.set(key(a), k);
  return (v) => {
    const raw = rawText(v);
    return { value: table.get(key(raw)) ?? UNKNOWN, raw };
  };
}

export const parseInstanceStatus = normaliser<KnownInstanceStatus>(INSTANCE_STATUSES);
export const parseDiskStatus = normaliser<KnownDiskStatus>(DISK_STATUSES, { InUse: 'In_use' });
export const parseSnapshotStatus = normaliser<KnownSnapshotStatus>(SNAPSHOT_STATUSES);
export const parseCustomImageStatus = normaliser<KnownCustomImageStatus>(CUSTOM_IMAGE_STATUSES, {
  Copying: '0',
  Available: '1',
  UnAvailable: '2',
  Failed: '3',
  CreateFailed: '3',
  CreationFailed: '3',
  Creating: '4',
});
export const parseDiskType = normaliser<KnownDiskType>(DISK_TYPES);
export const parseOsType = normaliser<KnownOsType>(OS_TYPES);

/** The value alone (for callers that keep no raw text, e.g. a command argument). */
export const instanceStatus = (v: unknown): InstanceStatus => parseInstanceStatus(v).value;
export const snapshotStatus = (v: unknown): SnapshotStatus => parseSnapshotStatus(v).value;
export const customImageStatus = (v: unknown): CustomImageStatus => parseCustomImageStatus(v).value;
export const diskType = (v: unknown): DiskType => parseDiskType(v).value;
export const osType = (v: unknown): OsType => parseOsType(v).value;
export const diskStatus = (v: unknown): DiskStatus => parseDiskStatus(v).value;

/**
 * The API's text to keep next to a value: only when it normalised to 'unknown' and was not
 * empty (a known value needs no raw text; an empty one has nothing to show).
 */
export function rawIfUnknown<T extends string>(p: Parsed<T>): string | undefined {
  return p.value === UNKNOWN && p.raw !== '' ? p.raw : undefined;
}

/**
 * A value outside its union can only come from a caller that bypassed the converters (a cast):
 * treated as unknown at run time; `never` keeps every switch exhaustive at compile time.
 */
function outside(_: never): Unknown {
  return UNKNOWN;
}

// ---- What the values mean (one place; the tree, poller, commands and rules ask here) ----

/** Coarse state of a server: what the menus and icons need. */
export type InstancePhase = 'running' | 'stopped' | 'transitional' | 'disabled' | Unknown;

export function instancePhase(s: InstanceStatus): InstancePhase {
  switch (s) {
    case 'Running':
      return 'running';
    case 'Stopped':
      return 'stopped';
    case 'Disabled':
      return 'disabled';
    case 'Pending':
    case 'Starting':
    case 'Stopping':
    case 'Resetting':
    case 'Upgrading':
      return 'transitional';
    case UNKNOWN:
      return UNKNOWN;
    default:
      return outside(s);
  }
}

/** A server state that will change by itself (polled): transitional, or unknown (may settle). */
export function isInstanceChanging(s: InstanceStatus): boolean {
  const p = instancePhase(s);
  return p === 'transitional' || p === UNKNOWN;
}

export type SnapshotPhase = 'accomplished' | 'progressing' | 'failed' | Unknown;

export function snapshotPhase(s: SnapshotStatus): SnapshotPhase {
  switch (s) {
    case 'Accomplished':
      return 'accomplished';
    case 'Progressing':
      return 'progressing';
    case 'Failed':
      return 'failed';
    case UNKNOWN:
      return UNKNOWN;
    default:
      return outside(s);
  }
}

/** Progressing, or unknown (may settle): polled, and not usable for an image yet. */
export function isSnapshotChanging(s: SnapshotStatus): boolean {
  const p = snapshotPhase(s);
  return p === 'progressing' || p === UNKNOWN;
}

export type ImagePhase = 'copying' | 'available' | 'unavailable' | 'failed' | 'creating' | Unknown;

export function imagePhase(s: CustomImageStatus): ImagePhase {
  switch (s) {
    case '0':
      return 'copying';
    case '1':
      return 'available';
    case '2':
      return 'unavailable';
    case '3':
      return 'failed';
    case '4':
      return 'creating';
    case UNKNOWN:
      return UNKNOWN;
    default:
      return outside(s);
  }
}

/** Creating or copying, or unknown (may settle): polled. */
export function isImageChanging(s: CustomImageStatus): boolean {
  const p = imagePhase(s);
  return p === 'creating' || p === 'copying' || p === UNKNOWN;
}
