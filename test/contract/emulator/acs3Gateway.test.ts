// ACS3-HMAC-SHA256 gateway checks with hand-built requests (the SDK always signs correctly).
// Codes marked GUESS in a test name are the emulator's choice, not confirmed Alibaba behaviour (see the evidence column in test/emulator/README.md).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import { acs3Sign, sha256Hex } from '../../emulator/signing/acs3';
import { percentEncode } from '../../emulator/signing/percentEncode';
import type { Json } from './harness';
import { raw, useEmulator } from './harness';

interface Signed {
  action?: string;
  version?: string;
  date?: string;
  nonce?: string;
  query?: [string, string][];
  secret?: string;
  body?: string;
  claimedSha?: string;
  drop?: string[];
}

function isoNow(offsetMs = 0): string {
  return new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function send(emu: RunningEmulator, o: Signed = {}): Promise<{ status: number; body: Json }> {
  const host = new URL(emu.endpoint).host;
  const query = o.query ?? [['RegionId', 'cn-hangzhou']];
  const body = o.body ?? '';
  const headers: Record<string, string> = {
    host,
    'x-acs-action': o.action ?? 'ListInstances',
    'x-acs-version': o.version ?? '2020-06-01',
    'x-acs-date': o.date ?? isoNow(),
    'x-acs-signature-nonce': o.nonce ?? randomBytes(32).toString('hex'),
    'x-acs-content-sha256': o.claimedSha ?? sha256Hex(body),
  };
  if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
  for (const d of o.drop ?? []) delete headers[d];
  const signedHeaders = Object.keys(headers).sort();
  const signature = acs3Sign(
    { method: 'POST', path: '/', query, headers, signedHeaders, hashedPayload: headers['x-acs-content-sha256'] ?? '' },
    o.secret ?? emu.accessKeySecret,
  );
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${emu.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
  const qs = query.map(([k, v]) => `${k}=${percentEncode(v)}`).join('&');
  const r = await raw(`${emu.endpoint}/?${qs}`, { method: 'POST', headers, body });
  return { status: r.status, body: JSON.parse(r.text) as Json };
}

describe('emulator gateway (ACS3-HMAC-SHA256)', () => {
  let emu: RunningEmulator;
  useEmulator((started) => {
    emu = started;
  });

  test('accepts a correctly signed request with params in the query', async () => {
    const r = await send(emu);
    assert.equal(r.status, 200);
    assert.equal(r.body.TotalCount, 4);
  });

  test('accepts params in a signed form body', async () => {
    const r = await send(emu, { query: [], body: 'RegionId=cn-shanghai' });
    assert.deepEqual([r.status, r.body.TotalCount], [200, 2]);
  });

  test('rejects a wrong secret with SignatureDoesNotMatch', async () => {
    const r = await send(emu, { secret: 'wrong' });
    assert.deepEqual([r.status, r.body.Code], [400, 'SignatureDoesNotMatch']);
  });

  test('rejects a body that does not match x-acs-content-sha256 (IncompleteSignature here: GUESS)', async () => {
    const r = await send(emu, { query: [], body: 'RegionId=cn-shanghai', claimedSha: sha256Hex('') });
    assert.deepEqual([r.status, r.body.Code], [400, 'IncompleteSignature']);
  });

  test('rejects missing signing headers and a malformed Authorization with IncompleteSignature (which defects: GUESS)', async () => {
    const r = await send(emu, { drop: ['x-acs-date'] });
    assert.deepEqual([r.status, r.body.Code], [400, 'IncompleteSignature']);
    const bad = await raw(`${emu.endpoint}/`, { method: 'POST', headers: { authorization: 'ACS3-HMAC-SHA256 nonsense' } });
    assert.equal((JSON.parse(bad.text) as Json).Code, 'IncompleteSignature');
  });

  test('rejects an x-acs-date more than 15 minutes off and a malformed one', async () => {
    assert.equal((await send(emu, { date: isoNow(-20 * 60_000) })).body.Code, 'InvalidTimeStamp.Expired');
    assert.equal((await send(emu, { date: 'yesterday' })).body.Code, 'InvalidTimeStamp.Format');
  });

  test('rejects a replayed x-acs-signature-nonce with SignatureNonceUsed', async () => {
    const nonce = randomBytes(32).toString('hex');
    assert.equal((await send(emu, { nonce })).status, 200);
    assert.equal((await send(emu, { nonce })).body.Code, 'SignatureNonceUsed');
  });

  test('rejects a wrong x-acs-version (InvalidVersion, GUESS), an unknown x-acs-action and a missing one', async () => {
    assert.equal((await send(emu, { version: '2017-01-01' })).body.Code, 'InvalidVersion');
    const unknown = await send(emu, { action: 'NoSuchThing' });
    assert.deepEqual([unknown.status, unknown.body.Code], [404, 'InvalidApi.NotFound']);
    assert.equal((await send(emu, { drop: ['x-acs-action'] })).body.Code, 'MissingAction');
  });
});
