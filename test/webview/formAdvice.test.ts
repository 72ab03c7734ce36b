// The form's advice lines (rules that are not confirmed warn, never block), the quota fact
// from the API, the session notice, and success shown at the top without judging its own name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { demoContext, errorText, initMessage, openInitialized, useBrowser } from './formHarness';

let browser: Browser;
useBrowser((launched) => {
  browser = launched;
});

test('a description over 256 characters is advice: its own line, no aria-invalid, and the submit goes to the host', async () => {
  const f = await openInitialized(browser);
  await f.page.locator('vscode-text-field#imageName input').fill('advice-name');
  await f.page.locator('vscode-text-area#description textarea').fill('d'.repeat(300));
  await f.page.locator('vscode-button#submit').click();
  await f.waitForPosted('submit');
  assert.match(await errorText(f, 'description-advice'), /^Advice: Descriptions over 256 characters may be refused/);
  assert.equal(await errorText(f, 'description-error'), '');
  assert.notEqual(await f.page.locator('#description').getAttribute('aria-invalid'), 'true');
  await f.page.close();
});

test('a Chinese image name has neither an error nor advice', async () => {
  const f = await openInitialized(browser);
  await f.page.locator('vscode-text-field#imageName input').fill('网站镜像-1');
  await f.page.locator('vscode-button#submit').click();
  await f.waitForPosted('submit');
  assert.equal(await errorText(f, 'imageName-error'), '');
  assert.equal(await f.page.locator('#imageName-advice').isHidden(), true);
  await f.page.close();
});

test('an API quota answer replaces the reading on the quota line', async () => {
  const ctx = demoContext({
    quotaFact: { apiMessage: 'The maximum number of custom image in this region is exceeded.', requestId: 'REQ-Q', imageCount: 2 },
  });
  const f = await openInitialized(browser, initMessage(ctx));
  assert.equal(
    await errorText(f, 'quota'),
    'Custom images in China (Hangzhou): 2. The service says the quota is reached: “The maximum number of custom image in this region is exceeded.”',
  );
  assert.equal(await f.page.locator('#quota-reading').isHidden(), true);
  await f.page.close();
});

test('a session notice is shown in the banner without Retry', async () => {
  const f = await openInitialized(browser);
  await f.send({ type: 'notice', text: 'The keys or the endpoint of profile work changed; the form reloaded its data.' });
  assert.equal(await f.page.locator('#banner').isVisible(), true);
  assert.equal(await errorText(f, 'banner-text'), 'The keys or the endpoint of profile work changed; the form reloaded its data.');
  assert.equal(await f.page.locator('#retry').isHidden(), true);
  await f.page.close();
});

test('success is the first thing under the title, focused, and the form does not call its own new name taken', async () => {
  const f = await openInitialized(browser);
  await f.page.locator('vscode-text-field#imageName input').fill('brand-new');
  await f.page.locator('vscode-button#submit').click();
  await f.waitForPosted('submit');
  await f.send({ type: 'submitState', state: { phase: 'succeeded', imageId: 'm-new1', requestId: 'REQ-OK' } });
  // The host's context now counts the image; even a list that names it must not make it "taken".
  await f.send({ type: 'context', context: demoContext({ imageCount: 3, imageNames: ['existing-image', 'brand-new'] }) });
  assert.equal(await f.page.locator('#result').isVisible(), true);
  assert.equal(await f.page.evaluate('document.querySelector("h1").nextElementSibling.id'), 'result');
  assert.equal(await f.page.evaluate('document.activeElement && document.activeElement.id'), 'result');
  assert.equal(await errorText(f, 'imageName-error'), '');
  await f.page.close();
});
