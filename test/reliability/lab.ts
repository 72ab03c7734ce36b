// The campaign's test bench: an emulator over real HTTP, its admin API, and a Logger that keeps
// every line the core writes (the same text the LogOutputChannel would get), so that the secret
// scan can read everything the client produced.
import { startEmulator } from '../emulator/index';
import type { EmulatorOptions, RunningEmulator } from '../emulator/index';
import type { RequestLogEntry } from '../emulator/requestLog';

/** One line of the emulator's request log (the type the emulator writes). */
export type RequestEntry = RequestLogEntry;

export interface Lab {
  em: RunningEmulator;
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  requests(action?: string): Promise<RequestEntry[]>;
  clearRequests(): Promise<void>;
  faults(config: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLab(options: EmulatorOptions = {}): Promise<Lab> {
  const em = await startEmulator({ seed: 'demo', ...options });
  async function admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${em.admin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  return {
    em,
    admin,
    async requests(action) {
      const { requests } = await admin<{ requests: RequestEntry[] }>('GET', '/requests');
      return action ? requests.filter((r) => r.action === action) : requests;
    },
    clearRequests: async () => void (await admin('DELETE', '/requests')),
    faults: async (config) => void (await admin('PUT', '/faults', config)),
    clearFaults: async () => void (await admin('DELETE', '/faults')),
    stop: () => em.stop(),
  };
}

import { recordingLogger } from '../fixtures/recordingLogger';
import type { RecordingLogger } from '../fixtures/recordingLogger';
export { recordingLogger };
export type { RecordingLogger };

/** Everything an error carries that a UI could show or log: name, code, message, stack, JSON. */
export function errorText(e: unknown): string {
  if (e instanceof Error) {
    const extra = JSON.stringify(e, Object.getOwnPropertyNames(e));
    return `${e.name}: ${e.message}\n${e.stack ?? ''}\n${extra}`;
  }
  return String(e);
}

export function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
