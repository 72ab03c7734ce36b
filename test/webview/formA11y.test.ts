// The form as assistive technology meets it: names and descriptions of the element that takes
// focus (read from Chromium's accessibility tree, not from attributes), one announcement on an
// invalid submit, and axe-core in the three kinds of VS Code theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { fmt, FORM_STRINGS_EN as T } from '../../src/protocol/formStrings';
import { DESCRIPTION_MAX } from '../../src/core/rules/description';
import { MAX_TAGS } from '../../src/core/rules/tags';
import { announcements, axeViolations, axOnFocus, focusedAx, recordLiveRegions } from './a11yProbe';
import type { FormPage } from './formHarness';
import { activeId, initMessage, openInitialized, useBrowser, waitForText } from './formHarness';
import type { ThemeKind } from './themes';
import { FRAME_PART } from '../../webview/toolkitParts';

let browser: Browser;
useBrowser((launched) => {
  browser = launched;
});

const TAGS_HELP = fmt(T['tags.help'], MAX_TAGS);

/** Answer the form's "is this name free?" request, so its status line stops moving the layout. */
async function nameIsFree(f: FormPage): Promise<void> {
  const req = await f.waitForPosted('request');
  await f.send({ type: 'response', id: req.id as number, kind: 'checkName', ok: true, result: { taken: false } });
  await waitForText(f, 'imageName-status', T['imageName.free']);
}

test('every control that takes focus has its accessible name and its help as description', async () => {
  const f = await openInitialized(browser);
  await f.field('addTag').click();
  const expected: Array<[Parameters<FormPage['field']>[0], string, string, string]> = [
    ['imageName', 'textbox', T['imageName.label'], T['imageName.help']],
    ['systemSnapshot', 'combobox', T['systemSnapshot.label'], T['systemSnapshot.help']],
    ['dataSnapshot', 'combobox', T['dataSnapshot.label'], T['dataSnapshot.help']],
    ['description', 'textbox', T['description.label'], fmt(T['description.help'], DESCRIPTION_MAX)],
    ['tagKey', 'textbox', fmt(T['tags.keyAria'], 1), TAGS_HELP],
    ['tagValue', 'textbox', fmt(T['tags.valueAria'], 1), TAGS_HELP],
    ['tagRemove', 'button', fmt(T['tags.removeAria'], 1), ''],
    ['addTag', 'button', T['tags.add'], ''],
    ['resourceGroupId', 'textbox', T['resourceGroupId.label'], T['resourceGroupId.help']],
    ['submit', 'button', T.submit, ''],
    ['cancel', 'button', T.cancel, ''],
    ['copyCli', 'button', T.copyCli, ''],
  ];
  for (const [name, role, accessibleName, description] of expected) {
    const ax = await axOnFocus(f.field(name, 0));
    assert.deepEqual({ role: ax.role, name: ax.name, description: ax.description }, { role, name: accessibleName, description }, name);
    // Playwright's own role query finds that very element by the same name.
    const byRole = await f.page.getByRole(role as 'textbox', { name: accessibleName, exact: true }).elementHandle();
    assert.equal(
      await f.field(name, 0).evaluate((el, other) => el === other, byRole),
      true,
      `${name}: getByRole finds the focusable element`,
    );
  }
  assert.equal((await axOnFocus(f.field('imageName'))).required, true, 'the name is announced as required');
  assert.equal((await axOnFocus(f.field('systemSnapshot'))).required, true, 'the system snapshot is announced as required');
  assert.equal((await axOnFocus(f.field('description'))).required, false);
  await f.page.close();
});

test('Tab into the name field: a screen reader hears its name and help, and after a mistake the error and "invalid"', async () => {
  const f = await openInitialized(browser);
  await f.page.keyboard.press('Tab');
  assert.deepEqual(await focusedAx(f.page), {
    role: 'textbox',
    name: T['imageName.label'],
    description: T['imageName.help'],
    invalid: false,
    required: true,
  });
  await f.field('imageName').fill('-bad name');
  const bad = await focusedAx(f.page);
  assert.equal(bad.invalid, true);
  assert.equal(bad.description, `${T['imageName.help']} ${T['rule.imageName.start']}`);
  await f.field('imageName').fill('good-name');
  const good = await focusedAx(f.page);
  assert.equal(good.invalid, false);
  assert.equal(good.description, T['imageName.help'], 'the cleared error is no longer described');
  await f.page.close();
});

test('a tag value error is described on the value field, which alone is marked invalid', async () => {
  const f = await openInitialized(browser);
  await f.field('addTag').click();
  await f.field('tagKey', 0).fill('site');
  await f.field('tagValue', 0).fill('https://example.com');
  const value = await axOnFocus(f.field('tagValue', 0));
  assert.equal(value.invalid, true);
  assert.equal(value.description, `${TAGS_HELP} ${T['rule.tagValue.url']}`);
  const key = await axOnFocus(f.field('tagKey', 0));
  assert.equal(key.invalid, false);
  await f.page.close();
});

test('an invalid submit makes exactly one polite announcement naming the fields, and focus moves to the first of them', async () => {
  const f = await openInitialized(browser);
  await f.field('addTag').click();
  await f.field('tagKey', 0).fill('site');
  await f.field('tagValue', 0).fill('https://example.com');
  await recordLiveRegions(f.page);
  await f.field('submit').click();
  assert.deepEqual(await announcements(f.page), [
    {
      region: 'form-summary',
      politeness: 'polite',
      text: fmt(T['summary.many'], 2, `${T['imageName.label']} and ${fmt(T['tags.valueAria'], 1)}`),
    },
  ]);
  assert.equal(await activeId(f), 'imageName');
  const ax = await focusedAx(f.page);
  assert.equal(ax.name, T['imageName.label']);
  assert.equal(ax.invalid, true);
  assert.equal((await f.posted()).filter((m) => m.type === 'submit').length, 0);
  await f.page.close();
});

test('one invalid field: the summary says so in the singular; fixing everything and submitting clears it', async () => {
  const f = await openInitialized(browser);
  await recordLiveRegions(f.page);
  await f.field('submit').click();
  const once = [{ region: 'form-summary', politeness: 'polite', text: fmt(T['summary.one'], T['imageName.label']) }];
  assert.deepEqual(await announcements(f.page), once);
  await recordLiveRegions(f.page);
  await f.field('submit').click();
  assert.deepEqual(await announcements(f.page), once, 'a second submit with the same problem updates the live region again');
  await f.field('imageName').fill('fixed-name');
  await nameIsFree(f);
  await f.field('submit').click();
  await f.waitForPosted('submit');
  assert.equal((await f.page.locator('#form-summary').textContent()) ?? '', '');
  await f.page.close();
});

const THEME_KINDS: ThemeKind[] = ['light', 'dark', 'highContrast'];
for (const theme of THEME_KINDS) {
  test(`axe-core: no serious or critical violation in the ${theme} theme, untouched, with errors shown and with an API error`, async () => {
    const f = await openInitialized(browser, initMessage(), undefined, { theme });
    assert.deepEqual(await axeViolations(f.page), [], 'untouched form');
    await f.field('addTag').click();
    await f.field('tagKey', 0).fill('acs:owner');
    await f.field('description').fill('https://example.com');
    await f.field('submit').click();
    assert.deepEqual(await axeViolations(f.page), [], 'after an invalid submit');
    await f.field('imageName').fill('my-image');
    await nameIsFree(f);
    await f.field('tagKey', 0).fill('owner');
    await f.field('description').fill('fine');
    await f.field('submit').click();
    await f.waitForPosted('submit');
    await f.send({
      type: 'submitState',
      state: {
        phase: 'failed',
        code: 'InternalError',
        requestId: 'REQ-1',
        placement: 'banner',
        retryable: true,
        message: T['error.InternalError'],
      },
    });
    assert.deepEqual(await axeViolations(f.page), [], 'with an API error in the banner');
    await f.send({
      type: 'submitState',
      state: {
        phase: 'failed',
        code: 'ImageNameAlreadyExist',
        requestId: 'REQ-2',
        placement: 'imageName',
        retryable: false,
        message: T['error.ImageNameAlreadyExist'],
      },
    });
    assert.deepEqual(await axeViolations(f.page), [], 'with an API error under a field');
    assert.deepEqual(await f.cspViolations(), [], 'the theme is applied without breaking the CSP');
    assert.deepEqual(f.pageErrors, []);
    await f.page.close();
  });
}

test('in Simplified Chinese the summary lists the fields the Chinese way', async () => {
  const zh = JSON.parse(readFileSync(resolve(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const strings = Object.fromEntries(Object.entries(T).map(([k, en]) => [k, zh[en] ?? en])) as typeof T;
  const f = await openInitialized(browser, { ...initMessage(), locale: 'zh-cn', strings } as ReturnType<typeof initMessage>);
  await f.field('addTag').click();
  await f.field('tagKey', 0).fill('site');
  await f.field('tagValue', 0).fill('https://example.com');
  await f.field('submit').click();
  const expected = fmt(strings['summary.many'], 2, `${strings['imageName.label']}和${fmt(strings['tags.valueAria'], 1)}`);
  assert.match(expected, /^有 2 个字段需要处理：/);
  assert.equal((await f.page.locator('#form-summary').textContent()) ?? '', expected);
  await f.page.close();
});

test('without ARIA element references (Chromium before 135, as in VS Code 1.100) help and error still reach the focused input', async () => {
  const f = await openInitialized(browser, initMessage(), undefined, { withoutElementReflection: true });
  assert.equal(await f.page.evaluate('"ariaDescribedByElements" in Element.prototype'), false, 'the old engine is simulated');
  assert.deepEqual(await axOnFocus(f.field('imageName')), {
    role: 'textbox',
    name: T['imageName.label'],
    description: T['imageName.help'],
    invalid: false,
    required: true,
  });
  assert.equal((await axOnFocus(f.field('description'))).description, fmt(T['description.help'], DESCRIPTION_MAX));
  await f.field('imageName').fill('-bad name');
  const bad = await focusedAx(f.page);
  assert.equal(bad.invalid, true);
  assert.equal(bad.description, `${T['imageName.help']} ${T['rule.imageName.start']}`);
  await f.field('imageName').fill('good-name');
  assert.equal((await focusedAx(f.page)).description, T['imageName.help']);
  await f.field('addTag').click();
  assert.equal((await axOnFocus(f.field('tagKey', 0))).description, TAGS_HELP);
  assert.deepEqual(await axeViolations(f.page), []);
  await f.page.close();
});

test('an invalid field shows the error frame, except while focused: then the theme focus frame stays visible', async () => {
  const f = await openInitialized(browser, initMessage(), undefined, { theme: 'dark' });
  const frame = (name: 'imageName' | 'tagValue'): Promise<string> =>
    f.host(name, 0).evaluate((el, part) => {
      // Page-side code; the host tsconfig has no DOM lib.
      const w = globalThis as unknown as { getComputedStyle(e: unknown): { borderTopColor: string } };
      const root = el.shadowRoot?.querySelector(`[part~="${part}"]`);
      return root ? w.getComputedStyle(root).borderTopColor : 'no frame';
    }, FRAME_PART.textField);
  const FOCUS = 'rgb(0, 120, 212)'; // Dark Modern focusBorder #0078d4
  const ERROR = 'rgb(190, 17, 0)'; // inputValidation.errorBorder #be1100
  // A tag value with a URL breaks a confirmed rule (an error, not advice).
  await f.field('addTag').click();
  await f.field('tagKey', 0).fill('team');
  assert.notEqual(await frame('tagValue'), ERROR, 'a valid field has its normal frame');
  await f.field('tagValue', 0).fill('https://example.com');
  await f.field('submit').click();
  assert.equal(await activeId(f), 'imageName');
  assert.deepEqual([await frame('imageName'), await frame('tagValue')], [FOCUS, ERROR]);
  await f.field('tagValue', 0).focus();
  assert.deepEqual([await frame('imageName'), await frame('tagValue')], [ERROR, FOCUS]);
  await f.page.close();
});
