// Signing in through the UI: the "Sign In" button of the welcome view, then the input boxes
// (AccessKey ID, secret, optional STS token, profile name), each answered by what it asks for.
import type { Page } from 'playwright-core';
import { quickInput, quickInputBox, regionRow, toast, toastMessage, welcomeButton } from './workbench';

export interface Keys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

interface Box {
  /** What the box asks: placeholder + prompt, lower case. */
  asks: string;
  /** Identity of the box (asks + input type). */
  sig: string;
}

async function readBox(page: Page): Promise<Box | null> {
  if (!(await quickInput(page).isVisible())) return null;
  const input = quickInputBox(page);
  if (!(await input.isVisible())) return null;
  const ph = (await input.getAttribute('placeholder')) ?? '';
  const type = (await input.getAttribute('type')) ?? '';
  const msg =
    (await page
      .locator('.quick-input-widget .quick-input-message')
      .textContent()
      .catch(() => '')) ?? '';
  const asks = `${ph} ${msg}`.trim().toLowerCase();
  if (!asks) return null; // between two boxes: the widget is being refilled
  return { asks, sig: `${ph}|${msg}|${type}` };
}

/**
 * Waits for a box other than `last` that stays the same for 300 ms (VS Code refills one widget
 * box after box, so a half-updated box must not be answered); null when none shows for `idleMs`.
 */
async function nextBox(page: Page, last: string, idleMs = 3000): Promise<Box | null> {
  let goneSince = Date.now();
  let candidate: Box | null = null;
  let candidateSince = 0;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const box = await readBox(page);
    if (box && box.sig !== last) {
      if (candidate?.sig === box.sig) {
        if (Date.now() - candidateSince >= 300) return box;
      } else {
        candidate = box;
        candidateSince = Date.now();
      }
    } else {
      candidate = null;
    }
    if (box === null) {
      if (Date.now() - goneSince > idleMs) return null;
    } else goneSince = Date.now();
    if (Date.now() > deadline) throw new Error(`the input box "${last}" did not go away: ${box?.asks ?? ''}`);
    await page.waitForTimeout(100);
  }
}

/** Answers the Sign In input boxes; returns what each box asked. */
export async function answerSignInBoxes(page: Page, keys: Keys): Promise<string[]> {
  const asked: string[] = [];
  await quickInputBox(page).waitFor({ timeout: 30_000 });
  let last = '';
  for (let i = 0; i < 8; i++) {
    const box = await nextBox(page, last);
    if (box === null) break;
    asked.push(box.asks);
    const input = quickInputBox(page);
    if (/access ?key id/.test(box.asks)) await input.fill(keys.accessKeyId);
    else if (/secret/.test(box.asks)) await input.fill(keys.accessKeySecret);
    else if (/token/.test(box.asks)) await input.fill(keys.securityToken ?? '');
    else if (/profile/.test(box.asks) && (await input.inputValue()) === '') await input.fill('default');
    // any other box: keep the default it offers
    last = box.sig;
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

/** Signs in and waits until the tree shows the demo region cn-hangzhou (or fails with the error shown). */
export async function signIn(page: Page, keys: Keys): Promise<void> {
  const asked = await startSignIn(page, keys);
  const region = regionRow(page, 'cn-hangzhou');
  const failed = toast(page, /failed|error|could not/i);
  await Promise.race([region.waitFor({ timeout: 30_000 }), failed.waitFor({ timeout: 30_000 })]);
  if (!(await region.isVisible())) {
    throw new Error(`sign-in did not show the tree: ${await toastMessage(failed).catch(() => '')} (boxes: ${asked.join(' / ')})`);
  }
}
