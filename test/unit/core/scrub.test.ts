import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrub } from '../../../src/core/scrub';

const KEY = 'EMULfake0000000000000042';
const TOKEN = 'CAIS-fake-sts-token+/with=chars';
const signedUrl =
  `https://swas.cn-hangzhou.aliyuncs.com/?AccessKeyId=${KEY}&Action=ListInstances&Format=JSON&RegionId=cn-hangzhou` +
  `&SecurityToken=${encodeURIComponent(TOKEN)}&SignatureMethod=HMAC-SHA1&SignatureNonce=0123456789abcdef0123456789abcdef` +
  `&SignatureVersion=1.0&Timestamp=2026-11-26T10%3A00%3A00Z&Version=2020-06-01&Signature=abcDEF%2Bghi%3D`;

function assertClean(out: string): void {
  for (const leak of [KEY, TOKEN, encodeURIComponent(TOKEN), 'abcDEF', 'https://', 'aliyuncs.com', '0123456789abcdef']) {
    assert.ok(!out.includes(leak), `"${leak}" left in: ${out}`);
  }
}

test('removes the signed URL pop-core appends to API error messages', () => {
  const out = scrub(`The specified instance does not exist., URL: ${signedUrl}`, [KEY, TOKEN]);
  assertClean(out);
  assert.equal(out, 'The specified instance does not exist.');
});

test('removes the URL httpx appends to transport errors', () => {
  const out = scrub(`connect ECONNREFUSED 127.0.0.1:9GET ${signedUrl} failed.`);
  assertClean(out);
  assert.match(out, /ECONNREFUSED/);
});

test('removes signing parameters even without a URL around them, without knowing the values', () => {
  const out = scrub(`bad request AccessKeyId=${KEY}&SecurityToken=${TOKEN}&Signature=xyz123 done`);
  assertClean(out);
  assert.ok(!out.includes('xyz123'));
  assert.match(out, /done$/);
});

test('removes a string-to-sign echoed by a SignatureDoesNotMatch message', () => {
  const out = scrub(
    `Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D${KEY}%26Action%3DListRegions`,
    [KEY],
  );
  assertClean(out);
  assert.match(out, /not matched/);
});

test('removes literal secrets anywhere in the text, raw or percent-encoded', () => {
  const out = scrub(`key ${KEY} token ${encodeURIComponent(TOKEN)} and ${TOKEN}`, [KEY, TOKEN]);
  assertClean(out);
});

test('removes ACS3 Authorization header contents', () => {
  const out = scrub(`Authorization: ACS3-HMAC-SHA256 Credential=${KEY},SignedHeaders=host;x-acs-date,Signature=deadbeef`);
  assert.ok(!out.includes(KEY) && !out.includes('deadbeef'), out);
});

test('leaves ordinary messages alone', () => {
  assert.equal(scrub('The image name already exists.'), 'The image name already exists.');
  assert.equal(scrub('ok', ['a']), 'ok');
});
