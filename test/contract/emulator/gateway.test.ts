// Gateway behaviour through the real pop-core RPCClient (signature V1) and raw HTTP.
// Codes marked GUESS in a test name are the emulator's choice, not confirmed Alibaba behaviour (see the evidence column in test/emulator/README.md).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import {
  DISABLED_ACCESS_KEY_ID,
  DISABLED_ACCESS_KEY_SECRET,
  STS_ACCESS_KEY_ID,
  STS_ACCESS_KEY_SECRET,
  STS_TOKEN_EXPIRED,
  STS_TOKEN_VALID,
} from '../../emulator/seeds/credentials';
import { call, plain, pop, raw, rejects, useEmulator } from './harness';

describe('emulator gateway (pop-core, signature V1)', () => {
  let emu: RunningEmulator;
  useEmulator((started) => {
    emu = started;
  });

  test('accepts a signed GET, a form POST and a lowercase post (query, signed as POST)', async () => {
    const c = pop(emu);
    for (const opts of [{}, { method: 'POST' }, { method: 'post' }]) {
      const r = await call(c, 'ListRegions', {}, opts);
      assert.equal((r.Regions as unknown[]).length, 26);
      assert.match(String(r.RequestId), /^[0-9A-F-]{36}$/);
      assert.ok(!('Code' in r), 'success bodies carry no Code');
    }
  });

  test('rejects a wrong secret with SignatureDoesNotMatch (400)', async () => {
    const body = await rejects(pop(emu, { accessKeySecret: 'wrong-secret' }).request('ListRegions', {}), 'SignatureDoesNotMatch', 400);
    assert.match(String(body.Message), /string to sign/);
  });

  test('rejects an unknown AccessKey with InvalidAccessKeyId.NotFound (404)', async () => {
    await rejects(pop(emu, { accessKeyId: 'EMULnobody00000000000001' }).request('ListRegions', {}), 'InvalidAccessKeyId.NotFound', 404);
  });

  test('rejects a disabled AccessKey with InvalidAccessKeyId.Inactive (400)', async () => {
    const c = pop(emu, { accessKeyId: DISABLED_ACCESS_KEY_ID, accessKeySecret: DISABLED_ACCESS_KEY_SECRET });
    await rejects(c.request('ListRegions', {}), 'InvalidAccessKeyId.Inactive', 400);
  });

  test('rejects a Timestamp more than 15 minutes off with InvalidTimeStamp.Expired', async () => {
    const old = new Date(Date.now() - 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await rejects(pop(emu).request('ListRegions', { Timestamp: old }), 'InvalidTimeStamp.Expired', 400);
    const ahead = new Date(Date.now() + 16 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    await rejects(pop(emu).request('ListRegions', { Timestamp: ahead }), 'InvalidTimeStamp.Expired', 400);
  });

  test('accepts a Timestamp 14 minutes off', async () => {
    const skewed = new Date(Date.now() - 14 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const r = await call(pop(emu), 'ListRegions', { Timestamp: skewed });
    assert.equal((r.Regions as unknown[]).length, 26);
  });

  test('rejects a malformed Timestamp with InvalidTimeStamp.Format', async () => {
    await rejects(pop(emu).request('ListRegions', { Timestamp: '2026/11/26 10:00:00' }), 'InvalidTimeStamp.Format', 400);
    await rejects(pop(emu).request('ListRegions', { Timestamp: '2026-11-26T10:00:00.123Z' }), 'InvalidTimeStamp.Format', 400);
  });

  test('rejects a replayed SignatureNonce with SignatureNonceUsed', async () => {
    const nonce = `nonce-${Date.now()}`;
    await call(pop(emu), 'ListRegions', { SignatureNonce: nonce });
    await rejects(pop(emu).request('ListRegions', { SignatureNonce: nonce }), 'SignatureNonceUsed', 400);
  });

  test('accepts an STS key with its valid SecurityToken', async () => {
    const c = pop(emu, { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_TOKEN_VALID });
    const r = await call(c, 'ListInstances', { RegionId: 'cn-hangzhou' });
    assert.equal(r.TotalCount, 4, 'the STS key sees the demo account');
  });

  test('rejects an expired SecurityToken with InvalidSecurityToken.Expired', async () => {
    const c = pop(emu, { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_TOKEN_EXPIRED });
    await rejects(c.request('ListRegions', {}), 'InvalidSecurityToken.Expired', 400);
  });

  test('rejects a SecurityToken that does not belong to the key with InvalidSecurityToken.MismatchWithAccessKey (documented code; the cases: GUESS)', async () => {
    const c = pop(emu, {
      accessKeyId: STS_ACCESS_KEY_ID,
      accessKeySecret: STS_ACCESS_KEY_SECRET,
      securityToken: 'emulator-sts-token-of-someone-else',
    });
    await rejects(c.request('ListRegions', {}), 'InvalidSecurityToken.MismatchWithAccessKey', 400);
    await rejects(
      pop(emu, { securityToken: STS_TOKEN_VALID }).request('ListRegions', {}),
      'InvalidSecurityToken.MismatchWithAccessKey',
      400,
    );
  });

  test('rejects a malformed SecurityToken with InvalidSecurityToken.Malformed (documented code; the 8–4096 bounds: GUESS)', async () => {
    const c = pop(emu, { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: 'bad token' });
    await rejects(c.request('ListRegions', {}), 'InvalidSecurityToken.Malformed', 400);
  });

  test('rejects an STS key without a SecurityToken with MissingSecurityToken (GUESS code)', async () => {
    const c = pop(emu, { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET });
    await rejects(c.request('ListRegions', {}), 'MissingSecurityToken', 400);
  });

  test('rejects an unknown Action with InvalidApi.NotFound (404)', async () => {
    await rejects(pop(emu).request('DescribeEverything', {}), 'InvalidApi.NotFound', 404);
  });

  test('rejects a wrong Version with InvalidVersion (400, GUESS code)', async () => {
    await rejects(pop(emu).request('ListRegions', { Version: '2017-01-01' }), 'InvalidVersion', 400);
  });

  test('rejects an unsupported signature method with InvalidSignatureMethod', async () => {
    await rejects(pop(emu).request('ListRegions', { SignatureMethod: 'HMAC-MD5' }), 'InvalidSignatureMethod', 400);
  });

  test('answers a request without signature parameters with Missing<Name> errors and a JSON body (names per parameter: GUESS)', async () => {
    const r = await raw(`${emu.endpoint}/?Action=ListRegions&Version=2020-06-01&Format=JSON`);
    assert.equal(r.status, 400);
    const body = JSON.parse(r.text) as Record<string, unknown>;
    assert.equal(body.Code, 'MissingAccessKeyId');
    assert.match(String(r.headers['content-type']), /application\/json/);
    const unsigned = await raw(`${emu.endpoint}/?Action=ListRegions&Version=2020-06-01&AccessKeyId=${emu.accessKeyId}`);
    assert.equal((JSON.parse(unsigned.text) as Record<string, unknown>).Code, 'MissingSignature');
  });

  test('echoes HostId for the region of the call', async () => {
    const body = await rejects(pop(emu).request('ListInstances', { RegionId: 'cn-shanghai', PageSize: 500 }), 'InvalidParameter', 400);
    assert.equal(body.HostId, 'swas.cn-shanghai.aliyuncs.com');
  });

  test('returns plain objects that keep exact field casing', async () => {
    const r = plain<Record<string, unknown>>(await pop(emu).request('ListRegions', { AcceptLanguage: 'en-US' }));
    assert.deepEqual((r.Regions as unknown[])[5], {
      RegionId: 'cn-hangzhou',
      LocalName: 'China (Hangzhou)',
      RegionEndpoint: 'swas.cn-hangzhou.aliyuncs.com',
    });
  });
});
