// Typed errors thrown by the SWAS client. Messages never contain a URL, AccessKey ID,
// SecurityToken or signature (pop-core puts the signed URL into its messages: the client
// scrubs at its boundary). Core returns codes; the UI layer turns them into sentences.

/** Codes for failures that did not come from the API itself. */
export const TRANSPORT_CODES = {
  timeout: 'Transport.Timeout',
  refused: 'Transport.ConnectionRefused',
  reset: 'Transport.ConnectionReset',
  dns: 'Transport.HostNotFound',
  badResponse: 'Transport.BadResponse',
  other: 'Transport.Failed',
} as const;

export type TransportCode = (typeof TRANSPORT_CODES)[keyof typeof TRANSPORT_CODES];

/** Codes for failures raised by the client itself, before or instead of a request. */
export const CLIENT_CODES = {
  /** The credentials provider returned nothing (signed out). */
  noCredentials: 'Credentials.Missing',
  /** The credentials provider itself failed (e.g. the secret store could not be read). */
  credentialsUnavailable: 'Credentials.Unavailable',
  /** The endpoint template does not give an http(s) URL, or the region id is not a region id. */
  invalidEndpoint: 'Config.InvalidEndpoint',
  /** The endpoint host is not Alibaba Cloud's nor loopback, and the user did not confirm it. */
  untrustedEndpoint: 'Config.UntrustedEndpoint',
  /** The caller aborted (AbortSignal) while waiting for the limiter, a backoff or the response. */
  cancelled: 'Client.Cancelled',
  /** A 4xx/5xx HTTP status with a JSON body that has no Code (pop-core would have returned it). */
  httpError: 'Http.Error',
  /**
   * Sign-in: the key signs correctly (ListRegions, which needs no RAM authorization, passed) but
   * a call that needs an `swas-open:` permission was refused (Forbidden.RAM / NoPermission, A8).
   */
  noSwasPermission: 'Credentials.NoSwasPermission',
  /** A parameter holds a lone UTF-16 surrogate: it has no UTF-8 form, so nothing is sent. */
  invalidText: 'Client.InvalidText',
  /** A RunCommand script over the documented 16 KB (Base64) limit: refused before the call. */
  commandTooLong: 'Command.TooLong',
} as const;

export type ClientCode = (typeof CLIENT_CODES)[keyof typeof CLIENT_CODES];

/**
 * API codes the client gives a meaning (and the UI a sentence) of its own: the gateway's
 * credential and signature codes, the SWAS error table (swas-api.md §6, swas-api-2.md A7) and
 * the resource-not-found codes of A4. Any other code is shown with the API's own message.
 */
export const KNOWN_API_CODES = [
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'Forbidden.AccessKeyDisabled',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'SignatureNonceUsed',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey',
  'InvalidTimeStamp.Expired',
  'Forbidden.RAM',
  'NoPermission',
  'Throttling',
  'Throttling.User',
  'Throttling.Api',
  'InternalError',
  'ServiceUnavailable',
  'IdempotentParameterMismatch',
  'InvalidRegionId.NotFound',
  'InvalidInstanceId.NotFound',
  'InvalidDiskId.NotFound',
  'InvalidSnapshotId.NotFound',
  'InvalidImageId.NotFound',
  'CustomImageInShare',
  'CustomImageQuotaLimit',
  'ImageNameAlreadyExist',
  'IncorrectDiskStatus.CreatingSnapshot',
  'IncorrectInstanceStatus',
  'IncorrectStatus',
  'IncorrectInstanceStatus.ResetDisk',
  'InvalidParam.OperationIllegal',
  'InvalidRemark.ValueNotSupported',
  'InvalidRemark.Duplicate',
] as const;

/** A disabled AccessKey (or user): its own advice, never "grant the RAM policy". */
export function isDisabledKeyCode(code: string): boolean {
  return (code.startsWith('InvalidAccessKeyId') || code.startsWith('Forbidden')) && /inactive|disabled/i.test(code);
}

/** The key lacks a RAM permission for the action (Forbidden.RAM, NoPermission and their kin). */
export function isPermissionDeniedCode(code: string): boolean {
  if (isDisabledKeyCode(code)) return false;
  return (
    code === 'Forbidden' ||
    code === 'NoPermission' ||
    code.startsWith('Forbidden.RAM') ||
    code.startsWith('NoPermission.') ||
    code === 'Forbidden.NoPermission'
  );
}

export interface SwasErrorInit {
  code: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
  retryable: boolean;
  action?: string;
  /** Server's hint (x-acs-retry-after, ms) on throttling errors. */
  retryAfterMs?: number;
}

export class SwasError extends Error {
  override readonly name = 'SwasError';
  readonly code: string;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryable: boolean;
  readonly action: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: SwasErrorInit) {
    super(init.message);
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable;
    this.action = init.action;
    this.retryAfterMs = init.retryAfterMs;
  }

  get isTransport(): boolean {
    return this.code.startsWith('Transport.');
  }
}

/**
 * True for a SwasError, also one made by another copy of this module (a test loading the
 * bundled extension next to the transpiled sources, two bundles): `instanceof` alone would then
 * turn a CustomImageQuotaLimit into an unknown failure that the form offers to retry.
 */
export function isSwasError(e: unknown): e is SwasError {
  if (e instanceof SwasError) return true;
  const o = e as Partial<SwasError> | null;
  return e instanceof Error && o?.name === 'SwasError' && typeof o.code === 'string' && typeof o.retryable === 'boolean';
}
