#!/usr/bin/env node
// `npm run soak`: the full reliability campaign (test/reliability/soak.ts) — the create-image
// and lifecycle (stop/start) fault campaigns, tree loads under faults, 10,000 hostile webview
// messages, hostile input, two windows against one quota, private-key hygiene after the Connect
// key flows, and the secret scan over everything written. Prints the table and
// writes bench/reliability.json. Exit code 1 when a goal is missed.
// Extra directories to scan for secrets: `npm run soak -- --scan DIR [--scan DIR …]`.
// SWAS_SOAK_ONLY=host runs only the part in real VS Code (bench/reliability.json is then left alone).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
process.chdir(root);
const built = spawnSync(process.execPath, ['esbuild.mjs', '--tests', '--quiet'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const args = process.argv.slice(2);
const dirs = args.flatMap((a, i) => (a === '--scan' && args[i + 1] ? [resolve(args[i + 1])] : []));
const require = createRequire(import.meta.url);
const { runSoak, table } = require(join(root, 'out/test/reliability/soak.js'));

const started = Date.now();
const { rows, ok } = await runSoak({ root, dirs });
const date = new Date().toISOString();
console.log(`\nReliability campaign (${Math.round((Date.now() - started) / 1000)} s, ${date})\n`);
console.log(table(rows));
const partial = process.env.SWAS_SOAK_ONLY !== undefined && process.env.SWAS_SOAK_ONLY !== '';
if (!partial) {
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench/reliability.json'), `${JSON.stringify({ date, rows }, null, 2)}\n`);
}
console.log(
  `\n${partial ? `SWAS_SOAK_ONLY=${process.env.SWAS_SOAK_ONLY}: bench/reliability.json not written` : 'wrote bench/reliability.json'} — ${ok ? 'every goal met' : 'GOALS MISSED'}`,
);
process.exit(ok ? 0 : 1);
