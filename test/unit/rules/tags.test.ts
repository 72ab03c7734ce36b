import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_TAGS, validateTagKey, validateTagValue, validateTags } from '../../../src/core/rules/tags';

const safeChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789 _-./=+@'.split(''));
const goodKey = fc
  .array(safeChar, { minLength: 1, maxLength: 64 })
  .map((a) => 'k' + a.join('').slice(0, 63))
  .filter((k) => validateTagKey(k) === undefined);

test('accepts the reference example tag', () => {
  assert.deepEqual(validateTags([{ key: 'TestKey', value: 'TestValue' }]), []);
});

test('accepts zero tags and exactly twenty', () => {
  assert.deepEqual(validateTags([]), []);
  const twenty = Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: '' }));
  assert.deepEqual(validateTags(twenty), []);
});

test('rejects twenty-one tags with one tags.tooMany issue', () => {
  const many = Array.from({ length: MAX_TAGS + 1 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
  assert.deepEqual(validateTags(many), [{ field: 'tags', code: 'tags.tooMany', severity: 'error' }]);
});

test('tag key: required, ≤ 64, no URL, no acs:/aliyun prefix', () => {
  assert.equal(validateTagKey(''), 'tagKey.required');
  assert.equal(validateTagKey('k'.repeat(64)), undefined);
  assert.equal(validateTagKey('k'.repeat(65)), 'tagKey.tooLong');
  assert.equal(validateTagKey('see http://x'), 'tagKey.url');
  assert.equal(validateTagKey('https://x'), 'tagKey.url');
  assert.equal(validateTagKey('acs:env'), 'tagKey.reservedPrefix');
  assert.equal(validateTagKey('aliyunTeam'), 'tagKey.reservedPrefix');
  assert.equal(validateTagKey('my-aliyun'), undefined);
  assert.equal(validateTagKey('acs'), undefined);
});

test('tag value: may be empty, ≤ 64, no URL', () => {
  assert.equal(validateTagValue(''), undefined);
  assert.equal(validateTagValue('v'.repeat(64)), undefined);
  assert.equal(validateTagValue('v'.repeat(65)), 'tagValue.tooLong');
  assert.equal(validateTagValue('http://example'), 'tagValue.url');
  assert.equal(validateTagValue('acs:ok-in-a-value'), undefined);
});

test('reports a duplicate key on the second row, with its index', () => {
  const issues = validateTags([
    { key: 'env', value: 'a' },
    { key: 'team', value: 'b' },
    { key: 'env', value: 'c' },
  ]);
  assert.deepEqual(issues, [{ field: 'tagKey', code: 'tagKey.duplicate', severity: 'advice', index: 2 }]);
});

test('property: distinct valid keys with short URL-free values produce no issue', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(goodKey, { maxLength: MAX_TAGS }),
      fc.array(fc.array(safeChar, { maxLength: 64 }).map((a) => a.join(''))),
      (keys, values) => validateTags(keys.map((key, i) => ({ key, value: values[i] ?? '' }))).length === 0,
    ),
  );
});

test('property: every issue of a tag row points at an existing row', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ key: fc.string({ maxLength: 70 }), value: fc.string({ maxLength: 70 }) }), { maxLength: 25 }),
      (tags) => validateTags(tags).every((i) => i.field === 'tags' || (i.index !== undefined && i.index < tags.length)),
    ),
  );
});
