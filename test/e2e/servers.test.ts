// Scenario: server operations in the real workbench. Stop a server from its context menu and
// see Stopping… → Stopped; select two stopped servers and start both with one call; apply a custom image to another server through the modal and the
// typed name and see Resetting…; reload the window during the reset and see the Activity row
// resume and finish (Running). A screenshot of the Activity view is kept as an artifact.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { adminCall, advanceClock } from './lib/emulator';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, withScenario } from './lib/session';
import { applyImageFromTree } from './lib/serverSteps';
import { signIn } from './lib/signIn';
import { waitForText } from './lib/wait';
import { contextMenu, expand, openSwasView, regionRow, treeItem, waitForWorkbench } from './lib/workbench';

after(closeBrowser);

async function dialogButton(page: Page, name: string): Promise<void> {
  const button = page.locator('.monaco-dialog-box').getByRole('button', { name, exact: true });
  await button.waitFor({ timeout: 30_000 });
  await button.click();
  await page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: 10_000 });
}

async function openActivity(page: Page): Promise<void> {
  const header = page.locator('.pane-header[aria-label^="Activity"]').first();
  await header.waitFor({ timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

const description = (page: Page, name: string) => treeItem(page, name).locator('.label-description').first();

for (const host of selectedHosts()) {
  describe(`server operations on ${host.label}`, () => {
    it('stops a server, applies an image with the typed name, and the Activity row survives a reload', { timeout: 300_000 }, () =>
      withScenario(host, 'servers', async (s) => {
        const { page } = s;
        await signIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
        await expand(regionRow(page, 'cn-hangzhou'));
        await treeItem(page, 'web-prod-1').waitFor({ timeout: 30_000 });

        await contextMenu(page, treeItem(page, 'web-prod-1'), /^Stop Server/);
        await dialogButton(page, 'Stop');
        await waitForText(description(page, 'web-prod-1'), /^Stopping/, 15_000);
        await advanceClock(s.emu, 10);
        await waitForText(description(page, 'web-prod-1'), /^Stopped/, 30_000);
        s.mark('stopped');

        // Both web-prod-1 and db-staging are Stopped now: select both, start them at once.
        await treeItem(page, 'web-prod-1').click();
        await treeItem(page, 'db-staging').click({ modifiers: ['Control'] });
        await contextMenu(page, treeItem(page, 'db-staging'), /^Start Server/);
        await waitForText(description(page, 'web-prod-1'), /^Starting/, 15_000);
        await waitForText(description(page, 'db-staging'), /^Starting/, 15_000);
        const starts = (await adminCall<{ requests: { action: string }[] }>(s.emu, 'GET', '/requests')).requests.filter(
          (r) => r.action === 'StartInstances',
        );
        assert.equal(starts.length, 1, 'one StartInstances call for both servers');
        await advanceClock(s.emu, 10);
        await waitForText(description(page, 'db-staging'), /^Running/, 30_000);
        await waitForText(description(page, 'web-prod-1'), /^Running/, 30_000);
        s.mark('started two');
        // Away from the rows, so that no hover tooltip covers the next one.
        await page.mouse.move(900, 700);
        await page.keyboard.press('Escape');

        await expand(treeItem(page, 'Custom Images'));
        await applyImageFromTree(page, 'web-prod-golden', 'db-staging');
        await waitForText(description(page, 'db-staging'), /^Resetting/, 15_000);
        await openActivity(page);
        const resetRow = page.getByRole('treeitem', { name: /^Reset System: db-staging/ }).first();
        await resetRow.waitFor({ timeout: 30_000 });
        await s.shot('activity during reset');

        await page.reload();
        await waitForWorkbench(page, 60_000);
        // The reloaded window restores the open SWAS container; open it only if it is not.
        const pane = page.locator('.pane:has(> .pane-header[aria-label^="Servers"]) > .pane-body');
        await pane.waitFor({ timeout: 20_000 }).catch(() => openSwasView(page));
        await openActivity(page);
        const again = page.getByRole('treeitem', { name: /^Reset System: db-staging/ }).first();
        await again.waitFor({ timeout: 60_000 });
        assert.match((await again.getAttribute('aria-label')) ?? '', /Resetting/);
        await advanceClock(s.emu, 60);
        await waitForText(again.locator('.label-description').first(), /^Succeeded/, 60_000);
        await expand(regionRow(page, 'cn-hangzhou'));
        await waitForText(description(page, 'db-staging'), /^Running/, 30_000);
        await s.shot('activity view');
      }),
    );
  });
}
