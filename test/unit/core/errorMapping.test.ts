import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSwasError, httpStatusError, isRetryableApiError } from '../../../src/core/errorMapping';
import { CLIENT_CODES, SwasError, TRANSPORT_CODES } from '../../../src/core/errors';

const KEY = 'EMULfake0000000000000042';
const URL = `http://127.0.0.1:8790/?AccessKeyId=${KEY}&Signature=c2lnbmF0dXJl&SecurityToken=tok-secret-1`;

/** An error shaped exactly like pop-core's API errors (null-prototype data, entry with the status). */
function popApiError(code: string, status: number, message = 'msg'): Error {
  const data = Object.assign(Object.create(null) as object, { RequestId: 'REQ-1', HostId: 'h', Code: code, Message: message });
  const err = new Error(`${message}, URL: ${URL}`);
  err.name = `${code}Error`;
  return Object.assign(err, { data, code, url: URL, entry: { url: URL, request: {}, response: { statusCode: status, headers: {} } } });
}

function errno(code: string, message: string): Error {
  return Object.assign(new Error(`${message}GET ${URL} failed.`), { code });
}

function noLeak(e: SwasError): void {
  for (const s of [KEY, 'c2lnbmF0dXJl', 'tok-secret-1', '127.0.0.1', 'http']) assert.ok(!e.message.includes(s), `${s} in ${e.message}`);
}

test('an API error keeps its code, RequestId and HTTP status, with a clean message', () => {
  const e = toSwasError(popApiError('InvalidInstanceId.NotFound', 404, 'The instance does not exist.'), {
    action: 'ListSnapshots',
    secrets: [KEY],
  });
  assert.equal(e.code, 'InvalidInstanceId.NotFound');
  assert.equal(e.requestId, 'REQ-1');
  assert.equal(e.httpStatus, 404);
  assert.equal(e.retryable, false);
  assert.equal(e.action, 'ListSnapshots');
  assert.equal(e.message, 'The instance does not exist.');
  noLeak(e);
});

test('gateway errors keep their API codes and are not retryable', () => {
  for (const code of [
    'InvalidTimeStamp.Expired',
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId.NotFound',
    'InvalidAccessKeyId.Inactive',
    'InvalidSecurityToken.Expired',
    'Forbidden.RAM',
  ]) {
    const e = toSwasError(popApiError(code, 400));
    assert.equal(e.code, code);
    assert.equal(e.retryable, false, code);
    noLeak(e);
  }
});

test('throttling and 5xx API errors are retryable', () => {
  assert.equal(toSwasError(popApiError('Throttling.User', 400)).retryable, true);
  assert.equal(toSwasError(popApiError('Throttling', 400)).retryable, true);
  assert.equal(toSwasError(popApiError('InternalError', 500)).retryable, true);
  assert.equal(toSwasError(popApiError('ServiceUnavailable', 503)).retryable, true);
  assert.equal(toSwasError(popApiError('SomethingNew', 502)).retryable, true);
  assert.equal(isRetryableApiError('IdempotentParameterMismatch', 400), false);
});

test('refused, reset, DNS and other socket errors get transport codes and are retryable', () => {
  const cases: [Error, string][] = [
    [errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), TRANSPORT_CODES.refused],
    [errno('ECONNRESET', 'socket hang up'), TRANSPORT_CODES.reset],
    [errno('EPIPE', 'write EPIPE'), TRANSPORT_CODES.reset],
    [errno('ENOTFOUND', 'getaddrinfo ENOTFOUND swas.xx.aliyuncs.com'), TRANSPORT_CODES.dns],
    [errno('EAI_AGAIN', 'getaddrinfo EAI_AGAIN'), TRANSPORT_CODES.dns],
    [errno('EPROTO', 'ssl'), TRANSPORT_CODES.other],
  ];
  for (const [err, code] of cases) {
    const e = toSwasError(err);
    assert.equal(e.code, code);
    assert.equal(e.retryable, true);
    assert.equal(e.isTransport, true);
    noLeak(e);
  }
});

test('read and connect timeouts from httpx become Transport.Timeout', () => {
  const read = Object.assign(new Error(`ReadTimeout(1000). GET ${URL} failed.`), { name: 'RequestTimeoutError' });
  const connect = Object.assign(new Error(`ConnectTimeout: Connect ${URL} failed.`), { name: 'RequestTimeoutError' });
  for (const err of [read, connect]) {
    const e = toSwasError(err);
    assert.equal(e.code, TRANSPORT_CODES.timeout);
    assert.equal(e.retryable, true);
    noLeak(e);
  }
});

test('a non-JSON body (json-bigint plain-object SyntaxError) becomes Transport.BadResponse without the body', () => {
  const thrown = { name: 'SyntaxError', message: "Unexpected '<'", at: 1, text: `<html>502 Bad Gateway ${KEY}</html>` };
  const e = toSwasError(thrown);
  assert.equal(e.code, TRANSPORT_CODES.badResponse);
  assert.equal(e.retryable, true);
  assert.ok(!e.message.includes('<html>'));
  noLeak(e);
});

test('a Code-less error status becomes Http.Error, retryable only for 5xx', () => {
  assert.equal(httpStatusError(500, 'R').retryable, true);
  assert.equal(httpStatusError(404, 'R').retryable, false);
  assert.equal(httpStatusError(404, 'R').code, CLIENT_CODES.httpError);
});

test('an unknown throw becomes Transport.Failed with a scrubbed message, and SwasErrors pass through', () => {
  const e = toSwasError(new Error(`weird ${URL}`), { secrets: [KEY] });
  assert.equal(e.code, TRANSPORT_CODES.other);
  assert.equal(e.retryable, false);
  noLeak(e);
  const same = new SwasError({ code: 'X', message: 'm', retryable: false });
  assert.equal(toSwasError(same), same);
  assert.equal(toSwasError(undefined).code, TRANSPORT_CODES.other);
});

test("a throttling error carries the server's x-acs-retry-after hint", () => {
  const e = popApiError('Throttling.User', 400);
  (e as unknown as { entry: { response: { headers: Record<string, string> } } }).entry.response.headers['x-acs-retry-after'] = '1500';
  assert.equal(toSwasError(e).retryAfterMs, 1500);
  assert.equal(toSwasError(popApiError('Throttling.User', 400)).retryAfterMs, undefined);
});
