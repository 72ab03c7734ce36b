// The extension as users get it: a .vsix packaged by vsce from the built dist/ (once per test
// run; runTests.mjs packages it up front, test files reuse it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export const vsixPath = join(repoRoot, 'out', 'vsix', 'swas-explorer.vsix');

/** Packages dist/ into a .vsix with `vsce package --no-dependencies` (throws with vsce's output). */
export function packageVsix(out: string = vsixPath): string {
  mkdirSync(join(out, '..'), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp.vsix`;
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', tmp], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
  renameSync(tmp, out);
  return out;
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
