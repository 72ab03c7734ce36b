// Signing in through the UI: the "Sign In" button of the welcome view, then the input boxes
// (AccessKey ID, secret, optional STS token, profile name — answered by what each box asks).
import type { Page } from 'playwright-core';
import { quickInput, quickInputBox, regionRow, welcomeButton } from './workbench';

export interface Keys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

async function boxSignature(page: Page): Promise<string | null> {
  if (!(await quickInput(page).isVisible())) return null;
  const input = quickInputBox(page);
  if (!(await input.isVisible())) return null;
  const ph = (await input.getAttribute('placeholder')) ?? '';
  const aria = (await input.getAttribute('aria-label')) ?? '';
  const type = (await input.getAttribute('type')) ?? '';
  return `${ph}|${aria}|${type}`;
}

/** Waits for an input box different from `last`; null when no box shows up for `idleMs`. */
async function nextBox(page: Page, last: string, idleMs = 2500): Promise<string | null> {
  let hiddenSince = Date.now();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const sig = await boxSignature(page);
    if (sig !== null && sig !== last) return sig;
    if (sig === null) {
      if (Date.now() - hiddenSince > idleMs) return null;
    } else hiddenSince = Date.now();
    if (Date.now() > deadline) {
      const msg = await page.locator('.quick-input-widget .quick-input-message').textContent().catch(() => '');
      throw new Error(`the input box "${last}" did not accept the value: ${msg ?? ''}`);
    }
    await page.waitForTimeout(100);
  }
}

/** Answers the Sign In input boxes; returns what each box asked (its placeholder/label). */
export async function answerSignInBoxes(page: Page, keys: Keys): Promise<string[]> {
  const asked: string[] = [];
  await quickInputBox(page).waitFor({ timeout: 30_000 });
  let last = '';
  for (let i = 0; i < 8; i++) {
    const sig = await nextBox(page, last);
    if (sig === null) break;
    asked.push(sig);
    const input = quickInputBox(page);
    const what = sig.toLowerCase();
    if (/accesskey id|access key id/.test(what)) await input.fill(keys.accessKeyId);
    else if (/secret/.test(what)) await input.fill(keys.accessKeySecret);
    else if (/token/.test(what)) await input.fill(keys.securityToken ?? '');
    // any other box (profile name): keep the default it offers
    last = sig;
    await input.press('Enter');
  }
  return asked;
}

/** Welcome view → Sign In → the boxes. Does not wait for the outcome. */
export async function startSignIn(page: Page, keys: Keys): Promise<string[]> {
  const button = welcomeButton(page, /^Sign In/);
  await button.waitFor({ timeout: 30_000 });
  await button.click();
  return answerSignInBoxes(page, keys);
}

/** Signs in and waits until the tree shows the demo region cn-hangzhou. */
export async function signIn(page: Page, keys: Keys): Promise<void> {
  await startSignIn(page, keys);
  await regionRow(page, 'cn-hangzhou').waitFor({ timeout: 30_000 });
}
