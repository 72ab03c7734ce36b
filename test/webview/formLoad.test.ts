import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { demoContext, errorText, initMessage, openForm, openInitialized, useBrowser } from './formHarness';

let browser: Browser;
useBrowser((launched) => {
  browser = launched;
});

test('the bundle says ready first and renders nothing but a busy placeholder until init', async () => {
  const f = await openForm(browser);
  const ready = await f.waitForPosted('ready');
  assert.deepEqual(ready, { type: 'ready' });
  assert.equal(await f.page.locator('#imageName').count(), 0);
  assert.equal(await f.page.locator('#app').getAttribute('aria-busy'), 'true');
  await f.page.close();
});

test('init renders every contract element with server facts and the quota line, under the strict CSP without violations', async () => {
  const f = await openInitialized(browser);
  for (const id of [
    'imageName',
    'systemSnapshot',
    'dataSnapshot',
    'description',
    'addTag',
    'resourceGroupId',
    'quota',
    'submit',
    'cancel',
    'copyCli',
    'banner',
    'retry',
    'result',
  ]) {
    assert.equal(await f.page.locator(`#${id}`).count(), 1, `#${id} exists`);
  }
  const info = (await f.page.locator('#serverInfo').textContent()) ?? '';
  assert.match(info, /web-prod-1 \(i-web1\)/);
  assert.match(info, /China \(Hangzhou\) \(cn-hangzhou\)/);
  assert.match(info, /Running/);
  assert.equal(await errorText(f, 'quota'), 'Custom images in China (Hangzhou): 2 of 12 (3 × 4 servers here, at most 15).');
  assert.match(await errorText(f, 'quota-reading'), /our reading/);
  assert.equal(await f.page.locator('#banner').isHidden(), true);
  assert.equal(await f.page.locator('#result').isHidden(), true);
  await f.page.waitForTimeout(200);
  assert.deepEqual(await f.cspViolations(), []);
  assert.deepEqual(f.blockedRequests, []);
  assert.deepEqual(f.pageErrors, []);
  await f.page.close();
});

test('the system snapshot dropdown lists accomplished snapshots newest first, preselects the newest, and keeps the progressing one selectable (advice)', async () => {
  const f = await openInitialized(browser);
  const options = f.option('systemSnapshot');
  assert.deepEqual(await options.evaluateAll((els) => els.map((e) => [e.getAttribute('value'), e.hasAttribute('disabled')])), [
    ['', false],
    ['s-sys-new', false],
    ['s-sys-old', false],
    ['s-sys-prog', false],
  ]);
  assert.match((await options.nth(3).textContent()) ?? '', /in progress \(40%\)/);
  assert.equal(await f.page.locator('#systemSnapshot').evaluate((e) => (e as unknown as { value: string }).value), 's-sys-new');
  const data = await f.option('dataSnapshot').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
  assert.deepEqual(data, ['', 's-data-1']);
  await f.page.close();
});

test('a server without accomplished system snapshots says so and offers to create one', async () => {
  const ctx = demoContext({ snapshots: [] });
  const f = await openInitialized(browser, initMessage(ctx));
  assert.equal(await f.page.locator('#systemSnapshot-empty').isVisible(), true);
  await f.field('createSnapshot').click();
  await f.waitForPosted('createSnapshot');
  await f.page.close();
});
