// Turns anything thrown below the client boundary (pop-core API errors, httpx/Node transport
// errors, json-bigint parse failures, plain throws) into a SwasError with a stable code and a
// scrubbed message. Nothing raw crosses the boundary: no URL, no AccessKey ID, no token, no body.
import { CLIENT_CODES, SwasError, TRANSPORT_CODES, isSwasError } from './errors';
import { scrub } from './scrub';

export interface ErrorContext {
  action?: string;
  /** Literals to remove from messages (AccessKey ID, SecurityToken). */
  secrets?: readonly (string | undefined)[];
}

/** API codes whose retry is safe and useful (besides every 5xx and every transport failure). */
const RETRYABLE_CODES = new Set([
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailable.Busy',
  'LastTokenProcessing',
  'Rejected.Throttling',
  'OperationConflict',
]);

export function isThrottlingCode(code: string): boolean {
  return /throttling/i.test(code);
}

export function isRetryableApiError(code: string, httpStatus: number | undefined): boolean {
  return isThrottlingCode(code) || RETRYABLE_CODES.has(code) || (httpStatus !== undefined && httpStatus >= 500);
}

function prop(o: unknown, key: string): unknown {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return undefined;
  return (o as Record<string, unknown>)[key];
}

function strProp(o: unknown, key: string): string | undefined {
  const v = prop(o, key);
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** HTTP status pop-core saw (only visible on `err.entry.response.statusCode`). */
export function statusOf(err: unknown): number | undefined {
  const status = prop(prop(prop(err, 'entry'), 'response'), 'statusCode');
  return typeof status === 'number' ? status : undefined;
}

/** The x-acs-retry-after response header (ms) of a throttled call, when present. */
export function retryAfterOf(err: unknown): number | undefined {
  const v = prop(prop(prop(prop(err, 'entry'), 'response'), 'headers'), 'x-acs-retry-after');
  const n = typeof v === 'string' || typeof v === 'number' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

const TRANSPORT_BY_ERRNO: Record<string, string> = {
  ECONNREFUSED: TRANSPORT_CODES.refused,
  ECONNRESET: TRANSPORT_CODES.reset,
  EPIPE: TRANSPORT_CODES.reset,
  ECONNABORTED: TRANSPORT_CODES.reset,
  ENOTFOUND: TRANSPORT_CODES.dns,
  EAI_AGAIN: TRANSPORT_CODES.dns,
  ETIMEDOUT: TRANSPORT_CODES.timeout,
  ESOCKETTIMEDOUT: TRANSPORT_CODES.timeout,
  EHOSTUNREACH: TRANSPORT_CODES.refused,
  ENETUNREACH: TRANSPORT_CODES.refused,
};

/** The transport code for a non-API failure, or undefined when it is not a transport failure. */
export function transportCodeOf(err: unknown): string | undefined {
  const name = strProp(err, 'name') ?? '';
  const errno = strProp(err, 'code') ?? '';
  const message = strProp(err, 'message') ?? '';
  if (name === 'RequestTimeoutError' || /timeout/i.test(name)) return TRANSPORT_CODES.timeout;
  if (errno in TRANSPORT_BY_ERRNO) return TRANSPORT_BY_ERRNO[errno];
  // json-bigint throws a plain object {name:'SyntaxError', message, at, text} for non-JSON bodies.
  if (name === 'SyntaxError') return TRANSPORT_CODES.badResponse;
  if (/socket hang up/i.test(message)) return TRANSPORT_CODES.reset;
  // Bodies pop-core cannot take apart: json-bigint overflows its stack on deeply nested JSON, and
  // pop-core reads `.Code` of a `null` body.
  if (name === 'RangeError' && /call stack/i.test(message)) return TRANSPORT_CODES.badResponse;
  if (name === 'TypeError' && /reading 'Code'/.test(message)) return TRANSPORT_CODES.badResponse;
  if (errno.startsWith('E') || errno.startsWith('ERR_')) return TRANSPORT_CODES.other;
  return undefined;
}

const TRANSPORT_MESSAGES: Record<string, string> = {
  [TRANSPORT_CODES.timeout]: 'The request timed out.',
  [TRANSPORT_CODES.refused]: 'The connection was refused.',
  [TRANSPORT_CODES.reset]: 'The connection was reset before a response arrived.',
  [TRANSPORT_CODES.dns]: 'The endpoint host name could not be resolved.',
  [TRANSPORT_CODES.badResponse]: 'The server sent a response that is not JSON.',
  [TRANSPORT_CODES.other]: 'The request failed before a response arrived.',
};

/** Maps any thrown value to a SwasError (returned, not thrown). */
export function toSwasError(err: unknown, ctx: ErrorContext = {}): SwasError {
  if (isSwasError(err)) return err;
  const action = ctx.action;
  const data = prop(err, 'data');
  const apiCode = strProp(data, 'Code');
  if (data && typeof data === 'object' && apiCode) {
    const httpStatus = statusOf(err);
    const requestId = strProp(data, 'RequestId');
    const raw = strProp(data, 'Message') ?? apiCode;
    return new SwasError({
      code: apiCode,
      message: scrub(raw, ctx.secrets) || apiCode,
      requestId,
      httpStatus,
      retryable: isRetryableApiError(apiCode, httpStatus),
      action,
      retryAfterMs: retryAfterOf(err),
    });
  }
  const transport = transportCodeOf(err);
  if (transport) {
    const errno = strProp(err, 'code');
    const detail = errno && errno !== transport ? ` (${errno})` : '';
    return new SwasError({
      code: transport,
      message: `${TRANSPORT_MESSAGES[transport] ?? TRANSPORT_MESSAGES[TRANSPORT_CODES.other]}${detail}`,
      httpStatus: statusOf(err),
      retryable: true,
      action,
    });
  }
  if (prop(err, 'name') === 'AbortError') {
    return new SwasError({ code: CLIENT_CODES.cancelled, message: 'The request was cancelled.', retryable: false, action });
  }
  const message = strProp(err, 'message') ?? (typeof err === 'string' ? err : '');
  return new SwasError({
    code: TRANSPORT_CODES.other,
    message: scrub(message, ctx.secrets) || TRANSPORT_MESSAGES[TRANSPORT_CODES.other] || 'failed',
    httpStatus: statusOf(err),
    retryable: false,
    action,
  });
}

/** A JSON body without Code but with an error HTTP status (pop-core resolves these). */
export function httpStatusError(httpStatus: number, requestId: string | undefined, action?: string): SwasError {
  return new SwasError({
    code: CLIENT_CODES.httpError,
    message: `The server answered HTTP ${httpStatus} without an error code.`,
    requestId,
    httpStatus,
    retryable: httpStatus >= 500 || httpStatus === 429,
    action,
  });
}
