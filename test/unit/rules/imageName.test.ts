import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isImageNameTaken, validateImageName } from '../../../src/core/rules/imageName';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const ALLOWED = [...ALNUM, ':', '_', '-'];
const validName = fc
  .tuple(fc.constantFrom(...ALNUM), fc.array(fc.constantFrom(...ALLOWED), { minLength: 1, maxLength: 127 }))
  .map(([first, rest]) => first + rest.join(''));

test('accepts the examples of the API reference', () => {
  assert.equal(validateImageName('customImage-test'), undefined);
  assert.equal(validateImageName('ab'), undefined);
  assert.equal(validateImageName('9:a_b-c'), undefined);
  assert.equal(validateImageName('a'.repeat(128)), undefined);
});

test('names an empty name as required, and 1 or 129 characters as a length error', () => {
  assert.equal(validateImageName(''), 'imageName.required');
  assert.equal(validateImageName('a'), 'imageName.length');
  assert.equal(validateImageName('a'.repeat(129)), 'imageName.length');
});

test('rejects a name that starts with :, _, - or a space', () => {
  for (const n of [':ab', '_ab', '-ab', ' ab']) assert.equal(validateImageName(n), 'imageName.start');
});

test('flags spaces, dots, slashes and non-Chinese, non-ASCII letters inside the name (advice: A6)', () => {
  for (const n of ['a b', 'a.b', 'a/b', 'abé', 'a\tb']) assert.equal(validateImageName(n), 'imageName.chars');
});

test('accepts Chinese image names, also starting with a Chinese character (A6, Terraform regex)', () => {
  for (const n of ['ab镜像', '镜像', '网站镜像-2026', '备份:系统_1']) assert.equal(validateImageName(n), undefined, n);
});

test('a first character that is no letter or digit of any script is a start error; other letters are advice', () => {
  assert.equal(validateImageName('_镜像'), 'imageName.start');
  assert.equal(validateImageName('é-image'), 'imageName.chars');
});

test('property: every name built from the allowed alphabet with 2–128 chars is accepted', () => {
  fc.assert(fc.property(validName, (n) => validateImageName(n) === undefined));
});

test('property: any name containing a character outside the alphabet is rejected', () => {
  const bad = fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !ALLOWED.includes(c));
  fc.assert(
    fc.property(validName, bad, fc.nat(), (n, c, at) => {
      const i = 1 + (at % n.length);
      return validateImageName(n.slice(0, i) + c + n.slice(i)) !== undefined;
    }),
  );
});

test('property: the verdict depends only on the name (no state between calls)', () => {
  fc.assert(fc.property(fc.string({ maxLength: 140 }), (n) => validateImageName(n) === validateImageName(n)));
});

test('finds a taken name only on an exact, case-sensitive match', () => {
  assert.equal(isImageNameTaken('web', ['web', 'db']), true);
  assert.equal(isImageNameTaken('Web', ['web']), false);
  assert.equal(isImageNameTaken('web', []), false);
});
