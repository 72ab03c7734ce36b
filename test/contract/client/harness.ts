// Shared set-up for the client contract tests: a real emulator over HTTP, a real client
// (pop-core inside), the admin API for faults and the request log, and a recording logger.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { startEmulator } from '../../emulator/index';
import { SwasError } from '../../../src/core/errors';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/index';
import type { RequestLogEntry } from '../../emulator/requestLog';
import { createSwasClient } from '../../../src/core/swasClient';
import type { SwasClientOptions } from '../../../src/core/swasClient';
import type { Credentials } from '../../../src/core/model';
import type { SwasApi } from '../../../src/core/swasApi';

/** One line of the emulator's request log (the same type the emulator writes). */
export type RequestEntry = RequestLogEntry;

import { recordingLogger } from '../../fixtures/recordingLogger';
import type { RecordingLogger } from '../../fixtures/recordingLogger';
export { recordingLogger };
export type { RecordingLogger };

export interface Harness {
  em: RunningEmulator;
  creds: Credentials;
  client(overrides?: Partial<SwasClientOptions>): SwasApi;
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
  requests(action?: string): Promise<RequestEntry[]>;
  clearRequests(): Promise<void>;
  faults(config: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/** Fast retries for tests (the policy's shape is what is tested, not its wall-clock values). */
export const FAST_RETRY = { baseDelayMs: 20, throttleBaseDelayMs: 50, maxDelayMs: 200, maxTotalMs: 10_000 };

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const em = await startEmulator({ seed: 'demo', ...options });
  const creds: Credentials = { accessKeyId: em.accessKeyId, accessKeySecret: em.accessKeySecret };
  const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${em.admin}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    em,
    creds,
    admin,
    client: (overrides = {}) =>
      createSwasClient({
        endpointTemplate: em.endpoint,
        credentials: { getCredentials: () => Promise.resolve(creds) },
        timeoutMs: 5000,
        logger: recordingLogger(),
        retry: FAST_RETRY,
        ...overrides,
      }),
    async requests(action) {
      const { requests } = (await admin('GET', '/requests')) as { requests: RequestEntry[] };
      return action ? requests.filter((r) => r.action === action) : requests;
    },
    async clearRequests() {
      await admin('DELETE', '/requests');
    },
    async faults(config) {
      await admin('PUT', '/faults', config);
    },
    stop: () => em.stop(),
  };
}

/**
 * One harness for the enclosing describe block (or file): started before its tests and handed to
 * `use`, stopped after them.
 */
export function useHarness(use: (h: Harness) => void, options: EmulatorOptions = {}): void {
  let h: Harness;
  before(async () => {
    h = await startHarness(options);
    use(h);
  });
  after(() => h.stop());
}

export function countByAction(entries: RequestEntry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) out[e.action] = (out[e.action] ?? 0) + 1;
  return out;
}

/** Awaits a call that must fail, and returns its SwasError (any other outcome fails the test). */
export async function failure(p: Promise<unknown>): Promise<SwasError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SwasError, `not a SwasError: ${String(e)}`);
    return e;
  }
  assert.fail('expected a failure');
}
