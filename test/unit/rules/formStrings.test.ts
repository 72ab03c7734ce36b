import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULE_CODES } from '../../../src/core/rules/ruleCodes';
import { CREATE_IMAGE_ERROR_CODES, errorPlacement, isRetryableCode } from '../../../src/protocol/errorPlacement';
import { FORM_STRINGS_EN, fmt } from '../../../src/protocol/formStrings';

function root(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'esbuild.mjs'))) dir = dirname(dir);
  return dir;
}
const ROOT = root();
const placeholders = (s: string): string => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

function zhCn(): Record<string, string> {
  return JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
}

function hostLiterals(): string[] {
  const files = ['src/panels/createImagePanel.ts', 'src/commands/createCustomImage.ts'];
  const call = /l10n\.t\(\s*'((?:\\.|[^'\\])*)'/g;
  return files.flatMap((f) => [...readFileSync(join(ROOT, f), 'utf8').matchAll(call)].map((m) => (m[1] ?? '').replace(/\\(.)/g, '$1')));
}

test('every rule code has a message in the form strings', () => {
  for (const code of RULE_CODES) assert.ok(`rule.${code}` in FORM_STRINGS_EN, code);
});

test('every error code of the API reference has a message and a place', () => {
  assert.equal(CREATE_IMAGE_ERROR_CODES.length, 9);
  for (const code of CREATE_IMAGE_ERROR_CODES) assert.ok(`error.${code}` in FORM_STRINGS_EN, code);
  assert.deepEqual(
    CREATE_IMAGE_ERROR_CODES.map((c) => [c, errorPlacement(c), isRetryableCode(c)]),
    [
      ['InvalidParam.DataSnapshotIdNotFound', 'dataSnapshot', false],
      ['InvalidParam.SystemSnapshotIdNotFound', 'systemSnapshot', false],
      ['InvalidParam.IllegalImageName', 'imageName', false],
      ['ImageNameAlreadyExist', 'imageName', false],
      ['CustomImageQuotaLimit', 'quota', false],
      ['InvalidParam.SystemSnapshotIdNotSupport', 'systemSnapshot', false],
      ['InternalError', 'banner', true],
      ['IncorrectInstanceStatus', 'banner', false],
      ['InvalidInstanceId.NotFound', 'banner', false],
    ],
  );
  assert.equal(isRetryableCode('Transport.Timeout'), true);
  assert.equal(isRetryableCode('Throttling.User'), true);
  assert.equal(errorPlacement('Transport.Timeout'), 'banner');
});

test('every form string and host string has a Simplified Chinese translation with the same placeholders', () => {
  const zh = zhCn();
  const english = [...Object.values(FORM_STRINGS_EN), ...hostLiterals()];
  assert.ok(english.length > 100);
  const missing = english.filter((s) => zh[s] === undefined);
  assert.deepEqual(missing, []);
  for (const s of english) assert.equal(placeholders(zh[s] ?? ''), placeholders(s), s);
});

test('fmt fills numbered placeholders and leaves unknown ones', () => {
  assert.equal(fmt('Custom images in {0}: {1} / {2}', 'Hangzhou', 2, 12), 'Custom images in Hangzhou: 2 / 12');
  assert.equal(fmt('{0} and {1}', 'a'), 'a and {1}');
});
