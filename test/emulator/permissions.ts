// RAM permissions of the emulator's keys (swas-api-2.md A7/A8, issue 10 §3 "accounts with
// permissions"). Evidence: ListRegions needs no RAM authorization (A8, confirmed); a call the key
// may not make is answered `403 Forbidden.RAM` (A7: the code exists, confirmed; which operation
// returns it rather than `NoPermission`: guess). A key with no `permissions` has full access.
// Read-only = the List*/Describe*/Get*/Query* operations (what AliyunSWASReadOnlyAccess grants).
import { ApiError } from './apiError';
import type { CredentialRecord } from './types';

/** Operations every key may call (no RAM authorization). */
const UNAUTHORIZED_OK = new Set(['ListRegions']);

function isReadOnlyAction(action: string): boolean {
  return /^(List|Describe|Get|Query)/.test(action);
}

export function forbiddenRam(): ApiError {
  return new ApiError(403, 'Forbidden.RAM', "User not authorized to operate on the specified resource, or this API doesn't support RAM.");
}

/** Throws Forbidden.RAM when the key may not call `action`. */
export function checkPermission(cred: Pick<CredentialRecord, 'permissions'>, action: string): void {
  if (UNAUTHORIZED_OK.has(action)) return;
  switch (cred.permissions ?? 'full') {
    case 'full':
      return;
    case 'readOnly':
      if (isReadOnlyAction(action)) return;
      throw forbiddenRam();
    case 'none':
      throw forbiddenRam();
  }
}
