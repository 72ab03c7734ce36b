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
};

export function errorPlacement(code: string): ErrorPlacement {
  return PLACEMENT[code] ?? 'banner';
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
