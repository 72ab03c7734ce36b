// Command text: the documented 16 KB Base64 limit, and output/script text neutralised for the
// report document (no control character survives; tabs, line breaks and all other text do).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMMAND_CONTENT_LIMIT, commandTooLong, encodedLength, neutralise } from '../../../src/core/remote/commandText';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/;

test('the size limit is on the Base64 form of the UTF-8 bytes', () => {
  assert.equal(encodedLength('abc'), 4);
  assert.equal(encodedLength('中'), 4);
  assert.equal(encodedLength('\ud800'), 4, 'a lone surrogate is sent as U+FFFD (3 bytes)');
  assert.equal(commandTooLong('a'.repeat(12_288)), undefined, '12 KB → exactly 16 KB encoded');
  assert.equal(commandTooLong('a'.repeat(12_289)), COMMAND_CONTENT_LIMIT + 4);
  assert.equal(commandTooLong('中'.repeat(4096)), undefined);
  assert.ok(commandTooLong('中'.repeat(4097)) !== undefined);
});

test('escape sequences, NUL, bidi overrides and lone CRs become visible tokens', () => {
  assert.equal(neutralise('\u001b[31mred\u001b[0m'), '␛[31mred␛[0m');
  assert.equal(neutralise('a\u0000b\u0007c\u007fd'), 'a␀b␇c␡d');
  assert.equal(neutralise('x\r\ny\rz\n'), 'x\ny\nz\n');
  assert.equal(neutralise('\u202eevil\u2066'), '<U+202E>evil<U+2066>');
  assert.equal(neutralise('\u009b2J'), '<U+009B>2J');
  assert.equal(neutralise('tab\tand 中文 ✓ \ufffd'), 'tab\tand 中文 ✓ \ufffd');
});

test('property: no unsafe character survives, text without any is kept, and it is idempotent', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const n = neutralise(s);
      assert.ok(!UNSAFE.test(n) && !n.includes('\r'));
      assert.equal(neutralise(n), n);
      if (!UNSAFE.test(s) && !s.includes('\r')) assert.equal(n, s);
      assert.equal(n.split('\n').length, s.replace(/\r\n?/g, '\n').split('\n').length, 'line count kept');
    }),
    { numRuns: 3000 },
  );
});
