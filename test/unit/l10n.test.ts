// Every runtime string (vscode.l10n.t in src/) and every manifest %key% has a Simplified
// Chinese translation with the same {n} placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

function root(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'esbuild.mjs'))) dir = dirname(dir);
  return dir;
}
const ROOT = root();
const readJson = (p: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, string>;
const placeholders = (s: string): string => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function runtimeStrings(): Set<string> {
  const out = new Set<string>();
  const call = /l10n\.t\(\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)")/g;
  for (const file of sources(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(call)) {
      const raw = m[1] ?? m[2] ?? '';
      out.add(raw.replace(/\\(.)/g, '$1'));
    }
  }
  return out;
}

test('every vscode.l10n.t string in src has a zh-cn translation with the same placeholders', () => {
  const zh = readJson('l10n/bundle.l10n.zh-cn.json');
  const strings = runtimeStrings();
  assert.ok(strings.size > 100, `found only ${strings.size} strings`);
  const missing = [...strings].filter((s) => zh[s] === undefined);
  assert.deepEqual(missing, []);
  for (const s of strings) assert.equal(placeholders(zh[s] ?? ''), placeholders(s), s);
});

test('package.nls.zh-cn.json translates every manifest key', () => {
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
  for (const m of manifest.matchAll(/"%([^%"]+)%"/g))
    assert.ok(en[m[1] ?? ''] !== undefined, `package.json uses %${m[1]}% without a string`);
});
