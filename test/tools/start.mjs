#!/usr/bin/env node
// `npm start`: the product, running. Builds the extension and packages the .vsix; starts the SWAS
// emulator with demo data (state kept in .demo/, so what you create is still there next time);
// starts code-server (the newest host, VS Code 1.139) on 127.0.0.1 with a fresh profile, the .vsix
// installed, `swas.endpoint` pointing at the emulator and the demo credentials offered through
// ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET; prints the URL. Ctrl-C stops everything.
// Options: --port N (code-server, default 8080 or a free one), --host 1.100|1.139.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ensureSystemPackages, packagesForStart } from './systemDeps.mjs';

const root = resolve(import.meta.dirname, '../..');
process.chdir(root);
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const started = Date.now();
const step = (msg) => console.log(`start: ${msg} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

function runOrExit(cmd, args, what) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`start: ${what} failed`);
    process.exit(1);
  }
}
function portFree(port) {
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

// Everything we start is stopped on Ctrl-C / SIGTERM (handlers first: processGroup leaves them to us).
const cleanups = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\nstart: stopping …');
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (e) {
      console.error(`start: ${e?.message ?? e}`);
    }
  }
  console.log('start: stopped; nothing left running.');
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stopAll(0));

// 1. System packages the host needs to install (native modules, ripgrep for 1.100), before anything
//    else starts; chromium is not needed here (the user opens the URL in their own browser).
if (!ensureSystemPackages(packagesForStart(opt('--host') ?? 'newest'))) process.exit(1);

// 2. Build (extension + emulator) and package the .vsix.
runOrExit(process.execPath, ['esbuild.mjs', '--tests', '--quiet'], 'build');
runOrExit(process.execPath, ['esbuild.mjs', '--production', '--quiet'], 'production build');
const require = createRequire(import.meta.url);
const { packageVsix } = require(join(root, 'out/test/e2e/lib/vsix.js'));
let vsix;
try {
  vsix = packageVsix(join(root, 'dist-vsix', 'swas-explorer.vsix'));
} catch (e) {
  console.error(`start: ${e.message}`);
  process.exit(1);
}
step(`built and packaged ${vsix}`);

const { HOSTS, newestHost, ensureHost } = require(join(root, 'out/test/e2e/lib/hosts.js'));
const { startCodeServer } = require(join(root, 'out/test/e2e/lib/codeServer.js'));
const { startEmulator } = require(join(root, 'out/test/emulator/index.js'));
const host = HOSTS.find((h) => h.id === opt('--host')) ?? newestHost();

// 3. The VS Code host (npm ci on first use, ≈1–2 min).
try {
  await ensureHost(host);
} catch (e) {
  console.error(`start: ${e.message}`);
  process.exit(1);
}
step(`${host.label} ready`);

try {
  // 4. The emulator with demo data; its state lives in .demo/ (git-ignored).
  mkdirSync(join(root, '.demo'), { recursive: true });
  const emu = await startEmulator({
    port: 0,
    host: '127.0.0.1',
    seed: 'demo',
    statePath: join(root, '.demo', 'emulator-state.json'),
    ssh: true,
  });
  cleanups.push(() => emu.stop());
  step(`emulator on ${emu.endpoint} (admin ${emu.admin}), state in .demo/emulator-state.json`);

  // 5. code-server with a fresh profile, the .vsix installed, pointed at the emulator.
  const wanted = Number(opt('--port') ?? process.env.PORT ?? 8080);
  const port = (await portFree(wanted)) ? wanted : undefined;
  const cs = await startCodeServer({
    host,
    port,
    vsix: [vsix],
    settings: { 'swas.endpoint': emu.endpoint },
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret },
  });
  cleanups.push(() => cs.stop());
  step(`code-server ${host.codeServerVersion} started (profile ${cs.dir}, log ${cs.logFile})`);
  console.log(`
  SWAS Explorer is running in ${host.label}:

      ${cs.url}/?folder=${encodeURIComponent(cs.workspace)}

  Open it in a browser, click "SWAS Explorer" in the activity bar and sign in: the extension offers
  the demo keys it finds in the environment (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET), or type them:
      AccessKey ID      ${emu.accessKeyId}
      AccessKey secret  ${emu.accessKeySecret}
  Emulator admin API: ${emu.admin} (e.g. curl -X POST ${emu.admin}/clock/advance -d '{"seconds":60}')

  Press Ctrl-C to stop everything.
`);
  // If code-server dies on its own, stop the rest too.
  void cs.group.exited.then((c) => {
    if (!stopping) {
      console.error(`start: code-server exited (${c}); see ${cs.logFile}`);
      void stopAll(1);
    }
  });
} catch (e) {
  console.error(`start: ${e?.message ?? e}`);
  await stopAll(1);
}
