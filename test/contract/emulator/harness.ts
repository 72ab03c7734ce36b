// Shared set-up for the emulator's contract tests: a real emulator over HTTP, the real pop-core
// RPCClient and the official SDK client pointed at it, and small admin API helpers.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, beforeEach } from 'node:test';
import RPCClient from '@alicloud/pop-core';
import SwasClient from '@alicloud/swas-open20200601';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { startEmulator } from '../../emulator/index';
import type { EmulatorOptions, RunningEmulator } from '../../emulator/index';

export type Json = Record<string, unknown>;

/**
 * These tests assert the emulator's own behaviour, so they opt out of the variant run: no variant
 * and no limits unless a test asks (SWAS_EMULATOR_VARIANT is ignored here).
 */
export async function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ seed: 'demo', variants: [], ...(options.realisticLimits ? {} : { limits: 'none' }), ...options });
}

export interface PopOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
}

export function pop(emu: RunningEmulator, o: PopOptions = {}): RPCClient {
  return new RPCClient({
    endpoint: emu.endpoint,
    apiVersion: '2020-06-01',
    accessKeyId: o.accessKeyId ?? emu.accessKeyId,
    accessKeySecret: o.accessKeySecret ?? emu.accessKeySecret,
    securityToken: o.securityToken,
    opts: { timeout: 10_000 },
  });
}

/** A plain copy of a pop-core result (which has null prototypes); BigNumbers become strings. */
export function plain<T = Json>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export async function call(client: RPCClient, action: string, params: Json = {}, opts: Json = {}): Promise<Json> {
  return plain(await client.request<Json>(action, params, opts));
}

interface PopError {
  code?: string;
  data?: Json;
  entry?: { response?: { statusCode?: number } };
}

/** Asserts that a pop-core call fails with this Code and HTTP status, and returns the error body. */
export async function rejects(p: Promise<unknown>, code: string, status: number): Promise<Json> {
  try {
    await p;
  } catch (e) {
    const err = e as PopError;
    assert.equal(err.code, code, `expected ${code}, got ${String(err.code)}: ${e instanceof Error ? e.message : ''}`);
    assert.equal(err.entry?.response?.statusCode, status, `HTTP status for ${code}`);
    const body = plain<Json>(err.data);
    for (const k of ['RequestId', 'HostId', 'Code', 'Message', 'Recommend']) assert.ok(k in body, `error body has ${k}`);
    return body;
  }
  assert.fail(`expected ${code}, but the call succeeded`);
}

export function sdk(emu: RunningEmulator, o: PopOptions = {}): SwasClient {
  return new SwasClient(
    new $OpenApiUtil.Config({
      accessKeyId: o.accessKeyId ?? emu.accessKeyId,
      accessKeySecret: o.accessKeySecret ?? emu.accessKeySecret,
      securityToken: o.securityToken,
      endpoint: new URL(emu.endpoint).host,
      protocol: 'http',
      regionId: 'cn-hangzhou',
    }),
  );
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export function raw(
  url: string,
  init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export async function admin(emu: RunningEmulator, method: string, path: string, body?: unknown): Promise<Json> {
  const r = await raw(`${emu.admin}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
  assert.ok(r.status < 300, `admin ${method} ${path} → ${r.status} ${r.text}`);
  return JSON.parse(r.text) as Json;
}

export interface DemoIds {
  web: Json;
  db: Json;
  api: Json;
  legacy: Json;
  snapshots: Json[];
}

/** Looks up the demo's cn-hangzhou servers and snapshots by name. */
export async function demoIds(client: RPCClient): Promise<DemoIds> {
  const inst = (await call(client, 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances as Json[];
  const snaps = (await call(client, 'ListSnapshots', { RegionId: 'cn-hangzhou', PageSize: 100 })).Snapshots as Json[];
  const byName = (n: string): Json => {
    const found = inst.find((i) => i.InstanceName === n);
    assert.ok(found, `demo server ${n}`);
    return found;
  };
  return {
    web: byName('web-prod-1'),
    db: byName('db-staging'),
    api: byName('api-canary'),
    legacy: byName('legacy-blog'),
    snapshots: snaps,
  };
}

export function snapshotNamed(ids: DemoIds, name: string): string {
  const s = ids.snapshots.find((x) => x.SnapshotName === name);
  assert.ok(s, `demo snapshot ${name}`);
  return String(s.SnapshotId);
}

/** One emulator (`start(options)`) for the enclosing describe block: started before its tests and handed to `use`, stopped after them. */
export function useEmulator(use: (emu: RunningEmulator) => void, options: EmulatorOptions = {}): void {
  let emu: RunningEmulator;
  before(async () => {
    emu = await start(options);
    use(emu);
  });
  after(() => emu.stop());
}

/** What each test of a demo suite starts from besides the demo seed (in this order after the reset). */
export interface DemoReset {
  /** No injected faults. */
  faults?: boolean;
  /** An empty request log. */
  requests?: boolean;
}

/**
 * One emulator (`start()`) for the enclosing describe block, stopped after it, and reset to the
 * demo seed before each test. `use` receives it once started; `useIds`, when given, receives the
 * demo's ids (`demoIds`) read after each reset.
 */
export function useDemoEmulator(reset: DemoReset, use: (emu: RunningEmulator) => void, useIds?: (ids: DemoIds) => void): void {
  let emu: RunningEmulator;
  useEmulator((started) => {
    emu = started;
    use(emu);
  });
  beforeEach(async () => {
    await admin(emu, 'POST', '/reset', { seed: 'demo' });
    if (reset.faults) await admin(emu, 'DELETE', '/faults');
    if (reset.requests) await admin(emu, 'DELETE', '/requests');
    if (useIds) useIds(await demoIds(pop(emu)));
  });
}
