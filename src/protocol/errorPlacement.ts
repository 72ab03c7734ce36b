// Where each CreateCustomImage error belongs in the form, and whether Retry is offered.
// The nine codes of the API reference, plus transport and gateway codes.
import type { ErrorPlacement } from './createImageMessages';

export const CREATE_IMAGE_ERROR_CODES = [
  'InvalidParam.DataSnapshotIdNotFound',
  'InvalidParam.SystemSnapshotIdNotFound',
  'InvalidParam.IllegalImageName',
  'ImageNameAlreadyExist',
  'CustomImageQuotaLimit',
  'InvalidParam.SystemSnapshotIdNotSupport',
  'InternalError',
  'IncorrectInstanceStatus',
  'InvalidInstanceId.NotFound',
] as const;

const PLACEMENT: Record<string, ErrorPlacement> = {
  'InvalidParam.IllegalImageName': 'imageName',
  ImageNameAlreadyExist: 'imageName',
  'InvalidParam.SystemSnapshotIdNotFound': 'systemSnapshot',
  'InvalidParam.SystemSnapshotIdNotSupport': 'systemSnapshot',
  'InvalidParam.DataSnapshotIdNotFound': 'dataSnapshot',
  'InvalidParam.DataSnapshotIdNotSupport': 'dataSnapshot',
  CustomImageQuotaLimit: 'quota',
  // Not about one field: the server's state, or the key's permission (a read-only key creating).
  IncorrectInstanceStatus: 'banner',
  IncorrectStatus: 'banner',
  'Forbidden.RAM': 'banner',
  NoPermission: 'banner',
};

/**
 * Codes outside the reference that still name a field (their exact names are a guess, so match
 * by prefix). Permission errors (Forbidden.RAM, NoPermission) are not a field's: banner.
 */
const PREFIXES: ReadonlyArray<[string, ErrorPlacement]> = [
  ['InvalidDescription', 'description'],
  ['InvalidResourceGroup', 'resourceGroupId'],
  ['InvalidImageName', 'imageName'],
];

export function errorPlacement(code: string): ErrorPlacement {
  return (Object.hasOwn(PLACEMENT, code) ? PLACEMENT[code] : undefined) ?? PREFIXES.find(([p]) => code.startsWith(p))?.[1] ?? 'banner';
}

/** A permission answer (A7/A8): the key may read but not create. */
export function isPermissionCode(code: string): boolean {
  return code.startsWith('Forbidden') || code === 'NoPermission';
}

/** A retry (with the same ClientToken) may succeed: server faults, throttling, transport. */
export function isRetryableCode(code: string): boolean {
  return code === 'InternalError' || code === 'ServiceUnavailable' || code.startsWith('Throttling') || code.startsWith('Transport.');
}
