// Build script. Entries:
//   dist/extension.js  – the extension host bundle (node, cjs, `vscode` external)
//   dist/remote.js     – the remote-access commands, loaded on first use (esbuild.lazy.mjs)
//   dist/webview.js    – the Create Custom Image form (browser, iife, toolkit bundled)
// With --tests, also transpiles src/ and test/ (one file per file, cjs) into out/ so that
// node's test runner, the emulator CLI and the integration suite can run them.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtensionBundles } from './esbuild.lazy.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
const quiet = args.has('--quiet');
const logLevel = quiet ? 'error' : 'warning';

function listTs(dir, skip) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (skip.some((s) => p.startsWith(s))) continue;
    const st = statSync(p);
    if (st.isDirectory()) out.push(...listTs(p, skip));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const started = Date.now();
const builds = [
  buildExtensionBundles({ minify: production, sourcemap: production ? false : 'linked', logLevel }),
  esbuild.build({
    entryPoints: ['webview/main.ts'],
    outfile: 'dist/webview.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel,
  }),
];
if (withTests) {
  rmSync('out', { recursive: true, force: true });
  // webview/toolkitParts.ts is pure data the webview tests build their locators from.
  const entries = [...listTs('src', []), ...listTs('test', ['test/e2e/hosts']), 'webview/toolkitParts.ts'];
  builds.push(
    esbuild.build({
      entryPoints: entries,
      outdir: 'out',
      outbase: '.',
      bundle: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      logLevel,
    }),
  );
}
const [bundles] = await Promise.all(builds);
// Which modules each bundle holds (read by test/unit/size: no module is in both); not shipped.
const inputs = (meta) =>
  Object.fromEntries(
    Object.values(meta.outputs)
      .flatMap((o) => Object.entries(o.inputs))
      .map(([p, i]) => [p, i.bytesInOutput]),
  );
writeFileSync(
  'dist/bundles-meta.json',
  `${JSON.stringify({ extension: inputs(bundles.main), remote: inputs(bundles.lazy), shared: bundles.shared }, null, 1)}\n`,
);
if (!quiet) console.log(`esbuild: built in ${Date.now() - started} ms${production ? ' (production)' : ''}${withTests ? ' (+tests)' : ''}`);
