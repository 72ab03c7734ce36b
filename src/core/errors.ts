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

export interface SwasErrorInit {
  code: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
  retryable: boolean;
  action?: string;
}

export class SwasError extends Error {
  override readonly name = 'SwasError';
  readonly code: string;
  readonly requestId: string | undefined;
  readonly httpStatus: number | undefined;
  readonly retryable: boolean;
  readonly action: string | undefined;

  constructor(init: SwasErrorInit) {
    super(init.message);
    this.code = init.code;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable;
    this.action = init.action;
  }

  get isTransport(): boolean {
    return this.code.startsWith('Transport.');
  }
}

export function isSwasError(e: unknown): e is SwasError {
  return e instanceof SwasError;
}
