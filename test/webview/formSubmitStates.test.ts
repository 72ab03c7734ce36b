import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { CREATE_IMAGE_ERROR_CODES, errorPlacement, isRetryableCode } from '../../src/protocol/errorPlacement';
import type { FormStringKey } from '../../src/protocol/formStrings';
import { FORM_STRINGS_EN } from '../../src/protocol/formStrings';
import { focusedAx } from './a11yProbe';
import { demoContext, errorText, initMessage, openInitialized, useBrowser, waitForFocus } from './formHarness';

let browser: Browser;
useBrowser((launched) => {
  browser = launched;
});

const EXPECTED_ELEMENT: Record<(typeof CREATE_IMAGE_ERROR_CODES)[number], string> = {
  'InvalidParam.DataSnapshotIdNotFound': 'dataSnapshot-error',
  'InvalidParam.SystemSnapshotIdNotFound': 'systemSnapshot-error',
  'InvalidParam.IllegalImageName': 'imageName-error',
  ImageNameAlreadyExist: 'imageName-error',
  CustomImageQuotaLimit: 'quota-error',
  'InvalidParam.SystemSnapshotIdNotSupport': 'systemSnapshot-error',
  InternalError: 'banner',
  IncorrectInstanceStatus: 'banner',
  'InvalidInstanceId.NotFound': 'banner',
};

for (const code of CREATE_IMAGE_ERROR_CODES) {
  test(`${code} is shown in #${EXPECTED_ELEMENT[code]} with its RequestId, and the typed input stays`, async () => {
    const f = await openInitialized(browser);
    await f.field('imageName').fill('my-image');
    await f.field('submit').click();
    await f.waitForPosted('submit');
    await f.send({ type: 'submitState', state: { phase: 'submitting' } });
    const message = FORM_STRINGS_EN[`error.${code}` as FormStringKey];
    const requestId = `REQ-${code.replace(/\W/g, '')}`;
    const retryable = isRetryableCode(code);
    await f.send({ type: 'submitState', state: { phase: 'failed', code, requestId, placement: errorPlacement(code), retryable, message } });
    const where = EXPECTED_ELEMENT[code];
    const text = await errorText(f, where);
    assert.ok(text.includes(message), `${where} shows the message: ${text}`);
    assert.ok(text.includes(`Request ID: ${requestId}`), `${where} shows the RequestId`);
    assert.equal(await f.page.locator(`#${where}`).isVisible(), true);
    for (const other of Object.values(EXPECTED_ELEMENT).filter((e) => e !== where)) {
      assert.ok(!(await errorText(f, other)).includes(requestId), `${other} does not show it`);
    }
    if (where === 'banner') assert.equal(await f.page.locator('#retry').isVisible(), retryable);
    const field = where.replace(/-error$/, '');
    if (where !== 'banner' && where !== 'quota-error') {
      await waitForFocus(f, field);
      assert.equal((await focusedAx(f.page)).invalid, true, 'the focused control is announced as invalid');
    }
    assert.equal(await f.field('imageName').inputValue(), 'my-image');
    assert.equal(await f.page.locator('#imageName').getAttribute('disabled'), null, 'fields are unlocked again');
    assert.deepEqual(await f.cspViolations(), [], 'no CSP violation');
    assert.deepEqual(f.pageErrors, []);
    await f.page.close();
  });
}

test('a transport failure offers Retry, which posts retry; editing afterwards hides Retry so a changed form is a new submission', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('net-image');
  await f.field('submit').click();
  await f.waitForPosted('submit');
  await f.send({
    type: 'submitState',
    state: {
      phase: 'failed',
      code: 'Transport.ConnectionReset',
      requestId: '',
      placement: 'banner',
      retryable: true,
      message: 'The service could not be reached (Transport.ConnectionReset). Your input is kept: retry.',
    },
  });
  assert.equal(await f.page.locator('#retry').isVisible(), true);
  await waitForFocus(f, 'retry');
  await f.field('retry').click();
  await f.waitForPosted('retry');
  await f.field('imageName').fill('net-image-2');
  assert.equal(await f.page.locator('#retry').isVisible(), false);
  await f.page.close();
});

test('while submitting, fields and buttons are locked and the button shows progress; success shows ImageId and RequestId', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('ok-image');
  await f.field('submit').click();
  await f.waitForPosted('submit');
  await f.send({ type: 'submitState', state: { phase: 'submitting' } });
  assert.equal(await f.page.locator('#imageName').getAttribute('disabled'), '');
  assert.equal(await f.page.locator('#submit').getAttribute('disabled'), '');
  assert.equal(await f.page.locator('#submit').textContent(), 'Creating…');
  assert.equal(await f.page.locator('#submit-progress').isVisible(), true);
  await f.field('submit').click({ force: true });
  assert.equal((await f.posted()).filter((m) => m.type === 'submit').length, 1, 'no second submit while one runs');
  await f.send({ type: 'submitState', state: { phase: 'succeeded', imageId: 'm-abc123', requestId: 'REQ-OK-1' } });
  assert.equal(await f.page.locator('#result').isVisible(), true);
  assert.equal(await f.page.locator('#result-imageId').textContent(), 'm-abc123');
  assert.equal(await f.page.locator('#result-requestId').textContent(), 'REQ-OK-1');
  assert.equal(await f.page.locator('#submit-progress').isVisible(), false);
  assert.deepEqual(await f.cspViolations(), []);
  await f.page.close();
});

test('host-side validation issues are shown under their fields and the first one gets focus', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('host-checked');
  await f.field('submit').click();
  await f.waitForPosted('submit');
  await f.send({
    type: 'submitState',
    state: { phase: 'invalid', issues: [{ field: 'imageName', code: 'imageName.taken', severity: 'error' }] },
  });
  assert.match(await errorText(f, 'imageName-error'), /already exists/);
  await waitForFocus(f, 'imageName');
  await f.page.close();
});

test('a context update (after a snapshot was created) fills the empty snapshot dropdown and hides the offer', async () => {
  const empty = demoContext({ snapshots: [] });
  const f = await openInitialized(browser, initMessage(empty));
  await f.send({ type: 'snapshotState', state: 'creating' });
  assert.equal(await f.page.locator('#snapshot-progress').isVisible(), true);
  await f.send({ type: 'context', context: demoContext() });
  await f.send({ type: 'snapshotState', state: 'done' });
  assert.equal(await f.page.locator('#systemSnapshot-empty').isVisible(), false);
  assert.equal(await f.page.locator('#systemSnapshot').evaluate((e) => (e as unknown as { value: string }).value), 's-sys-new');
  await f.page.close();
});

test('ImageNameAlreadyExist from the API is shown once under the name, even after the re-read region lists the name', async () => {
  const f = await openInitialized(browser);
  await f.field('imageName').fill('raced-name');
  await f.field('submit').click();
  await f.waitForPosted('submit');
  await f.send({ type: 'submitState', state: { phase: 'submitting' } });
  const message = FORM_STRINGS_EN['error.ImageNameAlreadyExist'];
  await f.send({
    type: 'submitState',
    state: { phase: 'failed', code: 'ImageNameAlreadyExist', requestId: 'REQ-RACE', placement: 'imageName', retryable: false, message },
  });
  // The host re-reads the region after a stale-list error: now the form's own rule knows the name too.
  await f.send({ type: 'context', context: demoContext({ imageNames: ['existing-image', 'raced-name'], imageCount: 3 }) });
  await f.page.waitForTimeout(100);
  const text = await errorText(f, 'imageName-error');
  assert.ok(text.includes('Request ID: REQ-RACE'), `the API's answer with its RequestId: ${text}`);
  assert.equal(text.split(message).length - 1, 1, `the API message once: ${text}`);
  assert.equal(text, `${message} Request ID: REQ-RACE`, 'no second, rule-made sentence beside it');
  assert.equal(await f.field('imageName').inputValue(), 'raced-name');
  await f.page.close();
});
