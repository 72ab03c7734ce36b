import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { FORM_STRINGS_EN } from '../../src/protocol/formStrings';
import { axOnFocus } from './a11yProbe';
import {
  activeHasClass,
  activeId,
  demoContext,
  errorText,
  initMessage,
  openInitialized,
  useBrowser,
  waitForText,
  webviewState,
} from './formHarness';

let browser: Browser;
useBrowser((launched) => {
  browser = launched;
});

test('typing an invalid name shows the error under the field, and the focused input is invalid and described by it; fixing it clears both', async () => {
  const f = await openInitialized(browser);
  const input = f.field('imageName');
  await input.fill('-bad name');
  assert.equal(await errorText(f, 'imageName-error'), 'The name must start with a letter or a digit.');
  const bad = await axOnFocus(input);
  assert.equal(bad.invalid, true);
  assert.match(bad.description, /The name must start with a letter or a digit\.$/);
  await input.fill('good:name_1');
  assert.equal(await errorText(f, 'imageName-error'), '');
  const good = await axOnFocus(input);
  assert.equal(good.invalid, false);
  assert.doesNotMatch(good.description, /must start/);
  await f.page.close();
});

test('a name already in the region list is reported at once; others are checked with the host after a pause', async () => {
  const f = await openInitialized(browser);
  const input = f.field('imageName');
  await input.fill('existing-image');
  assert.match(await errorText(f, 'imageName-error'), /already exists/);
  await input.fill('fresh-name');
  const req = await f.waitForPosted('request');
  assert.deepEqual(req, { type: 'request', id: req.id, kind: 'checkName', params: { name: 'fresh-name' } });
  await f.send({ type: 'response', id: req.id as number, kind: 'checkName', ok: true, result: { taken: true } });
  await waitForText(f, 'imageName-error', 'already exists');
  await f.page.close();
});

test('submitting an empty name focuses the name field and posts nothing', async () => {
  const f = await openInitialized(browser);
  await f.field('submit').click();
  assert.equal(await errorText(f, 'imageName-error'), 'Enter an image name.');
  assert.equal(await activeId(f), 'imageName');
  assert.equal((await f.posted()).filter((m) => m.type === 'submit').length, 0);
  await f.page.close();
});

test('a valid form posts the exact submit payload: name, newest snapshot, chosen data snapshot, description, tags, resource group', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('web-golden-1');
  await f.host('dataSnapshot').click();
  await f.option('dataSnapshot', 'data-1').click();
  await f.field('description').fill("golden image, it's fine");
  await f.field('addTag').click();
  await f.field('tagKey', 0).fill('env');
  await f.field('tagValue', 0).fill('prod');
  await f.field('resourceGroupId').fill('rg-aek2bti7cf7abcd');
  await f.field('submit').click();
  const submit = await f.waitForPosted('submit');
  assert.deepEqual(submit.draft, {
    imageName: 'web-golden-1',
    systemSnapshotId: 's-sys-new',
    dataSnapshotId: 's-data-1',
    description: "golden image, it's fine",
    resourceGroupId: 'rg-aek2bti7cf7abcd',
    tags: [{ key: 'env', value: 'prod' }],
  });
  await f.page.close();
});

test('tag rows: a reserved key is flagged in its row, a duplicate key too, and removing a row clears its error', async () => {
  const f = await openInitialized(browser);
  await f.field('addTag').click();
  await f.field('addTag').click();
  const rows = f.page.locator('.tag-row');
  assert.equal(await rows.count(), 2);
  await f.field('tagKey', 0).fill('acs:owner');
  assert.match((await rows.nth(0).locator('.tag-error').textContent()) ?? '', /must not start with “acs:” or “aliyun”/);
  assert.equal((await axOnFocus(f.field('tagKey', 0))).invalid, true);
  await f.field('tagKey', 0).fill('team');
  await f.field('tagKey', 1).fill('team');
  // A duplicate key is advice (not documented): its own line in the row, not an error.
  assert.match((await f.page.locator('#tag-1-advice').textContent()) ?? '', /already used/);
  assert.equal((await rows.nth(1).locator('.tag-error').textContent()) ?? '', '');
  await f.field('tagRemove', 1).click();
  assert.equal(await rows.count(), 1);
  assert.equal((await rows.nth(0).locator('.tag-error').textContent()) ?? '', '');
  await f.page.close();
});

test('submit with a bad tag value focuses that value field', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('ok-name');
  await f.field('addTag').click();
  await f.field('tagKey', 0).fill('site');
  await f.field('tagValue', 0).fill('https://example.com');
  await f.field('submit').click();
  assert.equal(await activeHasClass(f, 'tag-value'), true);
  assert.equal((await f.posted()).filter((m) => m.type === 'submit').length, 0);
  await f.page.close();
});

test('a quota full by our reading is advice: the line shows its formula, says how many to delete, and submit stays enabled', async () => {
  const f = await openInitialized(
    browser,
    initMessage(demoContext({ serverCount: 1, imageCount: 3, regionName: 'Singapore', regionId: 'ap-southeast-1' })),
  );
  assert.equal(await errorText(f, 'quota'), 'Custom images in Singapore: 3 of 3 (3 × 1 servers here, at most 15).');
  assert.match(await errorText(f, 'quota-advice'), /Delete 1 custom image\(s\) in Singapore/i);
  assert.equal(await errorText(f, 'quota-error'), '');
  assert.equal(await f.page.locator('#submit').getAttribute('disabled'), null);
  await f.page.close();
});

test('the draft is kept in webview state as you type and restored when the webview is reloaded', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('draft-name');
  await f.field('addTag').click();
  await f.field('tagKey', 0).fill('k1');
  const state = await webviewState(f);
  assert.deepEqual(state, {
    draft: {
      imageName: 'draft-name',
      systemSnapshotId: 's-sys-new',
      dataSnapshotId: '',
      description: '',
      resourceGroupId: '',
      tags: [{ key: 'k1', value: '' }],
    },
  });
  await f.waitForPosted('draftChanged');
  await f.page.close();
  const g = await openInitialized(browser, initMessage(), state);
  assert.equal(await g.field('imageName').inputValue(), 'draft-name');
  assert.equal(await g.field('tagKey', 0).inputValue(), 'k1');
  await g.page.close();
});

test('Enter in the name field submits the form', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('enter-name');
  await f.page.keyboard.press('Enter');
  const submit = await f.waitForPosted('submit');
  assert.equal((submit.draft as { imageName: string }).imageName, 'enter-name');
  await f.page.close();
});

test('copy as CLI and cancel post their commands', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('cli-name');
  await f.field('copyCli').click();
  const copy = await f.waitForPosted('copyCli');
  assert.equal((copy.draft as { imageName: string }).imageName, 'cli-name');
  await f.field('cancel').click();
  await f.waitForPosted('cancel');
  await f.page.close();
});

test('keyboard only: Tab reaches the name field and Enter on the focused submit button submits', async () => {
  const f = await openInitialized(browser);
  await f.page.keyboard.press('Tab');
  assert.equal(await activeId(f), 'imageName');
  await f.page.keyboard.type('kbd-name');
  await f.page.locator('#submit').focus();
  await f.page.keyboard.press('Enter');
  const submit = await f.waitForPosted('submit');
  assert.equal((submit.draft as { imageName: string }).imageName, 'kbd-name');
  await f.page.close();
});

test('a server that is not Running or Stopped gets advice under the server facts, and the submit still goes to the host', async () => {
  const ctx = demoContext({ server: { ...demoContext().server, status: 'Starting' } });
  const f = await openInitialized(browser, initMessage(ctx));
  assert.match(await errorText(f, 'server-advice'), /only while the server is Running or Stopped/);
  assert.equal(await errorText(f, 'server-error'), '');
  await f.field('imageName').fill('any-name');
  await f.field('submit').click();
  await f.waitForPosted('submit');
  await f.page.close();
});

test('with the Simplified Chinese strings from the l10n bundle the form renders in Chinese', async () => {
  const zh = JSON.parse(readFileSync(resolve(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const strings = Object.fromEntries(Object.entries(FORM_STRINGS_EN).map(([k, en]) => [k, zh[en] ?? en])) as typeof FORM_STRINGS_EN;
  const f = await openInitialized(browser, { ...initMessage(), locale: 'zh-cn', strings } as ReturnType<typeof initMessage>);
  assert.equal(await f.page.locator('#submit').textContent(), '创建镜像');
  assert.equal(await errorText(f, 'quota'), 'China (Hangzhou) 的自定义镜像：2 / 12（3 × 本地域 4 台服务器，最多 15）。');
  assert.equal(await f.page.evaluate('document.documentElement.lang'), 'zh-cn');
  await f.field('submit').click();
  assert.equal(await errorText(f, 'imageName-error'), '请输入镜像名称。');
  await f.page.close();
});
