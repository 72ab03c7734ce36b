// The lazy remote bundle (dist/remote.js): the Connect / Run Command / Workbench / Firewall code,
// loaded by src/commands/remoteLoader.ts on the first run of one of those commands.
// Shared modules are never copied: every src module that the main bundle holds is, in the lazy
// bundle, a stub `module.exports = require('./extension.js').__shared['<path>']`, and the main
// bundle's entry exports `__shared` with the namespace objects of exactly those modules. So
// `instanceof Cancelled`, the tree node classes, module-level state etc. are the main bundle's.
import * as esbuild from 'esbuild';
import { relative } from 'node:path';

export const LAZY_ENTRY = 'src/commands/remote/registerRemote.ts';

const rel = (p) => relative(process.cwd(), p).split('\\').join('/');

/** Main bundle entry: src/extension.ts plus `__shared` (the modules the lazy bundle uses). */
function mainEntry(shared) {
  const lines = ["export * from './src/extension';"];
  shared.forEach((p, i) => lines.push(`import * as m${i} from './${p}';`));
  lines.push(`export const __shared = { ${shared.map((p, i) => `${JSON.stringify(p)}: m${i}`).join(', ')} };`);
  return { contents: lines.join('\n'), resolveDir: process.cwd(), sourcefile: 'extension-entry.js', loader: 'js' };
}

/** Resolves imports of main-bundle modules to stubs, and records which ones. */
function sharedStubs(mainInputs, used) {
  return {
    name: 'swas-shared-stubs',
    setup(build) {
      build.onResolve({ filter: /^\.\/extension\.js$/, namespace: 'swas-shared' }, () => ({ path: './extension.js', external: true }));
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.namespace === 'swas-shared' || args.pluginData === 'skip') return undefined;
        const r = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'skip',
        });
        if (r.errors.length > 0) return { errors: r.errors };
        const p = rel(r.path);
        if (!mainInputs.has(p)) return undefined;
        used.add(p);
        return { path: p, namespace: 'swas-shared' };
      });
      build.onLoad({ filter: /.*/, namespace: 'swas-shared' }, (args) => ({
        contents: `module.exports = require('./extension.js').__shared[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Builds dist/extension.js and dist/remote.js (same options for both). The lazy bundle holds
 * what only the remote commands use (src/commands/remote, src/commands/firewall, src/core/remote,
 * src/core/ssh and the few modules only they import). Throws when a module would be in both.
 */
export async function buildExtensionBundles(options) {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], metafile: true, ...options };
  // 1. Which modules the main bundle holds (without __shared; it only adds namespace objects).
  const probe = await esbuild.build({
    ...common,
    stdin: mainEntry([]),
    outfile: 'dist/extension.js',
    write: false,
    sourcemap: false,
    logLevel: 'silent',
  });
  const mainInputs = new Set(Object.keys(probe.metafile.inputs));
  if (mainInputs.has(LAZY_ENTRY)) throw new Error(`${LAZY_ENTRY} is imported by the main bundle: the remote code would not be lazy`);
  // 2. The lazy bundle, with every main module as a stub.
  const used = new Set();
  const lazy = await esbuild.build({
    ...common,
    entryPoints: [LAZY_ENTRY],
    outfile: 'dist/remote.js',
    plugins: [sharedStubs(mainInputs, used)],
  });
  const shared = [...used].sort();
  // 3. The main bundle, exporting exactly the shared modules.
  const main = await esbuild.build({ ...common, stdin: mainEntry(shared), outfile: 'dist/extension.js' });
  const finalMain = new Set(Object.keys(main.metafile.inputs));
  const lazyInputs = Object.keys(lazy.metafile.inputs).filter((p) => !p.startsWith('swas-shared:'));
  const twice = lazyInputs.filter((p) => finalMain.has(p));
  if (twice.length > 0) throw new Error(`modules in both dist/extension.js and dist/remote.js: ${twice.join(', ')}`);
  return { main: main.metafile, lazy: lazy.metafile, shared };
}
