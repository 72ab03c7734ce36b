// What users see: the title-bar Refresh, the profile in the view's description, Open in Console
// (the command itself, on both sites), and the environment-key offer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestEnv } from './testEnv';
import { requests, adminCall, row, signInDemo, testEnv, waitFor } from './testEnv';

suite('What users see', function () {
  this.timeout(90_000);
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await signInDemo(env);
  });

  async function region(id: string) {
    const r = (await env.api.children()).find((x) => x.description === id);
    assert.ok(r, `region ${id} missing`);
    return r;
  }

  test('Refresh All (the title bar) re-reads the whole region even when VS Code passes it the focused row', async () => {
    const hz = await region('cn-hangzhou');
    const images = await row(env, hz, 'Custom Images');
    await adminCall(env, 'DELETE', '/requests');
    // VS Code calls a view-title command with the focused tree item as its argument:
    await vscode.commands.executeCommand('swas.refreshAll', images.node);
    await env.api.children((await region('cn-hangzhou')).node);
    const actions = (await requests(env)).filter((r) => r.regionId === 'cn-hangzhou').map((r) => r.action);
    assert.ok(actions.includes('ListInstances'), `servers were not re-read: ${actions.join(', ')}`);
    assert.ok(actions.includes('ListCustomImages'), `images were not re-read: ${actions.join(', ')}`);
  });

  test('the view description names the active profile, next to the filter', async () => {
    await signInDemo(env, 'itest-visible');
    await waitFor('the profile in the description', () => (env.api.view.description === 'itest-visible' ? true : undefined));
    await vscode.commands.executeCommand('swas.filter', 'web');
    assert.equal(env.api.view.description, 'itest-visible · Filter: web');
    await vscode.commands.executeCommand('swas.clearFilter');
    assert.equal(env.api.view.description, 'itest-visible');
    await signInDemo(env);
  });

  test('Open in Console opens the server on the China or the international site, by the setting', async () => {
    const web = await row(env, await region('cn-hangzhou'), 'web-prod-1');
    const id = (web.node as unknown as { instanceId: string }).instanceId;
    const services = env.api.services;
    const original = services.openExternal;
    const opened: string[] = [];
    services.openExternal = (uri) => {
      opened.push(uri.toString(true));
      return Promise.resolve(true);
    };
    const config = vscode.workspace.getConfiguration('swas');
    try {
      for (const [site, host] of [
        ['china', 'swas.console.aliyun.com'],
        ['international', 'swas.console.alibabacloud.com'],
      ] as const) {
        await config.update('consoleSite', site, vscode.ConfigurationTarget.Global);
        const url = await vscode.commands.executeCommand<string>('swas.openInConsole', web.node);
        assert.equal(opened.at(-1), url, 'the command opened the URL it returned');
        assert.equal(new URL(url).host, host);
        assert.ok(url.includes(id) && url.includes('cn-hangzhou'), url);
      }
      await config.update('consoleSite', undefined, vscode.ConfigurationTarget.Global);
      const auto = await vscode.commands.executeCommand<string>('swas.openInConsole', web.node);
      const expected = vscode.env.language.toLowerCase().startsWith('zh') ? 'swas.console.aliyun.com' : 'swas.console.alibabacloud.com';
      assert.equal(new URL(auto).host, expected, `auto with display language ${vscode.env.language}`);
      assert.equal(opened.length, 3);
    } finally {
      services.openExternal = original;
      await config.update('consoleSite', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test("Import Keys from the Environment signs in with them; Don't Ask Again is remembered", async () => {
    const services = env.api.services;
    for (const name of await services.credentials.listProfiles()) await services.credentials.deleteProfile(name);
    await services.session.reload();
    assert.equal(services.session.signedIn, false);
    const saved = { id: process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, secret: process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET };
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = env.accessKeyId;
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = env.accessKeySecret;
    try {
      assert.equal(await vscode.commands.executeCommand('swas.importEnvironmentCredentials'), true);
      assert.equal(services.session.state?.profile, 'default');
      assert.equal(services.session.state?.accessKeyId, env.accessKeyId);
      await vscode.commands.executeCommand('swas.dismissEnvironmentOffer');
      assert.equal(services.context.globalState.get('swas.environmentOfferDismissed'), true);
    } finally {
      await services.context.globalState.update('swas.environmentOfferDismissed', undefined);
      if (saved.id === undefined) delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      else process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = saved.id;
      if (saved.secret === undefined) delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
      else process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = saved.secret;
      await signInDemo(env);
    }
  });
});

suite('Region selection that shows nothing', function () {
  this.timeout(60_000);
  test('says so instead of an empty view', async () => {
    const env = await testEnv();
    await signInDemo(env);
    const services = env.api.services;
    const profile = services.session.state?.profile ?? 'default';
    await services.selection.set(profile, ['xx-nowhere-1']);
    services.explorer.reset();
    try {
      const rows = await env.api.children();
      assert.equal(rows.length, 1, JSON.stringify(rows.map((r) => r.label)));
      assert.equal(rows[0]?.kind, 'message');
      assert.match(rows[0]?.label ?? '', /None of the selected regions/);
    } finally {
      await services.selection.set(profile, undefined);
      services.explorer.reset();
    }
    assert.ok((await env.api.children()).length > 1);
  });
});
