// The bench's own emulator: the CLI in a child process (its own process group), so that the
// emulator's work does not share an event loop with the client being measured. Admin helpers
// read the request log and set latency faults.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface Scale {
  servers: number;
  snapshots: number;
  images?: number;
}

export interface EmulatorSpec {
  scale?: Scale;
  seed?: 'demo' | 'empty';
  realisticLimits?: boolean;
  /** `--limits`: a preset name (documented-2021, quota-2025) or a JSON file. */
  limits?: string;
  imageSeconds?: number;
  snapshotSeconds?: number;
  /** `--ssh`: an SSH daemon per Linux server on its loopback IP, RunCommand in a sandbox. */
  ssh?: boolean;
}

export interface LoggedRequest {
  seq: number;
  /** When the response was written (ISO, ms precision). */
  time: string;
  action: string;
  regionId: string;
  httpStatus: number;
  code: string;
  /** Time between the request's arrival and its response, including injected latency. */
  ms: number;
  clientToken: string;
}

export interface BenchEmulator {
  endpoint: string;
  admin: string;
  accessKeyId: string;
  accessKeySecret: string;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  latency(latencyMs: number, jitterMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** Latency injected on every call in every row (a distant region seen from a laptop). */
export const LATENCY = { latencyMs: 50, jitterMs: 10 };

function args(spec: EmulatorSpec): string[] {
  const a = ['--port', '0', '--quiet'];
  // More than 50 servers in a region is stress data, not a real account (A12): say so explicitly.
  if (spec.scale) a.push('--scale', `servers=${spec.scale.servers},snapshots=${spec.scale.snapshots},images=${spec.scale.images ?? 5},regions=1${spec.scale.servers > 50 ? ',allowUnrealistic' : ''}`);
  else a.push('--seed', spec.seed ?? 'demo');
  if (spec.realisticLimits) a.push('--realistic-limits');
  if (spec.limits) a.push('--limits', spec.limits);
  if (spec.imageSeconds !== undefined) a.push('--image-seconds', String(spec.imageSeconds));
  if (spec.snapshotSeconds !== undefined) a.push('--snapshot-seconds', String(spec.snapshotSeconds));
  if (spec.ssh) a.push('--ssh');
  return a;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('emulator has no stdout'));
    const rl = createInterface({ input: child.stdout });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${String(code)}) before it was ready: ${stderr.trim()}`)));
  });
}

export async function startBenchEmulator(root: string, spec: EmulatorSpec, latency = LATENCY): Promise<BenchEmulator> {
  const child = spawn(process.execPath, [join(root, 'out/test/emulator/cli.js'), ...args(spec)], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let info: { endpoint: string; admin: string; accessKeyId: string; accessKeySecret: string };
  try {
    info = JSON.parse(await firstLine(child)) as typeof info;
  } catch (e) {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
    throw e;
  }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${info.admin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const emu: BenchEmulator = {
    ...info,
    call,
    requests: async () => (await call<{ requests: LoggedRequest[] }>('GET', '/requests')).requests,
    clearRequests: async () => void (await call('DELETE', '/requests')),
    latency: async (latencyMs, jitterMs) => void (await call('PUT', '/faults', { latencyMs, jitterMs, seed: 7 })),
    async stop() {
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
        const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  await emu.latency(latency.latencyMs, latency.jitterMs);
  return emu;
}
