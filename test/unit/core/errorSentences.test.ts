// Every error code the client can produce has an English sentence and a zh-cn translation
// (issue 13 §7), so no English core message reaches the Chinese UI; the permission and
// disabled-key advice are told apart (a disabled key never hears "grant the RAM policy").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLIENT_CODES, KNOWN_API_CODES, TRANSPORT_CODES, isDisabledKeyCode, isPermissionDeniedCode } from '../../../src/core/errors';
import { ERROR_SENTENCES, sentenceOf } from '../../../src/platform/errorSentences';
import { SSH_CONFIG_CODES } from '../../../src/core/ssh/sshConfig';
import { errorPlacement, isRetryableCode } from '../../../src/protocol/errorPlacement';
import { FORM_STRINGS_EN } from '../../../src/protocol/formStrings';

function root(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'esbuild.mjs'))) dir = dirname(dir);
  return dir;
}
const ROOT = root();
const zh = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const placeholders = (s: string): string => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

const CLIENT_PRODUCED = [...Object.values(CLIENT_CODES), ...Object.values(TRANSPORT_CODES)];
const ALL = [...CLIENT_PRODUCED, ...KNOWN_API_CODES];

test('every code the client raises, and every API code it knows, has a sentence and a zh-cn translation', () => {
  assert.ok(CLIENT_PRODUCED.length >= 12, `only ${CLIENT_PRODUCED.length} client codes`);
  for (const code of ALL) {
    const en = sentenceOf(code);
    assert.ok(en !== undefined && en.trim() !== '', `no sentence for ${code}`);
    const cn = zh[en];
    assert.ok(cn !== undefined && cn.trim() !== '', `no zh-cn translation for ${code}: ${en}`);
    assert.equal(placeholders(cn), placeholders(en), code);
    assert.ok(/[\u4e00-\u9fa5]/.test(cn), `the zh-cn sentence of ${code} has no Chinese`);
  }
  for (const en of Object.values(ERROR_SENTENCES)) assert.ok(zh[en] !== undefined, en);
});

test('the new codes of swas-api-2.md A7 each have their own sentence', () => {
  for (const code of [
    'IncorrectStatus',
    'IncorrectInstanceStatus.ResetDisk',
    'InvalidParam.OperationIllegal',
    'InvalidRemark.ValueNotSupported',
    'InvalidRemark.Duplicate',
    'Forbidden.RAM',
    'NoPermission',
  ]) {
    assert.ok(Object.hasOwn(ERROR_SENTENCES, code), code);
  }
});

test('core raises SwasErrors only with codes from CLIENT_CODES / TRANSPORT_CODES (or the API code it read)', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  const seen: string[] = [];
  for (const f of files(join(ROOT, 'src'))) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/new SwasError\(\{\s*code:\s*([^,}\s]+)/g)) {
      const expr = m[1] ?? '';
      seen.push(expr);
      assert.ok(
        /^(CLIENT_CODES|TRANSPORT_CODES)\.\w+$/.test(expr) || expr === 'apiCode' || expr === 'transport',
        `${f}: SwasError with code ${expr}`,
      );
    }
  }
  assert.ok(seen.length >= 5, `found only ${seen.length} SwasError constructions`);
});

test('a disabled key gets the disabled advice, never "grant the RAM policy"', () => {
  for (const code of [
    'InvalidAccessKeyId.Inactive',
    'Forbidden.AccessKeyDisabled',
    'Forbidden.AccessKeyInactive',
    'Forbidden.UserDisabled',
  ]) {
    assert.equal(isDisabledKeyCode(code), true, code);
    assert.equal(isPermissionDeniedCode(code), false, code);
    const en = sentenceOf(code) ?? '';
    assert.match(en, /disabled/i, code);
    assert.doesNotMatch(en, /RAM policy|AliyunSWAS/, code);
    assert.doesNotMatch(zh[en] ?? '', /AliyunSWAS|授予/, code);
  }
});

test('permission refusals name both SWAS policies, in English and in Chinese', () => {
  for (const code of ['Forbidden.RAM', 'NoPermission', 'Forbidden', 'Forbidden.RAM.Whatever', CLIENT_CODES.noSwasPermission]) {
    const en = sentenceOf(code) ?? '';
    for (const policy of ['AliyunSWASReadOnlyAccess', 'AliyunSWASFullAccess']) {
      assert.ok(en.includes(policy), `${code} (en) lacks ${policy}`);
      assert.ok((zh[en] ?? '').includes(policy), `${code} (zh-cn) lacks ${policy}`);
    }
  }
  // Other Forbidden.* codes are not assumed to be about RAM: they keep the API's message.
  assert.equal(isPermissionDeniedCode('Forbidden.RiskControl'), false);
  assert.equal(sentenceOf('Forbidden.RiskControl'), undefined);
});

test('throttling codes of any spelling get the wait advice; unknown codes get none (the API message is shown)', () => {
  for (const code of ['Throttling', 'Throttling.User', 'Throttling.Api', 'Rejected.Throttling', 'throttling.user'])
    assert.match(sentenceOf(code) ?? '', /limiting the request rate/, code);
  for (const code of ['Something.New', 'constructor', '__proto__', 'toString']) assert.equal(sentenceOf(code), undefined, code);
});

test('in the Create Custom Image form, permission and state refusals go to the banner, without Retry', () => {
  for (const code of ['Forbidden.RAM', 'NoPermission', 'IncorrectStatus', 'IncorrectInstanceStatus']) {
    assert.equal(errorPlacement(code), 'banner', code);
    assert.equal(isRetryableCode(code), false, code);
  }
  for (const key of ['error.Forbidden.RAM', 'error.NoPermission'] as const) assert.match(FORM_STRINGS_EN[key], /AliyunSWASFullAccess/);
  assert.ok('error.IncorrectStatus' in FORM_STRINGS_EN && 'error.NotSignedIn' in FORM_STRINGS_EN);
  assert.equal(errorPlacement('constructor'), 'banner', 'no prototype lookups');
});

test('every ssh config writer code has its own sentence (the UI never shows its English detail)', () => {
  for (const code of SSH_CONFIG_CODES) assert.ok(Object.hasOwn(ERROR_SENTENCES, code), code);
});
