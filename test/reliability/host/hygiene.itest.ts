// Inside the real extension host: drive the extension through STS sign-in, a full tree, every
// fault kind on the list calls, a failed sign-in check (wrong secret), a rotated secret and an
// expired token (SignatureDoesNotMatch / InvalidSecurityToken error nodes), then sign out.
// Every row text (labels, descriptions, accessibility labels, error messages) is written to
// $SWAS_REL_OUT for the scan outside; the log channel, settings, globalState, webview and browser
// storage are scanned on disk by test/reliability/hostHygiene.ts afterwards.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { verifyAndSave } from '../../../src/commands/credentialFlow';
import { isThrottlingCode } from '../../../src/core/errorMapping';
import { DEFAULT_RETRY_POLICY } from '../../../src/core/retry';
import { CreateImagePanels } from '../../../src/panels/createImagePanel';
import type { ExplorerNode } from '../../../src/tree/explorerNode';
import { ErrorNode } from '../../../src/tree/errorNode';
import type { TestEnv } from '../../integration/suite/testEnv';
import { adminCall, resetEmulator, testEnv } from '../../integration/suite/testEnv';

const STS = {
  accessKeyId: 'STS.EMULdemo00000000001',
  accessKeySecret: 'emulator-sts-secret-0001',
  securityToken: 'emulator-sts-token-valid',
};
const WRONG_SECRET = 'user-typed-wrong-secret-42';
const KINDS = ['InternalError', 'ServiceUnavailable', 'Throttling.User', 'ResetBefore', 'ResetAfterCommit', 'BadGateway', 'Timeout'];
/**
 * Attempts the extension's client makes before a list call fails: Throttling* is paced by the
 * adaptive limiter and retried unseen up to maxThrottleAttempts (src/core/retry.ts), every other
 * retryable fault up to maxAttempts. Fewer faults than that are absorbed by the retries.
 */
const attemptsFor = (kind: string): number =>
  isThrottlingCode(kind) ? DEFAULT_RETRY_POLICY.maxThrottleAttempts : DEFAULT_RETRY_POLICY.maxAttempts;

suite('Secret hygiene in the extension host', () => {
  let env: TestEnv;
  const texts: string[] = [];
  const codes: string[] = [];

  async function walk(node: ExplorerNode | undefined, depth: number): Promise<void> {
    const rows = await env.api.children(node);
    for (const r of rows) {
      texts.push(`${r.kind} | ${r.label} | ${r.description} | ${r.accessibilityLabel} | ${r.contextValue}`);
      if (r.node instanceof ErrorNode || r.kind === 'error') {
        codes.push(r.description);
        texts.push(`error message: ${(r.node as unknown as { message?: string }).message ?? ''}`);
      }
      if (r.collapsible && depth > 0) await walk(r.node, depth - 1);
    }
  }

  async function signInAs(profile: string, creds: { accessKeyId: string; accessKeySecret: string; securityToken?: string }): Promise<void> {
    await env.api.services.credentials.saveProfile(profile, creds);
    await env.api.services.credentials.setActive(profile);
    await env.api.services.session.reload();
    env.api.services.regions.clear(true);
  }

  suiteSetup(async () => {
    env = await testEnv();
    await resetEmulator(env);
  });

  suiteTeardown(() => {
    const out = process.env.SWAS_REL_OUT;
    if (out) writeFileSync(out, JSON.stringify({ texts, codes }, null, 1));
  });

  test('STS sign-in and the whole demo tree', async () => {
    await signInAs('rel-sts', STS);
    await walk(undefined, 3);
    assert.ok(
      texts.some((t) => t.startsWith('instance')),
      'servers are shown',
    );
  });

  test('the Create Custom Image form opens for an STS-signed-in user (webview HTML, init message, state)', async () => {
    const s = env.api.services;
    const ext = vscode.extensions.getExtension('swas-explorer.swas-explorer');
    assert.ok(ext);
    const panels = new CreateImagePanels(
      ext.extensionUri,
      {
        getApi: () => s.api(),
        loadRegion: (regionId, o) => s.regions.load(regionId, { fresh: o?.fresh }),
        listRegions: () => s.regions.listRegions(),
        logger: s.logger,
        revealImage: () => Promise.resolve(),
        refreshImages: () => undefined,
        profile: () => s.session.state?.profile,
        cachedRegion: (regionId) => s.regions.get(regionId),
        watchRegion: (regionId, listener) => s.regions.onDidChange((r) => r === regionId && listener()),
        createSnapshot: () => Promise.resolve(undefined),
      },
      s.session.onDidChange,
    );
    const data = await s.regions.load('cn-hangzhou');
    const server = data.instances.find((i) => i.status === 'Running');
    assert.ok(server);
    await panels.show({ regionId: 'cn-hangzhou', instanceId: server.instanceId }, data);
    // Let the webview load, say ready and receive its init message.
    await new Promise((r) => setTimeout(r, 4000));
    texts.push(`form opened for ${server.instanceId}`);
    // The panel stays open: the runner reads its frames (HTML, posted state) at the end.
  });

  test('every fault kind on the list calls becomes an error node', async () => {
    const missing: string[] = [];
    for (const kind of KINDS) {
      // Every attempt of the first region's ListInstances fails; the region list itself stays
      // cached (ListRegions is limited to 10 calls a minute).
      await adminCall(env, 'PUT', '/faults', { script: [{ action: 'ListInstances', kind, times: attemptsFor(kind) }], timeoutMs: 3000 });
      env.api.services.regions.clear();
      const before = codes.length;
      await walk(undefined, 1);
      if (codes.length === before) missing.push(kind);
    }
    await adminCall(env, 'DELETE', '/faults');
    assert.deepEqual(missing, [], `fault kinds without an error node (${codes.length} error nodes for ${KINDS.length} kinds)`);
  });

  test('a wrong secret at sign-in saves nothing and says so', async () => {
    const ok = await verifyAndSave(env.api.services, 'rel-bad', { ...STS, accessKeySecret: WRONG_SECRET });
    assert.equal(ok, false);
    assert.equal(await env.api.services.credentials.getProfile('rel-bad'), undefined);
  });

  test('a rotated secret and an expired token show error nodes', async () => {
    // Counted here, not with the fault kinds' nodes: each sign-in must show its own error node.
    let before = codes.length;
    await signInAs('rel-rotated', { ...STS, accessKeySecret: WRONG_SECRET });
    await walk(undefined, 1);
    assert.ok(codes.length > before, 'a rotated secret shows an error node');
    before = codes.length;
    await signInAs('rel-expired', { ...STS, securityToken: 'emulator-sts-token-expired' });
    await walk(undefined, 1);
    assert.ok(codes.length > before, 'an expired token shows an error node');
  });

  test('sign out of every profile', async () => {
    for (const name of await env.api.services.credentials.listProfiles()) {
      await env.api.services.credentials.setActive(name);
      await env.api.services.session.reload();
      await vscode.commands.executeCommand('swas.signOut');
    }
    assert.deepEqual(await env.api.services.credentials.listProfiles(), []);
  });
});
