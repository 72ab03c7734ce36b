// Row 5: bytes of the production bundles and the .vsix, built in a staging copy of the
// repository (so the working tree's dist/ is left alone and tests may run side by side) with the
// project's own esbuild.mjs and vsce, with the flags of `npm run package`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { row } from './results';
import type { Row } from './results';

/** dist/bundles-meta.json (written by esbuild.mjs): module path → bytes in each bundle. */
export interface BundlesMeta {
  extension: Record<string, number>;
  remote: Record<string, number>;
  /** The main-bundle modules the lazy bundle uses through `__shared`. */
  shared: string[];
}

export interface Sizes {
  extensionJs: number;
  /** dist/remote.js: the remote-access commands, loaded on their first use. */
  remoteJs: number;
  webviewJs: number;
  vsix: number;
  /** Files inside the .vsix (from `vsce ls`). */
  vsixFiles: string[];
  bundles: BundlesMeta;
  /** The text of the production bundles (to look for copies of shared modules). */
  text: { extensionJs: string; remoteJs: string };
}

/** Budgets from the bench issue (1 KB = 1024 bytes). */
export const BUDGET = { extensionJs: 250 * 1024, vsix: 400 * 1024 };

const SKIP = new Set(['node_modules', 'out', 'dist', 'dist-vsix', '.git', '.test-artifacts', '.demo', 'bench']);

function stage(root: string, dir: string): void {
  for (const name of readdirSync(root)) {
    if (SKIP.has(name)) continue;
    cpSync(join(root, name), join(dir, name), {
      recursive: true,
      filter: (src) => !src.includes(`${join('test', 'e2e', 'hosts')}`) && !src.endsWith('.vsix'),
    });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

/** Where the bench keeps the production .vsix it measured (the exthost rows install it). */
export function productionVsixPath(root: string): string {
  return join(root, 'out', 'bench', 'swas-explorer.vsix');
}

/** The production .vsix of this run (packaged now unless the size rows already did). */
export function productionVsix(root: string): string {
  const p = productionVsixPath(root);
  if (!existsSync(p)) measureSizes(root, p);
  return p;
}

export function measureSizes(root: string, keepVsixAt?: string): Sizes {
  const dir = mkdtempSync(join(tmpdir(), 'swas-size-'));
  try {
    stage(root, dir);
    const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run(process.execPath, ['esbuild.mjs', '--production', '--quiet']);
    const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const vsix = join(dir, 'swas-explorer.vsix');
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix]);
    const files = run(process.execPath, [vsce, 'ls', '--no-dependencies'])
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (keepVsixAt) {
      mkdirSync(dirname(keepVsixAt), { recursive: true });
      copyFileSync(vsix, keepVsixAt);
    }
    return {
      extensionJs: statSync(join(dir, 'dist', 'extension.js')).size,
      remoteJs: statSync(join(dir, 'dist', 'remote.js')).size,
      webviewJs: statSync(join(dir, 'dist', 'webview.js')).size,
      vsix: statSync(vsix).size,
      vsixFiles: files,
      bundles: JSON.parse(readFileSync(join(dir, 'dist', 'bundles-meta.json'), 'utf8')) as BundlesMeta,
      text: { extensionJs: readFileSync(join(dir, 'dist', 'extension.js'), 'utf8'), remoteJs: readFileSync(join(dir, 'dist', 'remote.js'), 'utf8') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sizeRows(root: string, log: (s: string) => void): Promise<Row[]> {
  const s = measureSizes(root, productionVsixPath(root));
  log(`sizes: extension.js ${s.extensionJs} B, remote.js ${s.remoteJs} B, webview.js ${s.webviewJs} B, vsix ${s.vsix} B (${s.vsixFiles.length} files)`);
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  return Promise.resolve([
    row('extension-js-bytes', s.extensionJs, 'bytes', `production dist/extension.js = ${kb(s.extensionJs)}; budget ${kb(BUDGET.extensionJs)} (baseline column)`, BUDGET.extensionJs),
    row('remote-js-bytes', s.remoteJs, 'bytes', `production dist/remote.js = ${kb(s.remoteJs)} (Connect, Run Command, Firewall: loaded on first use); no budget set`),
    row('extension-total-bytes', s.extensionJs + s.remoteJs, 'bytes', `dist/extension.js + dist/remote.js = ${kb(s.extensionJs + s.remoteJs)}; no budget set`),
    row('webview-js-bytes', s.webviewJs, 'bytes', `production dist/webview.js = ${kb(s.webviewJs)} (toolkit included); no budget set`),
    row('vsix-bytes', s.vsix, 'bytes', `vsce package --no-dependencies = ${kb(s.vsix)}, ${s.vsixFiles.length} files; budget ${kb(BUDGET.vsix)} (baseline column)`, BUDGET.vsix),
  ]);
}
