// Driving the VS Code workbench (1.100 and 1.139) the way a user does: selectors and waits
// measured in HARNESS §3.4. Waits are for state (elements, attributes), never fixed sleeps,
// except the short pause of the context-menu fix.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { attributeBecomes } from './wait';

export const EXTENSION_ID = 'swas-explorer.swas-explorer';
const T = 30_000;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function waitForWorkbench(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
}

/** Opens the "SWAS Explorer" view container from the activity bar (no-op if already open). */
export async function openSwasView(page: Page): Promise<void> {
  const item = page.locator('.activitybar [aria-label^="SWAS Explorer"]').first();
  await item.waitFor({ timeout: 60_000 });
  // The pane header is hidden when the container has one view: wait for the pane body.
  const pane = page.locator('.pane:has(> .pane-header[aria-label^="Servers"]) > .pane-body');
  if (await pane.isVisible()) return;
  await item.click();
  await pane.waitFor({ timeout: T });
}

/** The welcome content of the Servers view (shown while signed out). */
export function welcome(page: Page): Locator {
  return page.locator('.welcome-view-content').filter({ hasText: /Sign in/i });
}

export function welcomeButton(page: Page, name: RegExp | string): Locator {
  return page.locator('.welcome-view-content').getByRole('button', { name });
}

/** A tree row whose accessible name starts with `prefix` (the node's label). */
export function treeItem(page: Page, prefix: string): Locator {
  return page.getByRole('treeitem', { name: new RegExp(`^${escapeRe(prefix)}\\b`) }).first();
}

/** A tree row whose accessible name contains `text`. */
export function treeItemWith(page: Page, text: string | RegExp): Locator {
  return page.getByRole('treeitem', { name: text }).first();
}

/** The region row whose description is `regionId` (its label is the localized LocalName). */
export function regionRow(page: Page, regionId: string): Locator {
  return page
    .getByRole('treeitem')
    .filter({ has: page.locator('.label-description', { hasText: new RegExp(`^${escapeRe(regionId)}$`) }) })
    .first();
}

export async function expand(row: Locator): Promise<void> {
  await row.waitFor({ timeout: T });
  for (let i = 0; i < 3; i++) {
    if ((await row.getAttribute('aria-expanded')) === 'true') return;
    await row.click();
    if (await attributeBecomes(row, 'aria-expanded', 'true', 5000)) return;
    // the click did not toggle it (still loading or swallowed); try again
  }
  throw new Error(`could not expand ${await row.getAttribute('aria-label')}`);
}

/** Collapses an expanded row (no-op if it is collapsed). */
export async function collapse(row: Locator): Promise<void> {
  await row.waitFor({ timeout: T });
  for (let i = 0; i < 3; i++) {
    if ((await row.getAttribute('aria-expanded')) !== 'true') return;
    await row.click();
    if (await attributeBecomes(row, 'aria-expanded', 'false', 5000)) return;
  }
  throw new Error(`could not collapse ${await row.getAttribute('aria-label')}`);
}

/** The labels (as rendered) of the rows at the root of the tree, top to bottom. */
export async function rootRowLabels(page: Page): Promise<string[]> {
  const rows = page.locator('.pane:has(> .pane-header[aria-label^="Servers"]) > .pane-body [role="treeitem"][aria-level="1"] .label-name');
  return (await rows.allTextContents()).map((t) => t.trim());
}

/** The text VS Code renders for the row's description. */
export async function rowDescription(row: Locator): Promise<string> {
  return (await row.locator('.label-description').first().textContent())?.trim() ?? '';
}

/** Right-click `row` and run the menu item (hover, pause, click, confirm the menu closed — HARNESS §3.4). */
export async function contextMenu(page: Page, row: Locator, item: RegExp | string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await row.click({ button: 'right' });
    const mi = page.locator('.context-view .monaco-menu').getByRole('menuitem', { name: item }).first();
    await mi.waitFor({ timeout: T });
    await mi.hover();
    await page.waitForTimeout(250);
    await mi.click();
    try {
      await mi.waitFor({ state: 'detached', timeout: 2000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`the context menu item ${String(item)} did not run`);
}

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

export function quickInputBox(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-box input');
}

/** F1 → ">title" → Enter on the matching command row. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = quickInputBox(page);
  await input.waitFor({ timeout: T });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first();
  await row.waitFor({ timeout: T });
  await row.click();
}

/** Picks the quick-pick row containing `text`. */
export async function pick(page: Page, text: string | RegExp): Promise<void> {
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: text }).first();
  await row.waitFor({ timeout: T });
  await row.hover();
  await row.click();
}

/** A visible notification toast with the given text. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
}

/** The message of a toast (without the styles VS Code puts inside the toast element). */
export async function toastMessage(t: Locator): Promise<string> {
  return ((await t.locator('.notification-list-item-message').first().textContent()) ?? '').trim();
}

/** The editor tab with the given title. */
export function tab(page: Page, title: string | RegExp): Locator {
  return page.locator('.tabs-container .tab').filter({ hasText: title }).first();
}

/** The inner frame of our extension's active webview (the Create Custom Image form). */
export function webview(page: Page): FrameLocator {
  return page.frameLocator(`iframe.webview.ready[src*="extensionId=${EXTENSION_ID}"]`).last().frameLocator('iframe#active-frame');
}

/** Clicks a button of the modal dialog that shows `text` (VS Code's own dialog, not the OS one). */
export async function dialogButton(page: Page, text: string | RegExp, button: string | RegExp): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: text }).first();
  await dialog.waitFor({ timeout: 30_000 });
  const b = dialog.locator('.dialog-buttons .monaco-button').filter({ hasText: button }).first();
  await b.click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
}

/** The text of the visible integrated terminal (DOM renderer: `terminal.integrated.gpuAcceleration` off). */
export async function terminalText(page: Page): Promise<string> {
  return (
    (await page
      .locator('.terminal-wrapper.active .xterm-rows')
      .first()
      .innerText()
      .catch(() => '')) ?? ''
  );
}

/** Answers the input box whose prompt shows `prompt` (Enter keeps the proposed value). */
export async function answer(page: Page, prompt: string | RegExp, value?: string): Promise<void> {
  await page.locator('.quick-input-widget').filter({ hasText: prompt }).waitFor({ timeout: T });
  const box = quickInputBox(page);
  if (value !== undefined) await box.fill(value);
  await page.keyboard.press('Enter');
}

/** The text of the last editor shown (the Run Command report), with non-breaking spaces as spaces. */
export async function lastEditorText(page: Page): Promise<string> {
  return (
    await page
      .locator('.monaco-editor .view-lines')
      .last()
      .innerText()
      .catch(() => '')
  ).replace(/\u00a0/g, ' ');
}
