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
  CustomImageQuotaLimit: 'quota',
  // Not about one field: the server's state, or the key's permission (a read-only key creating).
  IncorrectInstanceStatus: 'banner',
  IncorrectStatus: 'banner',
  'Forbidden.RAM': 'banner',
  NoPermission: 'banner',
};

/** Codes of a key without the permission to create (swas-api-2.md A7/A8): banner, no Retry. */
export const PERMISSION_ERROR_CODES = ['Forbidden.RAM', 'NoPermission'] as const;

export function errorPlacement(code: string): ErrorPlacement {
  return Object.hasOwn(PLACEMENT, code) ? (PLACEMENT[code] ?? 'banner') : 'banner';
}

/** A retry (with the same ClientToken) may succeed: server faults, throttling, transport. */
export function isRetryableCode(code: string): boolean {
  return (
    code === 'InternalError' ||
    code === 'ServiceUnavailable' ||
    code.startsWith('Throttling') ||
    code.startsWith('Transport.')
  );
}
