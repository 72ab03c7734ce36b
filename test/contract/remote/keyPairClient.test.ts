// The key-pair client (api.remote) through pop-core against the emulator: import, list (the
// project's own KeyPair type), attach with InstanceIds.N, overwrite, detach, and the
// typed errors — API codes as SwasError, per-server failures as KeyPairServerError — and the real
// OpenSSH client logging in with the attached key (and no longer with the one it replaced).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { utils } from 'ssh2';
import type { SwasApi } from '../../../src/core/swasApi';
import { parsePublicKey } from '../../../src/core/remote/authorizeKey';
import { boundPair, findImported, KeyPairServerError, keyPairNameFor } from '../../../src/core/remote/keyPairs';
import { makeKey, ssh } from '../../fixtures/openssh';
import type { TestKey } from '../../fixtures/openssh';
import { failure, startHarness } from '../client/harness';
import type { Harness } from '../client/harness';

const HZ = 'cn-hangzhou';
let h: Harness;
let api: SwasApi;
let web: string;
let db: string;
let keyA: TestKey;
let keyB: TestKey;

before(async () => {
  h = await startHarness({ ssh: true });
  api = h.client();
  keyA = makeKey();
  keyB = makeKey();
});
after(async () => {
  await h.stop();
  keyA.dispose();
  keyB.dispose();
});
beforeEach(async () => {
  rmSync(keyA.knownHosts, { force: true });
  rmSync(keyB.knownHosts, { force: true });
  await h.admin('POST', '/reset');
  const items = (await api.listInstances(HZ, {}, { fresh: true })).items;
  web = items.find((i) => i.instanceName === 'web-prod-1')?.instanceId ?? '';
  db = items.find((i) => i.instanceName === 'db-staging')?.instanceId ?? '';
  assert.ok(web && db);
});

const token = (): string => randomUUID();

test('import, list as KeyPair, attach to two servers, overwrite on one, detach', async () => {
  const r = api.remote;
  assert.deepEqual(await r.listKeyPairs(HZ), []);
  assert.equal((await r.importKeyPair({ regionId: HZ, name: 'key-a', publicKey: keyA.publicKey, clientToken: token() })).name, 'key-a');
  await r.importKeyPair({ regionId: HZ, name: 'key-b', publicKey: keyB.publicKey, clientToken: token() });
  const att = await r.attachKeyPair({ regionId: HZ, name: 'key-a', instanceIds: [web, db], clientToken: token() });
  assert.deepEqual(
    att.results.map((x) => [x.instanceId, x.success]),
    [
      [web, true],
      [db, true],
    ],
  );
  assert.equal(att.failCount, 0);
  await r.attachKeyPair({ regionId: HZ, name: 'key-b', instanceIds: [web], clientToken: token() });
  const pairs = await r.listKeyPairs(HZ);
  assert.deepEqual(
    pairs.map((p) => [p.name, p.instanceIds]),
    [
      ['key-a', [db]],
      ['key-b', [web]],
    ],
  );
  assert.equal(boundPair(pairs, web)?.name, 'key-b');
  const a = parsePublicKey(keyA.publicKey);
  assert.ok(a);
  assert.equal(findImported(pairs, a, keyPairNameFor('id_ed25519', a))?.name, 'key-a', 'found by its public key');
  await r.detachKeyPair({ regionId: HZ, name: 'key-a', instanceIds: [db], clientToken: token() });
  assert.deepEqual(
    (await r.listKeyPairs(HZ)).map((p) => [p.name, p.instanceIds]),
    [
      ['key-a', []],
      ['key-b', [web]],
    ],
  );
});

test('the documented maximum of 10 pairs is listed whole, with the 10-a-page default paging', async () => {
  for (let i = 0; i < 10; i++) {
    await api.remote.importKeyPair({
      regionId: HZ,
      name: `p${i}`,
      publicKey: utils.generateKeyPairSync('ed25519').public,
      clientToken: token(),
    });
  }
  assert.deepEqual(
    (await api.remote.listKeyPairs(HZ)).map((p) => p.name),
    Array.from({ length: 10 }, (_, i) => `p${i}`),
  );
});

test('API errors are typed: unknown pair, taken name, malformed key', async () => {
  const r = api.remote;
  assert.equal(
    (await failure(r.attachKeyPair({ regionId: HZ, name: 'nope', instanceIds: [web], clientToken: token() }))).code,
    'InvalidKeyPairName.NotFound',
  );
  await r.importKeyPair({ regionId: HZ, name: 'key-a', publicKey: keyA.publicKey, clientToken: token() });
  const taken = await failure(r.importKeyPair({ regionId: HZ, name: 'key-a', publicKey: keyB.publicKey, clientToken: token() }));
  assert.deepEqual([taken.code, taken.retryable], ['KeyPair.AlreadyExist', false]);
  assert.equal(
    (await failure(r.importKeyPair({ regionId: HZ, name: 'key-x', publicKey: 'ssh-rsa AAAA', clientToken: token() }))).code,
    'InvalidPublicKeyBody.Malformed',
  );
});

test('a per-server failure (HTTP 200, FailCount 1) is a KeyPairServerError naming the server', async () => {
  await api.remote.importKeyPair({ regionId: HZ, name: 'key-a', publicKey: keyA.publicKey, clientToken: token() });
  await assert.rejects(
    api.remote.attachKeyPair({ regionId: HZ, name: 'key-a', instanceIds: [web, 's-gone'], clientToken: token() }),
    (e: unknown) => {
      assert.ok(e instanceof KeyPairServerError);
      assert.deepEqual(
        e.failed.map((f) => [f.instanceId, f.code]),
        [['s-gone', 'InvalidInstanceId.NotFound']],
      );
      return true;
    },
  );
});

test('the same ClientToken twice attaches once and answers success again', async () => {
  await api.remote.importKeyPair({ regionId: HZ, name: 'key-a', publicKey: keyA.publicKey, clientToken: token() });
  const t = token();
  await api.remote.attachKeyPair({ regionId: HZ, name: 'key-a', instanceIds: [web], clientToken: t });
  const again = await api.remote.attachKeyPair({ regionId: HZ, name: 'key-a', instanceIds: [web], clientToken: t });
  assert.equal(again.failCount, 0);
  assert.deepEqual(
    (await api.remote.listKeyPairs(HZ)).map((p) => p.instanceIds),
    [[web]],
  );
});

test('OpenSSH logs in as root with the key attached through the client; the replaced key is refused', async () => {
  const m = (
    (await h.admin('GET', '/machines')) as { machines: Array<{ instanceId: string; publicIp: string; sshPort: number }> }
  ).machines.find((x) => x.instanceId === web);
  assert.ok(m);
  const t = { ip: m.publicIp, port: m.sshPort };
  await api.remote.importKeyPair({ regionId: HZ, name: 'key-a', publicKey: keyA.publicKey, clientToken: token() });
  await api.remote.importKeyPair({ regionId: HZ, name: 'key-b', publicKey: keyB.publicKey, clientToken: token() });
  await api.remote.attachKeyPair({ regionId: HZ, name: 'key-a', instanceIds: [web], clientToken: token() });
  const ok = await ssh(keyA, t, 'id -un');
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, 'root\n');
  await api.remote.attachKeyPair({ regionId: HZ, name: 'key-b', instanceIds: [web], clientToken: token() });
  const refused = await ssh(keyA, t, 'true');
  assert.equal(refused.code, 255);
  assert.match(refused.stderr, /Permission denied \(publickey\)/);
  assert.equal((await ssh(keyB, t, 'true')).code, 0);
});
