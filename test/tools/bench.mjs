#!/usr/bin/env node
// `npm run bench [-- --only region,throttled,presets,journey,heap,size,exthost,lifecycle,connect] [--out FILE]`
// Builds (esbuild --tests), then runs the bench (out/test/bench/main.js): it starts its own
// emulators, prints the table and writes bench/results.json. See bench/README.md.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const built = spawnSync(process.execPath, ['esbuild.mjs', '--tests', '--quiet'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const r = spawnSync(process.execPath, ['--enable-source-maps', 'out/test/bench/main.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
