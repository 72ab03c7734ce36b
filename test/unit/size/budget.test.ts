// Size budgets (deterministic, so asserted): the production extension bundle ≤ 250 KB and the
// .vsix ≤ 400 KB, built from a staging copy with the project's esbuild.mjs and vsce.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { before, test } from 'node:test';
import { BUDGET, measureSizes } from '../../bench/sizes';
import type { Sizes } from '../../bench/sizes';

const root = resolve(__dirname, '../../../..');
let sizes: Sizes;

before(() => {
  sizes = measureSizes(root);
});

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

test('the production dist/extension.js stays within 250 KB', () => {
  assert.ok(sizes.extensionJs > 0);
  assert.ok(sizes.extensionJs <= BUDGET.extensionJs, `dist/extension.js is ${kb(sizes.extensionJs)}, budget ${kb(BUDGET.extensionJs)}`);
});

test('the .vsix stays within 400 KB', () => {
  assert.ok(sizes.vsix > 0);
  assert.ok(sizes.vsix <= BUDGET.vsix, `the .vsix is ${kb(sizes.vsix)}, budget ${kb(BUDGET.vsix)}; files: ${sizes.vsixFiles.join(', ')}`);
});

test('the .vsix ships the bundles and the manifest, and no sources, tests or node_modules', () => {
  const files = sizes.vsixFiles;
  for (const f of ['package.json', 'dist/extension.js', 'dist/webview.js']) assert.ok(files.includes(f), `${f} is in the .vsix (${files.join(', ')})`);
  const leaked = files.filter((f) => /^(src|test|out|node_modules|webview)\//.test(f) || f.endsWith('.ts') || f.endsWith('.map'));
  assert.deepEqual(leaked, [], 'sources, maps, tests or node_modules in the .vsix');
});
