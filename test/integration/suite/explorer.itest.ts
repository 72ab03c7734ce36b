// The explorer tree against the emulator's demo data, read through the extension's exports
// exactly as the view gets it (getChildren/getTreeItem).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestEnv } from './testEnv';
import { adminCall, otherRegions, requests, row, signInDemo, testEnv, waitFor } from './testEnv';

suite('Explorer tree', function () {
  // A region load may wait up to a minute for the client-side rate limiter (10 ListSnapshots
  // a minute per account, as the API): that is the product working, not a hang.
  this.timeout(90_000);
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env);
    // No reset: the data loaded by earlier suites is reused, because the client-side rate
    // limiter (10 ListSnapshots a minute, as the API) is real. Tests here only read, except
    // where they refresh one region on purpose.
  });

  test('the root lists the regions with servers first, then "Other regions (23)" holding the empty ones', async () => {
    const rows = await env.api.children();
    assert.deepEqual(
      rows.map((r) => r.description),
      ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1', 'no servers'],
      JSON.stringify(rows.map((r) => [r.kind, r.label])),
    );
    const hz = rows.find((r) => r.description === 'cn-hangzhou');
    assert.ok(hz, 'cn-hangzhou missing');
    assert.equal(hz.contextValue, 'region');
    assert.ok(hz.accessibilityLabel.startsWith(hz.label));
    const other = rows[3];
    assert.equal(other?.kind, 'otherRegions');
    assert.equal(other?.label, 'Other regions (23)');
    assert.equal(other?.collapsible, true);
    const folded = await env.api.children(other?.node);
    assert.equal(folded.length, 23);
    assert.ok(
      folded.every((r) => r.kind === 'region' && r.collapsible),
      'every folded region is a region that still expands',
    );
    assert.equal(folded[0]?.description, 'cn-qingdao', 'the folded regions keep the API order');
  });

  test('a region shows its servers with "status · IP", then Custom Images with used / limit', async () => {
    const hz = (await env.api.children()).find((r) => r.description === 'cn-hangzhou');
    const rows = await env.api.children(hz?.node);
    const servers = rows.filter((r) => r.kind === 'instance');
    assert.deepEqual(servers.map((s) => s.label).sort(), ['api-canary', 'db-staging', 'legacy-blog', 'web-prod-1']);
    const web = servers.find((s) => s.label === 'web-prod-1');
    assert.match(web?.description ?? '', /^Running · \d+\.\d+\.\d+\.\d+$/);
    assert.match(web?.contextValue ?? '', /^instance running hasIp$/);
    assert.match(servers.find((s) => s.label === 'legacy-blog')?.contextValue ?? '', /^instance disabled/);
    assert.match(servers.find((s) => s.label === 'api-canary')?.contextValue ?? '', /^instance transitional/);
    const images = rows.find((r) => r.kind === 'images');
    assert.equal(images?.label, 'Custom Images');
    assert.equal(images?.description, '2 / 12');
  });

  test('expanding a region costs one ListInstances, one ListSnapshots and one ListCustomImages', async () => {
    const hz = (await env.api.children()).find((r) => r.description === 'cn-hangzhou');
    await vscode.commands.executeCommand('swas.refresh', hz?.node);
    await adminCall(env, 'DELETE', '/requests');
    await env.api.children(hz?.node);
    const web = await row(env, hz, 'web-prod-1');
    await env.api.children(web.node);
    const db = await row(env, hz, 'db-staging');
    await env.api.children(db.node);
    const calls = (await requests(env)).filter(
      (r) => r.regionId === 'cn-hangzhou' && r.action.startsWith('List') && r.action !== 'ListInstanceStatus',
    );
    const count = (a: string): number => calls.filter((c) => c.action === a).length;
    assert.equal(count('ListInstances'), 1);
    assert.equal(count('ListSnapshots'), 1);
    assert.equal(count('ListCustomImages'), 1);
  });

  test('a server shows its system and data snapshots, marked and with status', async () => {
    const hz = (await env.api.children()).find((r) => r.description === 'cn-hangzhou');
    const db = await row(env, hz, 'db-staging');
    const snaps = await env.api.children(db.node);
    const byName = new Map(snaps.map((s) => [s.label, s]));
    assert.equal(byName.get('db-staging-sys-0520')?.contextValue, 'snapshot system accomplished');
    assert.equal(byName.get('db-staging-data-0520')?.contextValue, 'snapshot data accomplished');
    assert.equal(byName.get('db-staging-data-0521')?.contextValue, 'snapshot data failed');
    assert.match(byName.get('db-staging-sys-0520')?.description ?? '', /^System · Accomplished · \d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  test('an empty region, folded under Other regions, still expands and says so', async () => {
    const other = await otherRegions(env);
    assert.ok(other, 'no Other regions row');
    const qd = (await env.api.children(other.node)).find((r) => r.description === 'cn-qingdao');
    assert.ok(qd, 'cn-qingdao is not under Other regions');
    const rows = await env.api.children(qd?.node);
    assert.deepEqual(
      rows.map((r) => r.label),
      ['No servers in this region'],
    );
  });

  test('Custom Images lists the images with status and the shared flag', async () => {
    const hz = (await env.api.children()).find((r) => r.description === 'cn-hangzhou');
    const images = await row(env, hz, 'Custom Images');
    const rows = await env.api.children(images.node);
    const golden = rows.find((r) => r.label === 'web-prod-golden');
    assert.equal(golden?.contextValue, 'image available shared');
    assert.match(rows.find((r) => r.label === 'db-staging-base')?.contextValue ?? '', /^image available (shared|unshared)$/);
  });

  test('a failing region shows an error node with retry, and retrying recovers', async () => {
    await adminCall(env, 'PUT', '/faults', { errorRate: 1, kinds: ['InternalError'], actions: ['ListInstances'] });
    const sh = (await env.api.children()).find((r) => r.description === 'cn-shanghai');
    assert.ok(sh);
    await vscode.commands.executeCommand('swas.refresh', sh.node);
    await adminCall(env, 'DELETE', '/requests');
    const failed = await env.api.children(sh.node);
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.label, "Couldn't load — retry");
    assert.equal(failed[0]?.contextValue, 'error');
    assert.match(failed[0]?.description ?? '', /internal error|InternalError/i);
    assert.doesNotMatch(failed[0]?.description ?? '', /undefined/);
    await adminCall(env, 'DELETE', '/faults');
    // What clicking the error node runs: what succeeded before (ListCustomImages) is not asked
    // again, and the rate-limited ListSnapshots is made once over the failure and the retry.
    await vscode.commands.executeCommand('swas.retry', failed[0]?.node);
    const rows = await env.api.children(sh.node);
    const calls = (await requests(env)).filter((r) => r.regionId === 'cn-shanghai' && r.httpStatus === 200).map((r) => r.action);
    assert.deepEqual(calls.sort(), ['ListCustomImages', 'ListInstances', 'ListSnapshots']);
    assert.deepEqual(
      rows
        .filter((r) => r.kind === 'instance')
        .map((r) => r.label)
        .sort(),
      ['shop-frontend', 'shop-worker'],
    );
  });

  test('Filter Servers keeps matching servers across regions and Clear Filter restores them', async () => {
    await vscode.commands.executeCommand('swas.filter', 'stopped');
    const hz = (await env.api.children()).find((r) => r.description === 'cn-hangzhou');
    const filtered = (await env.api.children(hz?.node)).filter((r) => r.kind === 'instance');
    assert.deepEqual(
      filtered.map((r) => r.label),
      ['db-staging'],
    );
    const sh = (await env.api.children()).find((r) => r.description === 'cn-shanghai');
    assert.deepEqual(
      (await env.api.children(sh?.node)).map((r) => r.label),
      ['No servers match the filter', 'Custom Images'],
    );
    await vscode.commands.executeCommand('swas.clearFilter');
    assert.equal((await env.api.children(hz?.node)).filter((r) => r.kind === 'instance').length, 4);
  });
});

suite('Explorer tree: regions shown, polling', function () {
  this.timeout(90_000);
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env);
  });

  test('a server in a transitional state is polled until it settles, and only its node is refreshed', async () => {
    await vscode.workspace.getConfiguration('swas').update('pollIntervalSeconds', 1, vscode.ConfigurationTarget.Global);
    const hz = (await env.api.children()).find((r) => r.description === 'cn-hangzhou');
    assert.ok(hz);
    const canary = await row(env, hz, 'api-canary');
    // Restart polling at the (now 1 s) first interval; no reload: ListSnapshots is rate-limited.
    env.api.services.explorer.poller.stop('cn-hangzhou');
    env.api.services.explorer.poller.track('cn-hangzhou');
    assert.match(canary.contextValue, /^instance transitional/);
    const fired: unknown[] = [];
    const sub = env.api.services.explorer.onDidChangeTreeData((n) => fired.push(n));
    try {
      const id = (canary.node as unknown as { instanceId: string }).instanceId;
      await adminCall(env, 'POST', `/servers/${id}/status`, { status: 'Running' });
      await waitFor('api-canary to show Running', async () => {
        const r = await row(env, hz, 'api-canary');
        return r.contextValue.startsWith('instance running') ? r : undefined;
      });
      assert.ok(fired.includes(canary.node), 'the server node was not refreshed');
      assert.ok(!fired.includes(undefined) && !fired.includes(hz.node), 'more than the server node was refreshed');
    } finally {
      sub.dispose();
    }
  });

  teardown(async () => {
    await env.api.services.selection.set('default', undefined);
    await vscode.workspace.getConfiguration('swas').update('hideEmptyRegions', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('swas').update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  test('the selected regions of the profile are the only ones shown, an empty one too, and nothing is folded', async () => {
    await env.api.services.selection.set('default', ['cn-shanghai', 'ap-southeast-1', 'cn-qingdao']);
    env.api.services.explorer.reset();
    const rows = await env.api.children();
    assert.deepEqual(rows.map((r) => r.description).sort(), ['ap-southeast-1', 'cn-qingdao', 'cn-shanghai']);
    assert.ok(
      rows.every((r) => r.kind === 'region'),
      'a chosen region was folded',
    );
  });

  test('the server counts: one ListInstances per region on a full Refresh, none when switching back to a profile already counted', async () => {
    const listInstances = async (): Promise<number> => (await requests(env)).filter((r) => r.action === 'ListInstances').length;
    await vscode.commands.executeCommand('swas.refresh');
    await adminCall(env, 'DELETE', '/requests');
    const first = await env.api.children();
    assert.equal(first.at(-1)?.label, 'Other regions (23)');
    assert.equal(await listInstances(), 26, 'one count per region');
    await env.api.children();
    assert.equal(await listInstances(), 26, 'a second look is cached');
    try {
      await signInDemo(env, 'itest-counts');
      await adminCall(env, 'DELETE', '/requests');
      assert.equal((await env.api.children()).at(-1)?.label, 'Other regions (23)');
      assert.equal(await listInstances(), 26, 'another profile counts its own regions');
      await env.api.services.credentials.setActive('default');
      await env.api.services.session.reload();
      await adminCall(env, 'DELETE', '/requests');
      assert.deepEqual(
        (await env.api.children()).map((r) => r.label),
        first.map((r) => r.label),
      );
      assert.equal(await listInstances(), 0, 'back to the first profile: its counts are reused');
      // The inline Refresh on "Other regions" counts again.
      await vscode.commands.executeCommand('swas.refresh', (await otherRegions(env))?.node);
      assert.equal((await env.api.children()).at(-1)?.label, 'Other regions (23)');
      assert.equal(await listInstances(), 26, 'Refresh on Other regions counts every region again');
    } finally {
      await env.api.services.credentials.deleteProfile('itest-counts');
      await signInDemo(env);
    }
  });

  test('while the counts would wait for the rate limit, the regions show unfolded at once and fold when counted', async () => {
    const session = env.api.services.session;
    const canCallNow = session.canCallNow.bind(session);
    session.canCallNow = (action: string) => (action === 'ListInstances' ? false : canCallNow(action));
    try {
      let rootRedraws = 0;
      const sub = env.api.services.explorer.onDidChangeTreeData((n) => void (n === undefined && rootRedraws++));
      try {
        await vscode.commands.executeCommand('swas.refresh');
        const now = await env.api.children();
        assert.equal(now.length, 26, 'not shown at once, unfolded');
        assert.ok(now.every((r) => r.kind === 'region'));
        await waitFor('the root redrawn once counted', () => (rootRedraws >= 2 ? true : undefined));
        assert.equal((await env.api.children()).at(-1)?.label, 'Other regions (23)');
      } finally {
        sub.dispose();
      }
    } finally {
      session.canCallNow = canCallNow;
    }
  });

  test('a folded region that gains a server moves up to the root when it is loaded', async () => {
    await adminCall(env, 'POST', '/servers', { regionId: 'cn-zhangjiakou', instanceName: 'zjk-new', status: 'Running' });
    try {
      const other = await otherRegions(env);
      const zjk = (await env.api.children(other?.node)).find((r) => r.description === 'cn-zhangjiakou');
      assert.ok(zjk, 'cn-zhangjiakou is not folded before its load');
      await vscode.commands.executeCommand('swas.refresh', zjk.node);
      assert.ok((await env.api.children(zjk.node)).some((r) => r.label === 'zjk-new'));
      const roots = await env.api.children();
      assert.ok(
        roots.some((r) => r.description === 'cn-zhangjiakou'),
        'cn-zhangjiakou did not move up',
      );
      assert.equal(roots.at(-1)?.label, 'Other regions (22)');
    } finally {
      await adminCall(env, 'POST', '/reset', { seed: 'demo' });
      await vscode.commands.executeCommand('swas.refresh');
    }
  });

  test('hiding empty regions leaves only the regions that have servers', async () => {
    await vscode.workspace.getConfiguration('swas').update('hideEmptyRegions', true, vscode.ConfigurationTarget.Global);
    await waitFor('the setting', () => (env.api.services.settings.read().hideEmptyRegions ? true : undefined));
    env.api.services.explorer.reset();
    const rows = await env.api.children();
    assert.deepEqual(rows.map((r) => r.description).sort(), ['ap-southeast-1', 'cn-hangzhou', 'cn-shanghai']);
  });
});
