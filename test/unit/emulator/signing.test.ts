// Pure signing helpers of the emulator: percent-encoding, V1 and ACS3 canonical forms.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { acs3CanonicalRequest, acs3Sign, EMPTY_SHA256, parseAcs3Authorization } from '../../emulator/signing/acs3';
import { parseFormPairs, percentEncode } from '../../emulator/signing/percentEncode';
import { v1CanonicalQuery, v1Sign, v1StringToSign } from '../../emulator/signing/v1';
import { checkTimestamp, NonceCache } from '../../emulator/gateway';

describe('percentEncode', () => {
  test('keeps only unreserved characters literal and encodes space as %20', () => {
    assert.equal(percentEncode("a b*c!d'e(f)g~h-_."), 'a%20b%2Ac%21d%27e%28f%29g~h-_.');
    assert.equal(percentEncode('中'), '%E4%B8%AD');
    assert.equal(percentEncode('/+='), '%2F%2B%3D');
  });

  test('parseFormPairs decodes + as space and throws on bad escapes', () => {
    assert.deepEqual(parseFormPairs('a=1+2&b=%20x&c'), [
      ['a', '1 2'],
      ['b', ' x'],
      ['c', ''],
    ]);
    assert.throws(() => parseFormPairs('a=%E0%A4%A'), URIError);
  });
});

describe('signature V1', () => {
  test('reproduces the documented example signature', () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    assert.equal(v1Sign('GET', params, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  test('sorts keys by raw code units and leaves Signature out', () => {
    const q = v1CanonicalQuery({ 'Tag.2.Key': 'b', 'Tag.10.Key': 'a', 'Tag.1.Key': 'c', Signature: 'zzz' });
    assert.equal(q, 'Tag.1.Key=c&Tag.10.Key=a&Tag.2.Key=b');
  });

  test('signs with the real method, so GET and POST differ', () => {
    const p = { A: '1' };
    assert.equal(v1StringToSign('post', p), 'POST&%2F&A%3D1');
    assert.notEqual(v1Sign('GET', p, 's'), v1Sign('POST', p, 's'));
  });
});

describe('signature ACS3', () => {
  const input = {
    method: 'POST',
    path: '/',
    query: [
      ['RegionId', 'cn-hangzhou'],
      ['Description', "a *()!~'"],
    ] as [string, string][],
    headers: {
      host: '127.0.0.1:1',
      'x-acs-action': 'ListRegions',
      'x-acs-date': '2026-01-01T00:00:00Z',
      'x-acs-content-sha256': EMPTY_SHA256,
    },
    signedHeaders: ['x-acs-date', 'host', 'x-acs-action', 'x-acs-content-sha256'],
    hashedPayload: EMPTY_SHA256,
  };

  test('builds the canonical request with sorted query, sorted headers and the payload hash', () => {
    assert.equal(
      acs3CanonicalRequest(input),
      [
        'POST',
        '/',
        'Description=a%20%2A%28%29%21~%27&RegionId=cn-hangzhou',
        'host:127.0.0.1:1\nx-acs-action:ListRegions\nx-acs-content-sha256:' + EMPTY_SHA256 + '\nx-acs-date:2026-01-01T00:00:00Z\n',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
  });

  test('signs with the bare secret and hex output', () => {
    assert.match(acs3Sign(input, 'secret'), /^[0-9a-f]{64}$/);
    assert.notEqual(acs3Sign(input, 'secret'), acs3Sign(input, 'secret&'));
  });

  test('parses the Authorization header and refuses malformed ones', () => {
    assert.deepEqual(parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;x-acs-date,Signature=abc'), {
      accessKeyId: 'AK',
      signedHeaders: ['host', 'x-acs-date'],
      signature: 'abc',
    });
    assert.equal(parseAcs3Authorization('ACS3-HMAC-SHA256 Credential=AK'), undefined);
    assert.equal(parseAcs3Authorization('Bearer x'), undefined);
  });
});

describe('timestamp and nonce checks', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  test('accepts up to 15 minutes of skew in both directions', () => {
    checkTimestamp('2026-06-01T11:45:00Z', now);
    checkTimestamp('2026-06-01T12:15:00Z', now);
    assert.throws(() => checkTimestamp('2026-06-01T11:44:59Z', now), { code: 'InvalidTimeStamp.Expired' });
    assert.throws(() => checkTimestamp('2026-06-01 12:00:00', now), { code: 'InvalidTimeStamp.Format' });
    assert.throws(() => checkTimestamp('2026-13-01T12:00:00Z', now), { code: 'InvalidTimeStamp.Format' });
  });

  test('a nonce is accepted once within its window', () => {
    const cache = new NonceCache();
    assert.equal(cache.use('ak\nn1', now), true);
    assert.equal(cache.use('ak\nn1', now + 1000), false);
    assert.equal(cache.use('other\nn1', now), true);
    assert.equal(cache.use('ak\nn1', now + 31 * 60_000), true);
  });
});
