// The Create Custom Image form (webview), addressed by its ids and classes (webview/formView.ts)
// and, inside a toolkit control, by the table in webview/toolkitParts.ts (no toolkit tag here).
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { CONTROL_TAGS, FOCUS_TARGET } from '../../../webview/toolkitParts';
import { tab, webview } from './workbench';

export interface Form {
  readonly frame: FrameLocator;
  readonly imageName: Locator;
  el(selector: string): Locator;
}

/** Waits for the panel "Create Custom Image: <server>" and its form to be interactive. */
export async function openedForm(page: Page, serverName: string): Promise<Form> {
  await tab(page, `Create Custom Image: ${serverName}`).waitFor({ timeout: 30_000 });
  const frame = webview(page);
  const imageName = frame.locator('#imageName').locator(FOCUS_TARGET.textField);
  await imageName.waitFor({ timeout: 30_000 });
  return { frame, imageName, el: (sel) => frame.locator(sel) };
}

/** The text shown by a toolkit dropdown for its selected option. */
export async function dropdownText(form: Form, id: string): Promise<string> {
  return form.el(`#${id}`).evaluate((el) => {
    const shown = el.shadowRoot?.querySelector('.selected-value')?.textContent;
    return (shown ?? el.textContent ?? '').trim();
  });
}

/** Picks the option containing `text` in a toolkit dropdown. */
export async function chooseOption(form: Form, id: string, text: string): Promise<void> {
  await form.el(`#${id}`).click();
  await form.el(`#${id}`).locator(CONTROL_TAGS.option).filter({ hasText: text }).first().click();
}

export async function isDisabled(loc: Locator): Promise<boolean> {
  return loc.evaluate((el) => el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true');
}

/** Adds one tag row and fills it. */
export async function addTag(form: Form, key: string, value: string): Promise<void> {
  const before = await form.el('.tag-row').count();
  await form.el('#addTag').click();
  const row = form.el('.tag-row').nth(before);
  await row.waitFor({ timeout: 10_000 });
  await row.locator('.tag-key').locator(FOCUS_TARGET.textField).fill(key);
  await row.locator('.tag-value').locator(FOCUS_TARGET.textField).fill(value);
}
