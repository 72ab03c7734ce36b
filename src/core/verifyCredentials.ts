// Checks credentials before they are saved, with two cheap calls. No retries (a wrong key must
// fail fast), no cache, no shared limiter. Throws SwasError:
// 1. ListRegions checks the signature: wrong key, disabled key, expired token, clock skew
//    (InvalidTimeStamp.Expired) and no network each keep their code. ListRegions needs no RAM
//    authorization (swas-api-2.md A8, confirmed), so a key without any SWAS permission passes it.
// 2. ListInstances (PageSize 1) in a region of that answer needs an `swas-open:` permission: a
//    permission refusal (Forbidden.RAM / NoPermission, 403) becomes Credentials.NoSwasPermission,
//    whose sentence names the policies to grant; the caller saves nothing. A read-only key passes.
//    A failure of this second call that says nothing about the key (throttling, a server or
//    network fault, an odd region) does not refuse a key that has just signed correctly: it is
//    logged. Only a permission refusal or a credential code refuses.
import { HOME_REGION } from './endpoint';
import { CLIENT_CODES, SwasError, isPermissionDeniedCode, isSwasError } from './errors';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { Credentials } from './model';
import { createSwasClient } from './swasClient';

/** Codes about the key itself (they would have failed ListRegions too, but may come late). */
function isKeyCode(code: string): boolean {
  return (
    code.startsWith('InvalidAccessKeyId') ||
    code.startsWith('InvalidSecurityToken') ||
    code.startsWith('Signature') ||
    code === 'IncompleteSignature' ||
    code.startsWith('Credentials.')
  );
}

export async function verifyCredentials(
  creds: Credentials,
  endpointTemplate: string,
  timeoutMs: number,
  logger: Logger = silentLogger,
): Promise<void> {
  const client = createSwasClient({
    endpointTemplate,
    credentials: { getCredentials: () => Promise.resolve(creds) },
    timeoutMs,
    logger,
    limiter: { rules: {} },
    retry: { maxAttempts: 1 },
    cache: { ttlMs: 0, ttlByAction: {} },
  });
  const regions = await client.listRegions('en-US');
  const regionId = regions.find((r) => r.regionId !== '')?.regionId ?? HOME_REGION;
  try {
    await client.listInstances(regionId, { pageNumber: 1, pageSize: 1 });
  } catch (e) {
    if (isSwasError(e) && isPermissionDeniedCode(e.code)) {
      throw new SwasError({
        code: CLIENT_CODES.noSwasPermission,
        message: `The AccessKey has no Simple Application Server permission (${e.code} on ListInstances).`,
        requestId: e.requestId,
        httpStatus: e.httpStatus,
        retryable: false,
        action: 'ListInstances',
      });
    }
    const code = isSwasError(e) ? e.code : 'unknown';
    if (isKeyCode(code)) throw e;
    logger.warn(
      `Sign-in check: the permission check (ListInstances in ${regionId}) failed with ${code}; the signature check passed, so the key is accepted.`,
    );
  }
}
