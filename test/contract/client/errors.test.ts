// Gateway and API errors through the real client: stable codes, RequestId, HTTP status, and no
// URL, AccessKey ID, SecurityToken or signature in any message or log line.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, recordingLogger, startHarness } from './harness';
import type { Harness } from './harness';
import type { SwasError } from '../../../src/core/errors';
import type { Credentials } from '../../../src/core/model';
import { verifyCredentials } from '../../../src/core/verifyCredentials';
import { createPopTransport } from '../../../src/core/popTransport';
import {
  DISABLED_ACCESS_KEY_ID,
  DISABLED_ACCESS_KEY_SECRET,
  STS_ACCESS_KEY_ID,
  STS_ACCESS_KEY_SECRET,
  STS_TOKEN_EXPIRED,
  STS_TOKEN_VALID,
} from '../../emulator/seeds/credentials';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.stop());
beforeEach(() => h.clearRequests());

const SECRET_BITS = ['http://', '127.0.0.1', 'Signature=', 'AccessKeyId=', STS_TOKEN_VALID, STS_TOKEN_EXPIRED];

function assertClean(e: SwasError, extra: string[] = []): void {
  for (const bit of [...SECRET_BITS, ...extra]) assert.ok(!e.message.includes(bit), `"${bit}" in "${e.message}"`);
}

const as = (c: Credentials): ReturnType<Harness['client']> => h.client({ credentials: { getCredentials: () => Promise.resolve(c) } });

test('a wrong secret gives SignatureDoesNotMatch (400) with a RequestId and a clean message', async () => {
  const e = await failure(as({ accessKeyId: h.creds.accessKeyId, accessKeySecret: 'wrong' }).listRegions('en-US'));
  assert.equal(e.code, 'SignatureDoesNotMatch');
  assert.equal(e.httpStatus, 400);
  assert.match(e.requestId ?? '', /^[0-9A-F-]{20,}$/);
  assert.equal(e.retryable, false);
  assertClean(e, [h.creds.accessKeyId]);
  assert.equal((await h.requests()).length, 1, 'not retried');
});

test('an unknown AccessKey ID gives InvalidAccessKeyId.NotFound', async () => {
  const e = await failure(as({ accessKeyId: 'EMULnobody00000000000001', accessKeySecret: 'x' }).listInstances('cn-hangzhou'));
  assert.equal(e.code, 'InvalidAccessKeyId.NotFound');
  assertClean(e, ['EMULnobody00000000000001']);
});

test('a disabled key gives InvalidAccessKeyId.Inactive', async () => {
  const e = await failure(as({ accessKeyId: DISABLED_ACCESS_KEY_ID, accessKeySecret: DISABLED_ACCESS_KEY_SECRET }).listRegions('en-US'));
  assert.equal(e.code, 'InvalidAccessKeyId.Inactive');
  assertClean(e, [DISABLED_ACCESS_KEY_ID]);
});

test('an STS key works with its token and fails with InvalidSecurityToken.Expired when the token expired', async () => {
  const ok = await as({
    accessKeyId: STS_ACCESS_KEY_ID,
    accessKeySecret: STS_ACCESS_KEY_SECRET,
    securityToken: STS_TOKEN_VALID,
  }).listInstances('cn-hangzhou');
  assert.ok(ok.items.length > 0);
  const e = await failure(
    as({ accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_TOKEN_EXPIRED }).listInstances(
      'cn-hangzhou',
    ),
  );
  assert.equal(e.code, 'InvalidSecurityToken.Expired');
  assertClean(e, [STS_ACCESS_KEY_ID]);
});

test('no credentials: Credentials.Missing and nothing is sent', async () => {
  const api = h.client({ credentials: { getCredentials: () => Promise.resolve(undefined) } });
  const e = await failure(api.listRegions('en-US'));
  assert.equal(e.code, 'Credentials.Missing');
  assert.equal((await h.requests()).length, 0);
});

test('API errors keep their codes and statuses: unknown region, unknown server, illegal image name', async () => {
  const api = h.client();
  const region = await failure(api.listSnapshots('xx-nowhere-1'));
  assert.equal(region.code, 'InvalidRegionId.NotFound');
  assert.equal(region.httpStatus, 404);
  const server = await failure(
    api.createCustomImage({
      regionId: 'cn-hangzhou',
      instanceId: 'f'.repeat(32),
      imageName: 'img-1',
      systemSnapshotId: 's-nope',
      clientToken: 'tok-err-1',
    }),
  );
  assert.equal(server.code, 'InvalidInstanceId.NotFound');
  assert.equal(server.httpStatus, 404);
  assert.equal(server.action, 'CreateCustomImage');
  const hz = await api.listInstances('cn-hangzhou');
  const instanceId = hz.items[0]?.instanceId ?? '';
  const name = await failure(
    api.createCustomImage({
      regionId: 'cn-hangzhou',
      instanceId,
      imageName: '-bad name-',
      systemSnapshotId: 's-nope',
      clientToken: 'tok-err-2',
    }),
  );
  assert.equal(name.code, 'InvalidParam.IllegalImageName');
  assert.equal(name.retryable, false);
  for (const e of [region, server, name]) assertClean(e, [h.creds.accessKeyId]);
});

test('reusing a ClientToken with other parameters gives IdempotentParameterMismatch', async () => {
  const api = h.client();
  const data = await api.listInstances('cn-shanghai');
  const server = data.items[0];
  assert.ok(server);
  const snaps = await api.listSnapshots('cn-shanghai');
  const system = snaps.items.find(
    (s) => s.instanceId === server.instanceId && s.sourceDiskType === 'System' && s.status === 'Accomplished',
  );
  const base = {
    regionId: 'cn-shanghai',
    instanceId: server.instanceId,
    systemSnapshotId: system?.snapshotId ?? 's-none',
    clientToken: 'tok-idem-err',
  };
  await api.createCustomImage({ ...base, imageName: 'idem-a' }).catch(() => undefined);
  const e = await failure(api.createCustomImage({ ...base, imageName: 'idem-b' }));
  assert.equal(e.code, 'IdempotentParameterMismatch');
  assert.equal(e.retryable, false);
});

test('log lines carry action, region, status, RequestId and time, and never a secret', async () => {
  const logger = recordingLogger();
  const api = h.client({ logger, credentials: { getCredentials: () => Promise.resolve({ ...h.creds, securityToken: undefined }) } });
  await api.listInstances('cn-hangzhou');
  await failure(as({ accessKeyId: h.creds.accessKeyId, accessKeySecret: 'wrong' }).listRegions('en-US'));
  await failure(api.listSnapshots('xx-nowhere-1'));
  assert.equal(logger.calls.length, 2);
  const [ok, bad] = logger.calls;
  assert.equal(ok?.action, 'ListInstances');
  assert.equal(ok?.regionId, 'cn-hangzhou');
  assert.equal(ok?.status, 200);
  assert.ok(ok?.requestId);
  assert.ok(typeof ok?.ms === 'number');
  assert.equal(bad?.status, 404);
  assert.equal(bad?.code, 'InvalidRegionId.NotFound');
  const text = JSON.stringify(logger.calls) + logger.lines.join('\n');
  for (const bit of [h.creds.accessKeyId, h.creds.accessKeySecret, 'Signature']) assert.ok(!text.includes(bit), bit);
});

test('verifyCredentials resolves for good keys and throws the gateway code for bad ones', async () => {
  await verifyCredentials(h.creds, h.em.endpoint, 3000);
  const e = await failure(
    verifyCredentials({ accessKeyId: DISABLED_ACCESS_KEY_ID, accessKeySecret: DISABLED_ACCESS_KEY_SECRET }, h.em.endpoint, 3000),
  );
  assert.equal(e.code, 'InvalidAccessKeyId.Inactive');
  const wrong = await failure(verifyCredentials({ ...h.creds, accessKeySecret: 'nope' }, h.em.endpoint, 3000));
  assert.equal(wrong.code, 'SignatureDoesNotMatch');
  // A good key also passes the permission check (ListInstances); bad ones stop at ListRegions.
  assert.deepStrictEqual(
    (await h.requests()).map((r) => r.action),
    ['ListRegions', 'ListInstances', 'ListRegions', 'ListRegions'],
  );
});

test('clock skew over 15 minutes gives InvalidTimeStamp.Expired (kept as the API code, not retryable)', async () => {
  // pop-core lets caller params override its own Timestamp: a skewed client clock, without faking Date.
  const transport = createPopTransport({ credentials: { getCredentials: () => Promise.resolve(h.creds) }, timeoutMs: 3000 });
  const skewed = new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const e = await failure(transport.call({ endpoint: h.em.endpoint, action: 'ListRegions', params: { Timestamp: skewed } }));
  assert.equal(e.code, 'InvalidTimeStamp.Expired');
  assert.equal(e.httpStatus, 400);
  assert.equal(e.retryable, false);
  assertClean(e, [h.creds.accessKeyId]);
});

test('a credentials provider that throws still yields a SwasError, and nothing is sent', async () => {
  const api = h.client({ credentials: { getCredentials: () => Promise.reject(new Error('secret store unavailable')) } });
  const e = await failure(api.listInstances('cn-hangzhou'));
  assert.equal(e.code, 'Credentials.Unavailable');
  assert.equal(e.retryable, false);
  assert.equal((await h.requests()).length, 0);
});

test('an endpoint template that is not a URL gives Config.InvalidEndpoint', async () => {
  const e = await failure(h.client({ endpointTemplate: 'swas.example' }).listInstances('cn-hangzhou'));
  assert.equal(e.code, 'Config.InvalidEndpoint');
});
