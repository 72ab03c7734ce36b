// npm test asks for each suite's Debian packages before that suite starts (a fresh machine ran the
// webview suite without chromium because only the host suites asked). The table in
// test/tools/systemDeps.mjs is checked against what each suite's sources actually launch, and
// runTests.mjs is checked to ask for them before it runs the first suite.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, test } from 'node:test';

const root = resolve(__dirname, '../../../..');

interface SystemDeps {
  SUITE_PACKAGES: Readonly<Record<string, readonly string[]>>;
  HOST_PACKAGES: readonly string[];
  packagesForSuites(suites: readonly string[]): string[];
  packagesForStart(hostId: string): string[];
}
let deps: SystemDeps;
before(async () => {
  const url = pathToFileURL(join(root, 'test/tools/systemDeps.mjs')).href;
  deps = (await import(url)) as SystemDeps;
});

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (n === 'hosts' || n === 'node_modules') continue;
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (n.endsWith('.ts') && n !== 'systemDeps.test.ts') out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

const suiteDirs: Record<string, string[]> = {
  unit: ['test/unit'],
  contract: ['test/contract'],
  webview: ['test/webview'],
  integration: ['test/integration', 'test/reliability/host'],
  e2e: ['test/e2e'],
};

test('every suite whose sources launch chromium asks for chromium first', () => {
  for (const [suite, dirs] of Object.entries(suiteDirs)) {
    const launches = dirs
      .flatMap((d) => sources(join(root, d)))
      .some((s) => /from 'playwright-core'|\/usr\/bin\/chromium|startCodeServer|runInHost/.test(s));
    const needs = deps.SUITE_PACKAGES[suite] ?? [];
    if (launches)
      assert.ok(needs.includes('chromium'), `${suite} launches chromium or a host but SUITE_PACKAGES.${suite} = [${needs.join(', ')}]`);
    const zsh = dirs.flatMap((d) => sources(join(root, d))).some((s) => s.includes("'/usr/bin/zsh'"));
    if (zsh) assert.ok(needs.includes('zsh'), `${suite} runs zsh but SUITE_PACKAGES.${suite} = [${needs.join(', ')}]`);
  }
});

test('the host suites ask for every host package; the pure suites for none', () => {
  const machine = ['bubblewrap', 'openssh-client'];
  assert.deepEqual(deps.packagesForSuites(['integration']), [...deps.HOST_PACKAGES, ...machine]);
  assert.deepEqual(deps.packagesForSuites(['e2e']), [...deps.HOST_PACKAGES, ...machine, 'fonts-wqy-microhei']);
  assert.deepEqual(deps.packagesForSuites(['checks']), []);
  // The emulator's servers run commands in bubblewrap; the SSH tests use the real OpenSSH client.
  assert.deepEqual(deps.packagesForSuites(['contract']), machine);
  assert.deepEqual(deps.packagesForSuites(['unit', 'webview']), ['chromium', 'openssh-client', 'zsh']);
  assert.ok(deps.packagesForStart('1.100').includes('ripgrep'));
  assert.ok(!deps.packagesForStart('1.139').includes('chromium'));
});

test('runTests.mjs ensures the packages of all asked suites before it runs the first suite', () => {
  const src = readFileSync(join(root, 'test/tools/runTests.mjs'), 'utf8');
  const ensure = src.search(/ensureSystemPackages\(\s*(systemPackages|packagesForSuites\(suites\))\s*\)/);
  const firstSuite = src.search(/\n\s+nodeTest\(/);
  assert.ok(ensure > 0, "runTests.mjs calls ensureSystemPackages with the asked suites' packages");
  assert.ok(firstSuite > 0 && ensure < firstSuite, 'the packages are ensured before the first nodeTest()');
  const start = readFileSync(join(root, 'test/tools/start.mjs'), 'utf8');
  assert.ok(
    start.indexOf('ensureSystemPackages(') < start.indexOf("'esbuild.mjs'"),
    'npm start asks for packages before it builds anything',
  );
});
