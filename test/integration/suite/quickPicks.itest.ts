// The palette's quick picks in the real extension host, answered through services.prompts like a
// user would: Select Regions (kept per profile, the tree follows, a selection that shows nothing
// says so), Switch Profile (the view's description, the tree's data and the open forms follow), and
// Create Custom Image from the palette (a disabled server is listed with the reason and refused).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerPrompts } from '../../../src/commands/servers/prompts';
import type { TestEnv } from './testEnv';
import { otherRegions, resetEmulator, row, signInDemo, testEnv, waitFor } from './testEnv';

type Item = vscode.QuickPickItem;
interface Asked {
  items: Item[];
  title?: string;
}

/** Prompts that answer with `choose` (indexes into the items shown) and record what was shown. */
function answering(choose: (items: Item[]) => number[], asked: Asked[], infos: string[]): ServerPrompts {
  return {
    confirm: async () => undefined,
    input: async () => undefined,
    pick: async (items, o) => (asked.push({ items, title: o.title }), items[choose(items)[0] ?? -1]),
    pickMany: async (items, o) => (
      asked.push({ items, title: o.title }),
      choose(items)
        .map((i) => items[i])
        .filter((x) => x !== undefined)
    ),
    info: async (message) => (infos.push(message), undefined),
  };
}

const byDescription =
  (...ids: string[]) =>
  (items: Item[]) =>
    ids.map((id) => items.findIndex((i) => i.description === id));
const byLabel =
  (...labels: string[]) =>
  (items: Item[]) =>
    labels.map((l) => items.findIndex((i) => i.label === l));

suite('Quick picks of the palette', function () {
  this.timeout(90_000);
  let env: TestEnv;
  let original: ServerPrompts;
  let asked: Asked[];
  let infos: string[];
  const answer = (choose: (items: Item[]) => number[]): void => {
    env.api.services.prompts = answering(choose, asked, infos);
  };

  suiteSetup(async () => {
    env = await testEnv();
    original = env.api.services.prompts;
    await signInDemo(env);
    await resetEmulator(env);
  });
  setup(() => {
    asked = [];
    infos = [];
  });
  teardown(async () => {
    env.api.services.prompts = original;
    await env.api.services.selection.set('default', undefined);
    await vscode.workspace.getConfiguration('swas').update('hideEmptyRegions', undefined, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await signInDemo(env);
    env.api.services.explorer.reset();
  });

  test('Select Regions keeps the choice for the profile, the tree shows just those regions, and the next pick starts from it', async () => {
    answer(byDescription('cn-qingdao', 'cn-hangzhou'));
    await vscode.commands.executeCommand('swas.selectRegions');
    assert.equal(asked[0]?.title, 'SWAS: Select Regions');
    assert.equal(
      asked[0]?.items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator && i.description !== 'option').length,
      26,
      'every region is offered',
    );
    assert.deepEqual(env.api.services.selection.chosen('default')?.sort(), ['cn-hangzhou', 'cn-qingdao']);
    const stored = env.api.services.context.globalState.get<Record<string, string[]>>('swas.selectedRegions');
    assert.deepEqual(stored?.default?.sort(), ['cn-hangzhou', 'cn-qingdao'], 'the choice is stored per profile');
    const rows = await env.api.children();
    assert.deepEqual(
      rows.map((r) => r.description),
      ['cn-qingdao', 'cn-hangzhou'],
      'the chosen regions, in the API order, none folded',
    );
    assert.deepEqual(
      (await env.api.children(rows[0]?.node)).map((r) => r.label),
      ['No servers in this region'],
    );
    // The next pick shows the choice as picked; picking every region means "all" again.
    answer((items) =>
      items.flatMap((i, n) => (i.description && i.description !== 'option' && i.kind !== vscode.QuickPickItemKind.Separator ? [n] : [])),
    );
    await vscode.commands.executeCommand('swas.selectRegions');
    const picked = asked[1]?.items.filter((i) => i.picked && i.description !== 'option').map((i) => i.description);
    assert.deepEqual(picked?.sort(), ['cn-hangzhou', 'cn-qingdao']);
    assert.equal(env.api.services.selection.chosen('default'), undefined);
    assert.ok(await otherRegions(env), 'all regions again: the empty ones are folded');
  });

  test('a selection that shows nothing says so: only empty regions with "Hide regions without servers"', async () => {
    answer((items) => [
      items.findIndex((i) => i.label === 'Hide regions without servers'),
      ...byDescription('cn-qingdao', 'cn-beijing')(items),
    ]);
    await vscode.commands.executeCommand('swas.selectRegions');
    await waitFor('the setting', () => (env.api.services.settings.read().hideEmptyRegions ? true : undefined));
    const rows = await env.api.children();
    assert.equal(rows.length, 1, JSON.stringify(rows.map((r) => r.label)));
    assert.equal(rows[0]?.kind, 'message');
    assert.match(rows[0]?.label ?? '', /None of the selected regions has servers/);
  });

  test('Switch Profile changes the view description, the tree follows the other profile, and the open form closes', async () => {
    const services = env.api.services;
    await signInDemo(env, 'qp-b');
    await services.selection.set('qp-b', ['ap-southeast-1']);
    await signInDemo(env);
    const hz = (await env.api.children()).find((r) => r.description === 'cn-hangzhou');
    const web = await row(env, hz, 'web-prod-1');
    await vscode.commands.executeCommand('swas.createCustomImage', web.node);
    assert.equal(services.forms.openForms().length, 1);
    try {
      answer(byLabel('qp-b'));
      await vscode.commands.executeCommand('swas.switchProfile');
      assert.equal(asked[0]?.title, 'SWAS: Switch Profile');
      assert.equal(asked[0]?.items.find((i) => i.label === 'default')?.description, 'active');
      assert.equal(services.session.state?.profile, 'qp-b');
      await waitFor('the profile in the description', () => (env.api.view.description === 'qp-b' ? true : undefined));
      assert.deepEqual(services.forms.openForms(), [], 'the form of the other profile closed');
      assert.deepEqual(
        (await env.api.children()).map((r) => r.description),
        ['ap-southeast-1'],
        "qp-b's own region selection",
      );
      // Back through the same pick: the first profile's tree again.
      answer(byLabel('default'));
      await vscode.commands.executeCommand('swas.switchProfile');
      await waitFor('the profile in the description', () => (env.api.view.description === 'default' ? true : undefined));
      assert.equal((await env.api.children()).at(-1)?.label, 'Other regions (23)');
    } finally {
      await services.selection.set('qp-b', undefined);
      await services.credentials.deleteProfile('qp-b');
    }
  });

  test('Create Custom Image from the palette lists a disabled server last with the reason, and picking it says why', async () => {
    const forms = env.api.services.forms;
    answer(byLabel('legacy-blog'));
    await vscode.commands.executeCommand('swas.createCustomImage', { regionId: 'cn-hangzhou' });
    const items = asked[0]?.items ?? [];
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(-2), ['Not possible', 'legacy-blog'], labels.join(', '));
    assert.ok(
      ['web-prod-1', 'db-staging', 'api-canary'].every((n) => labels.indexOf(n) < labels.indexOf('Not possible')),
      'a Starting server is still offered (only advice)',
    );
    assert.match(items.at(-1)?.description ?? '', /^Disabled \(EXPIRED\): a disabled server cannot make images/);
    assert.equal(infos.length, 1);
    assert.match(infos[0] ?? '', /^"legacy-blog" cannot be chosen: Disabled/);
    assert.deepEqual(forms.openForms(), [], 'no form for a disabled server');
    answer(byLabel('web-prod-1'));
    await vscode.commands.executeCommand('swas.createCustomImage', { regionId: 'cn-hangzhou' });
    assert.equal(forms.openForms().length, 1, 'an offered server opens the form');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
