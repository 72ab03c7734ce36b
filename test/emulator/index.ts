// startEmulator: the SWAS emulator in-process (tests) or behind the CLI.
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { AdminServer } from './adminServer';
import { ApiServer } from './apiServer';
import { Faults } from './faults';
import { RateLimits, resolveLimits } from './limits';
import { Variants, parseVariants } from './variants';
import type { LimitTable } from './limits';
import { Machines } from './machines/machines';
import type { SandboxChoice, SandboxKind } from './machines/sandbox';
import { RequestLog } from './requestLog';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, seedCredentials } from './seeds/credentials';
import { demoState, emptyState } from './seeds/demo';
import { scaleState } from './seeds/scale';
import type { ScaleSpec } from './seeds/scale';
import { Persister, loadStateFile } from './state/persist';
import { Store } from './state/store';
import type { Timings } from './state/store';
import type { EmulatorState } from './types';

export interface EmulatorOptions {
  port?: number;
  /** Port of the admin API (default 0 = any free port). */
  adminPort?: number;
  host?: string;
  seed?: 'demo' | 'empty' | string;
  statePath?: string;
  /** Missing fields default to 0 (regions: 1). More than 50 servers needs `allowUnrealistic: true`. */
  scale?: Partial<ScaleSpec>;
  /** Alias of `limits: 'documented-2021'` (kept for old call sites). */
  realisticLimits?: boolean;
  /** A preset name (`none`, `documented-2021`, `quota-2025`), a JSON file path or a table. */
  limits?: string | LimitTable;
  snapshotSeconds?: number;
  imageSeconds?: number;
  /** Behaviour variants (`hostile`, `lowercase-status,…`; see variants.ts). */
  variants?: string | readonly string[];
  /** async-unshare: virtual seconds until an UnShare takes effect (default 30). */
  unshareSeconds?: number;
  log?: boolean;
  /** An SSH daemon for every Linux server with a loopback public IP (see machines/). */
  ssh?: boolean;
  /** Where the servers' disk folders live (default: beside --state, else a temporary folder). */
  disksDir?: string;
  /** Where the servers' commands run: bwrap, builtin or auto (default; env SWAS_EMULATOR_SANDBOX). */
  sandbox?: SandboxChoice;
}

export interface RunningEmulator {
  endpoint: string;
  admin: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** Where the servers' commands run: bubblewrap or the built-in shell. */
  sandbox?: SandboxKind;
  stop(): Promise<void>;
}

/**
 * The variant run of `npm test`: SWAS_EMULATOR_VARIANT (same syntax as --variant, e.g. `hostile`)
 * and SWAS_EMULATOR_LIMITS (a preset) apply to every emulator started without explicit options.
 * The limit presets are not part of `hostile` (SWAS_EMULATOR_LIMITS sets one): a server window of
 * a real minute outlives each test's fresh client (see runTests.mjs); documented-2021 is tested on
 * a scaled clock instead (test/contract/client/throttling.test.ts).
 */
export function variantFromEnv(env: NodeJS.ProcessEnv = process.env): { variants: string; limits: string } {
  const variants = env.SWAS_EMULATOR_VARIANT?.trim() ?? '';
  return { variants, limits: env.SWAS_EMULATOR_LIMITS?.trim() || 'none' };
}

/** A state file written before a demo key existed (read-only, no-permission) gains it. */
function addMissingSeedKeys(state: EmulatorState): void {
  for (const c of seedCredentials()) {
    if (!state.credentials.some((k) => k.accessKeyId === c.accessKeyId)) state.credentials.push(c);
  }
}

/**
 * The variants of the environment minus some: for a test whose DATA assumes one reading (e.g. a
 * campaign needing more than 15 images across regions cannot run under account-wide-quota).
 */
export function envVariantsWithout(...drop: string[]): string[] {
  return parseVariants(variantFromEnv().variants).filter((v) => !drop.includes(v));
}

export function buildSeed(seed: string | undefined, scale: Partial<ScaleSpec> | undefined, timings: Timings): EmulatorState {
  if (scale) return scaleState({ servers: 0, snapshots: 0, images: 0, regions: 1, ...scale }, timings);
  if (seed === undefined || seed === 'demo') return demoState(timings);
  if (seed === 'empty') return emptyState();
  const fromFile = loadStateFile(seed);
  if (!fromFile) throw new Error(`seed file ${seed} does not exist`);
  return fromFile;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function track(server: Server, sockets: Set<Socket>): void {
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const timings: Timings = { snapshotSeconds: options.snapshotSeconds ?? 20, imageSeconds: options.imageSeconds ?? 30 };
  const saved = options.statePath ? loadStateFile(options.statePath) : undefined;
  if (saved) addMissingSeedKeys(saved);
  const store = new Store(saved ?? buildSeed(options.seed, options.scale, timings), timings);
  const persister = options.statePath ? new Persister(options.statePath, () => store.state) : undefined;
  if (persister) {
    store.onChange(() => persister.schedule());
    if (!saved) store.changed();
  }
  const machines = new Machines(store, {
    ssh: options.ssh ?? false,
    disksDir: options.disksDir ?? (options.statePath ? join(dirname(options.statePath), 'disks') : undefined),
    sandbox: options.sandbox,
  });
  store.machines = machines;
  store.onChange(() => void machines.sync());
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  const faults = new Faults();
  const fromEnv = variantFromEnv();
  const limits = new RateLimits(resolveLimits(options.limits ?? (options.realisticLimits ? 'documented-2021' : fromEnv.limits)));
  const log = new RequestLog();
  const variants = new Variants(parseVariants(options.variants ?? fromEnv.variants));
  if (options.unshareSeconds !== undefined) variants.unshareSeconds = options.unshareSeconds;
  const api = new ApiServer({ store, faults, limits, variants, log, sleep, verbose: options.log ?? false });
  const admin = new AdminServer({
    store,
    faults,
    limits,
    variants,
    log,
    seedState: (seed) => buildSeed(seed ?? options.seed, seed ? undefined : options.scale, timings),
  });
  const sockets = new Set<Socket>();
  const apiHttp = createServer((req, res) => api.handle(req, res));
  const adminHttp = createServer((req, res) => admin.handle(req, res));
  apiHttp.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const body = JSON.stringify({
      RequestId: '',
      HostId: 'swas.cn-hangzhou.aliyuncs.com',
      Code: status === 431 ? 'RequestHeaderFieldsTooLarge' : 'BadRequest',
      Message: `Malformed HTTP request (${err.code ?? 'parse error'}).`,
    });
    socket.end(
      `HTTP/1.1 ${status} Bad Request\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  track(apiHttp, sockets);
  track(adminHttp, sockets);
  const apiPort = await listen(apiHttp, options.port ?? 0, host);
  const adminPort = await listen(adminHttp, options.adminPort ?? 0, host);
  store.adminUrl = `http://${host}:${adminPort}`;
  await machines.sync();
  let stopped = false;
  return {
    endpoint: `http://${host}:${apiPort}`,
    admin: `http://${host}:${adminPort}`,
    accessKeyId: DEMO_ACCESS_KEY_ID,
    accessKeySecret: DEMO_ACCESS_KEY_SECRET,
    sandbox: machines.sandbox,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      persister?.flush();
      const closed = Promise.all([apiHttp, adminHttp].map((s) => new Promise<void>((r) => s.close(() => r()))));
      for (const s of sockets) s.destroy();
      await Promise.all([closed, machines.stop()]);
    },
  };
}
