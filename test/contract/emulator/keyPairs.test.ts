// The emulator's SSH key pairs (issue 12): ImportKeyPair, CreateKeyPair, ListKeyPairs, AttachKeyPair,
// DetachKeyPair, DeleteKeyPairs through pop-core and the official SDK (which sends lists as
// `InstanceIds.1`, …), every rule and code, and what an attached pair does to the server: the
// real OpenSSH client logs in as root with it, and no longer with the pair it replaced.
// Codes marked GUESS in test/emulator/README.md are named so here.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type RPCClient from '@alicloud/pop-core';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import SwasClient from '@alicloud/swas-open20200601';
import { utils } from 'ssh2';
import * as $Swas from '@alicloud/swas-open20200601';
import type { RunningEmulator } from '../../emulator/index';
import { makeKey, ssh } from '../../fixtures/openssh';
import type { TestKey } from '../../fixtures/openssh';
import { admin, call, demoIds, pop, rejects, start } from './harness';
import type { Json } from './harness';

let emu: RunningEmulator;
let client: RPCClient;
let keyA: TestKey;
let keyB: TestKey;
let web: string;
let db: string;
const R = { RegionId: 'cn-hangzhou' };

before(async () => {
  emu = await start({ ssh: true });
  client = pop(emu);
  keyA = makeKey();
  keyB = makeKey();
});
after(async () => {
  await emu.stop();
  keyA.dispose();
  keyB.dispose();
});
beforeEach(async () => {
  rmSync(keyA.knownHosts, { force: true });
  rmSync(keyB.knownHosts, { force: true });
  await admin(emu, 'POST', '/reset');
  const ids = await demoIds(client);
  web = String(ids.web.InstanceId);
  db = String(ids.db.InstanceId);
});

async function pairs(): Promise<Json[]> {
  return (await call(client, 'ListKeyPairs', { ...R, PageSize: 50 })).KeyPairs as Json[];
}

async function target(instanceId: string): Promise<{ ip: string; port: number }> {
  const m = ((await admin(emu, 'GET', '/machines')).machines as Json[]).find((x) => x.instanceId === instanceId);
  assert.ok(m && typeof m.sshPort === 'number');
  return { ip: String(m.publicIp), port: m.sshPort };
}

test('ImportKeyPair then ListKeyPairs: name, public key, creation time to the minute, no servers', async () => {
  const res = await call(client, 'ImportKeyPair', { ...R, KeyPairName: 'laptop_ed25519', PublicKeyBody: `${keyA.publicKey}` });
  assert.equal(res.KeyPairName, 'laptop_ed25519');
  const [p] = await pairs();
  assert.equal(p?.KeyPairName, 'laptop_ed25519');
  assert.equal(p?.PublicKey, keyA.publicKey.split(' ').slice(0, 2).join(' '));
  assert.match(String(p?.CreationTime), /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
  assert.deepEqual(p?.InstanceIds, []);
  assert.equal((await call(client, 'ListKeyPairs', { ...R, KeyPairName: 'other' })).TotalCount, 0);
});

test('names and public keys are validated (InvalidKeyPairName.Malformed, InvalidPublicKeyBody.Malformed: GUESS codes)', async () => {
  for (const name of ['a', '1key', 'has space', 'x'.repeat(65), 'http://x']) {
    await rejects(
      call(client, 'ImportKeyPair', { ...R, KeyPairName: name, PublicKeyBody: keyA.publicKey }),
      'InvalidKeyPairName.Malformed',
      400,
    );
  }
  for (const body of ['not a key', 'ssh-rsa AAAA', `ssh-rsa ${keyA.publicKey.split(' ')[1] ?? ''}`]) {
    await rejects(call(client, 'ImportKeyPair', { ...R, KeyPairName: 'k1', PublicKeyBody: body }), 'InvalidPublicKeyBody.Malformed', 400);
  }
  await rejects(call(client, 'ImportKeyPair', { ...R, KeyPairName: 'k1' }), 'MissingParameter', 400);
  assert.equal((await pairs()).length, 0, 'nothing was imported');
});

test('a name is taken once (KeyPair.AlreadyExist: GUESS); at most 10 pairs a region (documented; QuotaExceed.KeyPair: GUESS)', async () => {
  await call(client, 'ImportKeyPair', { ...R, KeyPairName: 'k0', PublicKeyBody: keyA.publicKey });
  await rejects(call(client, 'ImportKeyPair', { ...R, KeyPairName: 'k0', PublicKeyBody: keyB.publicKey }), 'KeyPair.AlreadyExist', 400);
  for (let i = 1; i < 10; i++)
    await call(client, 'ImportKeyPair', { ...R, KeyPairName: `k${i}`, PublicKeyBody: utils.generateKeyPairSync('ed25519').public });
  await rejects(call(client, 'ImportKeyPair', { ...R, KeyPairName: 'k10', PublicKeyBody: keyB.publicKey }), 'QuotaExceed.KeyPair', 400);
  assert.equal((await call(client, 'ListKeyPairs', { ...R, RegionId: 'cn-shanghai' })).TotalCount, 0, 'per region');
  assert.equal(
    (await call(client, 'ImportKeyPair', { RegionId: 'cn-shanghai', KeyPairName: 'k10', PublicKeyBody: keyB.publicKey })).KeyPairName,
    'k10',
  );
});

test('CreateKeyPair answers an RSA 2048 private key (PKCS#8 PEM) once; the list shows its ssh-rsa public key', async () => {
  const res = await call(client, 'CreateKeyPair', { ...R, KeyPairName: 'made' });
  assert.match(String(res.PrivateKeyBody), /^-----BEGIN PRIVATE KEY-----\n/);
  const [p] = await pairs();
  assert.match(String(p?.PublicKey), /^ssh-rsa AAAAB3NzaC1yc2E/);
});

test('the rsa-only-key-pairs variant refuses an ed25519 key and still takes an RSA one', async () => {
  await admin(emu, 'PUT', '/variants', { variants: ['rsa-only-key-pairs'] });
  try {
    const body = await rejects(
      call(client, 'ImportKeyPair', { ...R, KeyPairName: 'ed', PublicKeyBody: keyA.publicKey }),
      'InvalidPublicKeyBody.Malformed',
      400,
    );
    assert.match(String(body.Message), /ssh-ed25519/);
    await call(client, 'CreateKeyPair', { ...R, KeyPairName: 'rsa' });
  } finally {
    await admin(emu, 'DELETE', '/variants');
  }
});

test('AttachKeyPair binds; a second pair overwrites the first on that server (documented); per-server results', async () => {
  await call(client, 'ImportKeyPair', { ...R, KeyPairName: 'ka', PublicKeyBody: keyA.publicKey });
  await call(client, 'ImportKeyPair', { ...R, KeyPairName: 'kb', PublicKeyBody: keyB.publicKey });
  const res = await call(client, 'AttachKeyPair', { ...R, KeyPairName: 'ka', InstanceIds: JSON.stringify([web, db]) });
  assert.deepEqual([res.TotalCount, res.FailCount], [2, 0]);
  assert.deepEqual(
    (res.Results as Json[]).map((r) => [r.InstanceId, r.Success]),
    [
      [web, 'true'],
      [db, 'true'],
    ],
  );
  await call(client, 'AttachKeyPair', { ...R, KeyPairName: 'kb', 'InstanceIds.1': web });
  const byName = Object.fromEntries((await pairs()).map((p) => [p.KeyPairName, p.InstanceIds]));
  assert.deepEqual(byName, { ka: [db], kb: [web] });
  const file = await admin(emu, 'GET', `/machines/${web}/file?path=/root/.ssh/authorized_keys`);
  assert.equal(file.content, `${keyB.publicKey.split(' ').slice(0, 2).join(' ')} swas-key-pair:kb\n`, 'one marked line, the new pair');
});

test('AttachKeyPair: unknown pair InvalidKeyPairName.NotFound 404; unknown server a failed result (GUESS); > 50 servers refused', async () => {
  await rejects(
    call(client, 'AttachKeyPair', { ...R, KeyPairName: 'nope', InstanceIds: JSON.stringify([web]) }),
    'InvalidKeyPairName.NotFound',
    404,
  );
  await call(client, 'ImportKeyPair', { ...R, KeyPairName: 'ka', PublicKeyBody: keyA.publicKey });
  await rejects(call(client, 'AttachKeyPair', { ...R, KeyPairName: 'ka' }), 'MissingParameter', 400);
  const ids = Array.from({ length: 51 }, (_, i) => `s-${i}`);
  await rejects(call(client, 'AttachKeyPair', { ...R, KeyPairName: 'ka', InstanceIds: JSON.stringify(ids) }), 'InvalidParameter', 400);
  const res = await call(client, 'AttachKeyPair', { ...R, KeyPairName: 'ka', InstanceIds: JSON.stringify([web, 's-missing']) });
  assert.equal(res.FailCount, 1);
  assert.deepEqual(
    (res.Results as Json[]).map((r) => [r.Success, r.Code]),
    [
      ['true', '200'],
      ['false', 'InvalidInstanceId.NotFound'],
    ],
  );
});

test('DeleteKeyPairs: only once detached (KeyPair.InUse: GUESS); DetachKeyPair removes the line from the server', async () => {
  await call(client, 'ImportKeyPair', { ...R, KeyPairName: 'ka', PublicKeyBody: keyA.publicKey });
  await call(client, 'AttachKeyPair', { ...R, KeyPairName: 'ka', InstanceIds: JSON.stringify([web]) });
  await rejects(call(client, 'DeleteKeyPairs', { ...R, 'KeyPairNames.1': 'ka' }), 'KeyPair.InUse', 400);
  const d = await call(client, 'DetachKeyPair', { ...R, KeyPairName: 'ka', InstanceIds: JSON.stringify([web]) });
  assert.equal(d.FailCount, 0);
  assert.equal((await admin(emu, 'GET', `/machines/${web}/file?path=/root/.ssh/authorized_keys`)).content, '');
  await call(client, 'DeleteKeyPairs', { ...R, KeyPairNames: JSON.stringify(['ka']) });
  assert.equal((await pairs()).length, 0);
  await rejects(call(client, 'DeleteKeyPairs', { ...R, KeyPairNames: JSON.stringify(['ka']) }), 'InvalidKeyPairName.NotFound', 404);
});

test('the official SDK: import, attach (InstanceIds.N), list, detach, delete, create', async () => {
  // Generous timeouts: CreateKeyPair makes an RSA key synchronously in this same process.
  const s = new SwasClient(
    new $OpenApiUtil.Config({
      accessKeyId: emu.accessKeyId,
      accessKeySecret: emu.accessKeySecret,
      endpoint: new URL(emu.endpoint).host,
      protocol: 'http',
      regionId: 'cn-hangzhou',
      connectTimeout: 60_000,
      readTimeout: 60_000,
    }),
  );
  const imp = await s.importKeyPair(
    new $Swas.ImportKeyPairRequest({ regionId: 'cn-hangzhou', keyPairName: 'sdk-key', publicKeyBody: keyA.publicKey }),
  );
  assert.equal(imp.body?.keyPairName, 'sdk-key');
  const att = await s.attachKeyPair(
    new $Swas.AttachKeyPairRequest({ regionId: 'cn-hangzhou', keyPairName: 'sdk-key', instanceIds: [web, db] }),
  );
  assert.deepEqual([att.body?.totalCount, att.body?.failCount, att.body?.results?.map((r) => r.success)], [2, 0, ['true', 'true']]);
  const list = await s.listKeyPairs(new $Swas.ListKeyPairsRequest({ regionId: 'cn-hangzhou' }));
  assert.deepEqual(
    list.body?.keyPairs?.map((k) => [k.keyPairName, k.instanceIds]),
    [['sdk-key', [web, db]]],
  );
  const det = await s.detachKeyPair(
    new $Swas.DetachKeyPairRequest({ regionId: 'cn-hangzhou', keyPairName: 'sdk-key', instanceIds: [web, db] }),
  );
  assert.equal(det.body?.failCount, 0);
  await s.deleteKeyPairs(new $Swas.DeleteKeyPairsRequest({ regionId: 'cn-hangzhou', keyPairNames: ['sdk-key'] }));
  const made = await s.createKeyPair(new $Swas.CreateKeyPairRequest({ regionId: 'cn-hangzhou', keyPairName: 'sdk-made' }));
  assert.match(String(made.body?.privateKeyBody), /BEGIN PRIVATE KEY/);
  assert.deepEqual(
    (await pairs()).map((p) => p.KeyPairName),
    ['sdk-made'],
  );
});

test('OpenSSH logs in as root with the attached pair; after another pair is attached, the first no longer works', async () => {
  const t = await target(web);
  assert.equal((await ssh(keyA, t, 'true')).code, 255, 'nothing authorised yet');
  await call(client, 'ImportKeyPair', { ...R, KeyPairName: 'ka', PublicKeyBody: keyA.publicKey });
  await call(client, 'ImportKeyPair', { ...R, KeyPairName: 'kb', PublicKeyBody: keyB.publicKey });
  await call(client, 'AttachKeyPair', { ...R, KeyPairName: 'ka', InstanceIds: JSON.stringify([web]) });
  const ok = await ssh(keyA, t, 'id -un; cat /etc/hostname');
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, 'root\nweb-prod-1\n');
  await call(client, 'AttachKeyPair', { ...R, KeyPairName: 'kb', InstanceIds: JSON.stringify([web]) });
  const old = await ssh(keyA, t, 'true');
  assert.equal(old.code, 255);
  assert.match(old.stderr, /Permission denied \(publickey\)/);
  assert.equal((await ssh(keyB, t, 'true')).code, 0);
});
