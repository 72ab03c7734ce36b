import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refsFromArgs } from '../../../src/commands/servers/serverRefs';

test('the selection wins over the clicked node; a lone node or id object is used alone', () => {
  const a = { regionId: 'r', instanceId: 'a' };
  const b = { regionId: 'r', instanceId: 'b' };
  assert.deepEqual(refsFromArgs([a, [a, b]]), [a, b]);
  assert.deepEqual(refsFromArgs([a]), [a]);
  assert.deepEqual(refsFromArgs([a, []]), [a]);
});

test('hostile arguments yield only ID strings, or nothing', () => {
  const hostile = { regionId: 'r', instanceId: 'i', confirmed: true, typed: 'web', force: true, __proto__: { polluted: 1 } };
  assert.deepEqual(refsFromArgs([hostile]), [{ regionId: 'r', instanceId: 'i' }]);
  for (const bad of [
    undefined,
    null,
    'r/i',
    42,
    [],
    { regionId: 1, instanceId: 'i' },
    { regionId: 'r' },
    { regionId: 'r', instanceId: '' },
    { regionId: 'r', instanceId: 'x'.repeat(129) },
  ]) {
    assert.deepEqual(refsFromArgs([bad]), [], JSON.stringify(bad));
  }
  assert.deepEqual(refsFromArgs([undefined, [null, 'x', { instanceId: 'i' }]]), []);
  assert.equal(refsFromArgs([undefined, Array.from({ length: 500 }, (_, n) => ({ regionId: 'r', instanceId: `i${n}` }))]).length, 100);
});
