// Steps on servers shared by scenarios: Apply Image to Server from a Custom Images row (the
// server picker, the modal, the typed name) and Run Command from a server row (the command box,
// the modal, the timeout and user boxes), each the way a user goes through them.
import type { Page } from 'playwright-core';
import { answer, contextMenu, dialogButton, quickInput, quickInputBox, treeItem } from './workbench';

/** From the image's row: pick `server` in the picker, confirm the modal, type the server's name. */
export async function applyImageFromTree(page: Page, image: string, server: string): Promise<void> {
  await contextMenu(page, treeItem(page, image), /^Apply Image to Server/);
  await quickInput(page).waitFor({ timeout: 30_000 });
  await quickInputBox(page).fill(server);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: server }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.keyboard.press('Enter');
  await dialogButton(page, new RegExp(`Reset server "${server}"`), /^Reset…$/);
  await answer(page, `Type the server name "${server}"`, server);
}

/** From the server's row: Run Command with `script`, the default timeout and user. */
export async function runCommandFromTree(page: Page, server: string, script: string): Promise<void> {
  await contextMenu(page, treeItem(page, server), /^Run Command/);
  await answer(page, 'Command to run on 1 server', script);
  await dialogButton(page, /Run this script on 1 server/, /^Run$/);
  await answer(page, 'Timeout in seconds'); // 60
  await answer(page, 'Run as this user'); // root
}
