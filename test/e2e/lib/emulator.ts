// The SWAS emulator (test/emulator) for e2e and integration runs: a real HTTP server in this
// process, plus small helpers for its admin API (unsigned, loopback only).
import { startEmulator } from '../../emulator/index';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
type EmulatorOptions = NonNullable<Parameters<typeof startEmulator>[0]>;

/** A fresh emulator with the demo seed on a free 127.0.0.1 port. */
export function startDemoEmulator(opts: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  return startEmulator({ port: 0, host: '127.0.0.1', seed: 'demo', ...opts } as EmulatorOptions);
}

/** Calls the admin API and returns its JSON body (throws on a non-2xx status). */
export async function adminCall<T = unknown>(emu: { admin: string }, method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const r = await fetch(`${emu.admin}${path}`, init);
  const text = await r.text();
  if (!r.ok) throw new Error(`emulator admin ${method} ${path} → ${r.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Advances the emulator's virtual clock (snapshots and images progress on it). */
export function advanceClock(emu: { admin: string }, seconds: number): Promise<unknown> {
  return adminCall(emu, 'POST', '/clock/advance', { seconds });
}
