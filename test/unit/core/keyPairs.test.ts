// Pure parts of the key-pair way: the pair name derived from a key file, reuse of an imported
// pair (by body, or by our name when ListKeyPairs shortens the key), the bound pair, and the
// tolerant reading of ListKeyPairs / AttachKeyPair answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundPair, findImported, KeyPairServerError, keyBody, keyPairNameFor } from '../../../src/core/remote/keyPairs';
import type { KeyPair } from '../../../src/core/remote/keyPairs';
import { toKeyPair, toServerResults } from '../../../src/core/remote/keyPairClient';

const KEY = { type: 'ssh-ed25519', base64: 'AAAAC3NzaC1lZDI1NTE5AAAAIBvGZ1j1mU6yYt3jXr2u8pE4yWv2nq0H0yEJk0c8Xv1A' };
const NAME = /^[A-Za-z][A-Za-z0-9:_-]{1,63}$/;

test('the derived name is valid for SWAS (2–64, starts with a letter) and stable for one key', () => {
  const n = keyPairNameFor('id_ed25519.pub', KEY);
  assert.match(n, /^id_ed25519-[0-9a-f]{8}$/);
  assert.equal(keyPairNameFor('id_ed25519', KEY), n);
  for (const base of ['swas_web-1_ed25519', '2fa key', 'http://x', '...', 'ключ', 'x'.repeat(100)])
    assert.match(keyPairNameFor(base, KEY), NAME, base);
  assert.notEqual(keyPairNameFor('id', { ...KEY, base64: 'AAAAB3NzaC1yc2EAAAADAQABAAABAQC7' }), keyPairNameFor('id', KEY));
});

test('an imported pair is found by its body, else by our derived name (a shortened PublicKey)', () => {
  const name = keyPairNameFor('id_ed25519', KEY);
  const pairs: KeyPair[] = [
    { name: 'other', publicKey: 'ssh-rsa AAAAB3Nza', creationTime: '', instanceIds: ['s-1'] },
    { name: 'mine', publicKey: `${KEY.type} ${KEY.base64} laptop`, creationTime: '', instanceIds: [] },
  ];
  assert.equal(findImported(pairs, KEY, name)?.name, 'mine');
  assert.equal(findImported([{ name, publicKey: 'ssh-ed25519 AAAAC3Nza****', creationTime: '', instanceIds: [] }], KEY, name)?.name, name);
  assert.equal(findImported(pairs.slice(0, 1), KEY, name), undefined);
  assert.equal(boundPair(pairs, 's-1')?.name, 'other');
  assert.equal(boundPair(pairs, 's-2'), undefined);
  assert.equal(keyBody('ssh-rsa AAAA c'), 'AAAA');
});

test('ListKeyPairs items are read tolerantly (InstanceIds as array, wrapper or JSON string)', () => {
  assert.deepEqual(toKeyPair({ KeyPairName: 'k', PublicKey: 'ssh-rsa A', CreationTime: '2024-05-06T02:28Z', InstanceIds: ['s-1'] }), {
    name: 'k',
    publicKey: 'ssh-rsa A',
    creationTime: '2024-05-06T02:28Z',
    instanceIds: ['s-1'],
  });
  assert.deepEqual(toKeyPair({ KeyPairName: 'k', InstanceIds: { InstanceId: ['s-1', 's-2'] } }).instanceIds, ['s-1', 's-2']);
  assert.deepEqual(toKeyPair({ KeyPairName: 'k', InstanceIds: '["s-3"]' }).instanceIds, ['s-3']);
  assert.deepEqual(toKeyPair({ KeyPairName: 'k' }).instanceIds, []);
});

test('AttachKeyPair results: Success as "true"/"True"/boolean; FailCount > 0 throws naming the servers', () => {
  const ok = toServerResults('AttachKeyPair', {
    RequestId: 'r',
    FailCount: 0,
    Results: [
      { InstanceId: 's-1', Success: 'True', Code: '200' },
      { InstanceId: 's-2', Success: true },
    ],
  });
  assert.deepEqual(
    ok.results.map((r) => r.success),
    [true, true],
  );
  assert.equal(toServerResults('AttachKeyPair', { RequestId: 'r' }).failCount, 0, 'a replayed ClientToken answers no Results');
  assert.throws(
    () =>
      toServerResults('AttachKeyPair', {
        FailCount: 1,
        Results: { Result: [{ InstanceId: 's-1', Success: 'false', Code: 'X', Message: 'no' }] },
      }),
    (e: unknown) => e instanceof KeyPairServerError && e.failed[0]?.instanceId === 's-1' && /s-1 \(X: no\)/.test(e.message),
  );
  assert.throws(() => toServerResults('DetachKeyPair', { FailCount: '2' }), KeyPairServerError);
});
