// Shared setup for the integration tests: the activated extension's exports, the emulator
// (endpoint, admin API and demo credentials from the environment), and small helpers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SwasExplorerExports } from '../../../src/extension';
import type { RowSnapshot } from '../../../src/tree/treeSnapshot';

export const EXTENSION_ID = 'swas-explorer.swas-explorer';
// The demo pair of the emulator (fake, emulator-only), used when the driver passes none.
const DEMO_ID = 'EMULdemo0000000000000001';
const DEMO_SECRET = 'emulator-demo-secret-0001';

export interface TestEnv {
  api: SwasExplorerExports;
  endpoint: string;
  admin: string;
  accessKeyId: string;
  accessKeySecret: string;
}

let cached: Promise<TestEnv> | undefined;

export function testEnv(): Promise<TestEnv> {
  cached ??= (async () => {
    const endpoint = process.env.SWAS_TEST_ENDPOINT ?? '';
    const admin = process.env.SWAS_TEST_ADMIN ?? '';
    assert.ok(endpoint, 'SWAS_TEST_ENDPOINT is not set');
    assert.ok(admin, 'SWAS_TEST_ADMIN is not set');
    const ext = vscode.extensions.getExtension<SwasExplorerExports>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found`);
    const api = await ext.activate();
    assert.ok(api, 'the extension exports its test API only outside production mode');
    await api.ready;
    const config = vscode.workspace.getConfiguration('swas');
    if (config.get<string>('endpoint') !== endpoint) await config.update('endpoint', endpoint, vscode.ConfigurationTarget.Global);
    return {
      api,
      endpoint,
      admin,
      accessKeyId: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? process.env.SWAS_TEST_ACCESS_KEY_ID ?? DEMO_ID,
      accessKeySecret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET ?? process.env.SWAS_TEST_ACCESS_KEY_SECRET ?? DEMO_SECRET,
    };
  })();
  return cached;
}

export async function adminCall<T = unknown>(env: TestEnv, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.admin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(res.ok, `${method} ${path} → ${res.status}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface LoggedRequest {
  action: string;
  regionId: string;
  accessKeyId: string;
  httpStatus: number;
  code?: string;
}

export async function requests(env: TestEnv): Promise<LoggedRequest[]> {
  return (await adminCall<{ requests: LoggedRequest[] }>(env, 'GET', '/requests')).requests;
}

/** Signs in through the exported services (the input boxes are the e2e suite's job). */
export async function signInDemo(env: TestEnv, profile = 'default'): Promise<void> {
  await env.api.services.credentials.saveProfile(profile, { accessKeyId: env.accessKeyId, accessKeySecret: env.accessKeySecret });
  await env.api.services.session.reload();
  assert.equal(env.api.services.session.state?.profile, profile);
}

export async function resetEmulator(env: TestEnv): Promise<void> {
  await adminCall(env, 'DELETE', '/faults');
  await adminCall(env, 'POST', '/reset', { seed: 'demo' });
  await adminCall(env, 'DELETE', '/requests');
  await vscode.commands.executeCommand('swas.clearFilter');
  await vscode.commands.executeCommand('swas.refresh');
}

export async function row(env: TestEnv, parent: RowSnapshot | undefined, label: string): Promise<RowSnapshot> {
  const rows = await env.api.children(parent?.node);
  const found = rows.find((r) => r.label === label);
  assert.ok(found, `no row "${label}" under ${parent?.label ?? 'the root'}; rows: ${rows.map((r) => r.label).join(', ')}`);
  return found;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The "Other regions (N)" row at the root (the regions without servers), or undefined. */
export async function otherRegions(env: TestEnv): Promise<RowSnapshot | undefined> {
  return (await env.api.children()).find((r) => r.kind === 'otherRegions');
}

/**
 * A region's row wherever the root put it: at the root (it has servers, or the user chose the
 * regions) or under "Other regions" (it had none when the root was counted).
 */
export async function regionAnywhere(env: TestEnv, regionId: string): Promise<RowSnapshot> {
  const roots = await env.api.children();
  const other = roots.find((r) => r.kind === 'otherRegions');
  const rows = [...roots, ...(other ? await env.api.children(other.node) : [])];
  const found = rows.find((r) => r.kind === 'region' && r.description === regionId);
  assert.ok(found, `region ${regionId} is neither at the root nor under Other regions`);
  return found;
}
