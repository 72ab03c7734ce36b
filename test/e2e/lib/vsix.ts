// The extension as users get it: a .vsix packaged by vsce from the built dist/ (once per test
// run; runTests.mjs packages it up front, test files reuse it). `npm start` uses it too.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths';

export const vsixPath = join(repoRoot, 'out', 'vsix', 'swas-explorer.vsix');

// Top-level folders that never go into the .vsix (.vscodeignore excludes them too). They are
// left out of the staging copy because vsce walks every file before filtering, and the hosts'
// node_modules under test/ (≈1 GB) would cost it 6–9 s.
const NOT_STAGED = new Set(['.git', 'node_modules', 'out', 'src', 'test', 'webview', 'bench', 'dist-vsix', '.demo', '.test-artifacts']);

/** Packages dist/ into a .vsix like `npm run package` (throws with vsce's output). Relative links in
 *  the README stay relative (there is no public repository URL to rewrite them to). */
export function packageVsix(out: string = vsixPath): string {
  mkdirSync(dirname(out), { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'swas-vsix-'));
  try {
    for (const name of readdirSync(repoRoot)) {
      if (!NOT_STAGED.has(name)) cpSync(join(repoRoot, name), join(stage, name), { recursive: true });
    }
    const tmp = join(stage, 'out.vsix');
    const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', tmp], {
      cwd: stage,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.status !== 0) throw new Error(`vsce package failed (exit ${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
    copyFileSync(tmp, out);
    return out;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** The .vsix for this test run: $SWAS_VSIX, else out/vsix/swas-explorer.vsix if newer than dist/, else packaged now. */
export function ensureVsix(): string {
  const fromEnv = process.env.SWAS_VSIX;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const dist = join(repoRoot, 'dist', 'extension.js');
  if (!existsSync(dist)) throw new Error('dist/extension.js is missing: run `node esbuild.mjs` first');
  if (existsSync(vsixPath) && statSync(vsixPath).mtimeMs >= statSync(dist).mtimeMs) return vsixPath;
  return packageVsix();
}

/** Packages a test fixture extension (a folder under test/e2e/fixtures) into `out`. */
export function packageFixture(name: string, out: string): string {
  const dir = join(repoRoot, 'test', 'e2e', 'fixtures', name);
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`vsce package of ${name} failed (exit ${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
  return out;
}
