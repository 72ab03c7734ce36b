// Size budgets (deterministic, so asserted): the production extension bundle ≤ 250 KB and the
// .vsix ≤ 400 KB, built from a staging copy with the project's esbuild.mjs and vsce. The remote
// commands' lazy bundle (dist/remote.js) is reported and holds no copy of a main-bundle module.
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

test('the lazy dist/remote.js is reported with the total, and holds the remote-access code', (t) => {
  t.diagnostic(`extension.js ${sizes.extensionJs} B, remote.js ${sizes.remoteJs} B, total ${sizes.extensionJs + sizes.remoteJs} B`);
  assert.ok(sizes.remoteJs > 10 * 1024, `dist/remote.js is ${kb(sizes.remoteJs)}`);
  const remote = Object.keys(sizes.bundles.remote);
  for (const m of [
    'src/commands/remote/registerRemote.ts',
    'src/commands/remote/connect.ts',
    'src/commands/firewall/setFirewallRuleEnabled.ts',
    'src/core/ssh/sshConfig.ts',
    'src/core/remote/preflight.ts',
  ]) {
    assert.ok(remote.includes(m), `${m} is in dist/remote.js`);
    assert.ok(!(m in sizes.bundles.extension), `${m} is not in dist/extension.js`);
  }
});

test("dist/remote.js uses the main bundle's shared modules and holds no copy of one", () => {
  const { extension, remote, shared } = sizes.bundles;
  const stubs = Object.keys(remote)
    .filter((p) => p.startsWith('swas-shared:'))
    .map((p) => p.slice('swas-shared:'.length));
  const own = Object.keys(remote).filter((p) => !p.startsWith('swas-shared:'));
  assert.deepEqual(
    own.filter((p) => p in extension),
    [],
    'modules in both bundles',
  );
  assert.deepEqual([...stubs].sort(), [...shared].sort(), 'every stub is exported by the main bundle, and nothing more');
  for (const m of [
    'src/commands/runner.ts',
    'src/core/errors.ts',
    'src/tree/firewall/firewallRuleNode.ts',
    'src/tree/firewall/firewallNode.ts',
  ]) {
    assert.ok(shared.includes(m), `${m} is shared (${shared.join(', ')})`);
    assert.ok(m in extension, `${m} is in dist/extension.js`);
  }
  // The class bodies themselves (string literals survive minification): only in extension.js.
  for (const text of ['super("Cancelled")', '"SwasError"']) {
    assert.ok(sizes.text.extensionJs.includes(text), `${text} in dist/extension.js`);
    assert.ok(!sizes.text.remoteJs.includes(text), `${text} copied into dist/remote.js`);
  }
  assert.match(sizes.text.remoteJs, /require\("\.\/extension\.js"\)\.__shared\["src\/commands\/runner\.ts"\]/);
});

test('the .vsix stays within 400 KB', () => {
  assert.ok(sizes.vsix > 0);
  assert.ok(sizes.vsix <= BUDGET.vsix, `the .vsix is ${kb(sizes.vsix)}, budget ${kb(BUDGET.vsix)}; files: ${sizes.vsixFiles.join(', ')}`);
});

test('the .vsix ships the bundles and the manifest, and no sources, tests or node_modules', () => {
  const files = sizes.vsixFiles;
  for (const f of ['package.json', 'dist/extension.js', 'dist/remote.js', 'dist/webview.js'])
    assert.ok(files.includes(f), `${f} is in the .vsix (${files.join(', ')})`);
  const leaked = files.filter(
    (f) =>
      /^(src|test|out|node_modules|webview)\//.test(f) ||
      f.endsWith('.ts') ||
      f.endsWith('.map') ||
      (f.startsWith('dist/') && f.endsWith('.json')),
  );
  assert.deepEqual(leaked, [], 'sources, maps, tests or node_modules in the .vsix');
});
