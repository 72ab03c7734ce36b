// Unshare from the Command Palette (its region and image pickers) and Delete from the context menu,
// each through its modal confirmation; the tree follows.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { adminCall } from './lib/emulator';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, withScenario } from './lib/session';
import { signIn } from './lib/signIn';
import { contextMenu, expand, pick, quickInput, regionRow, runCommand, toast, treeItem } from './lib/workbench';

after(closeBrowser);

async function confirm(page: Page, button: string): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30_000 });
  await dialog.getByRole('button', { name: button, exact: true }).click();
}

interface Image {
  imageId: string;
  name: string;
  inShare: boolean;
}

for (const host of selectedHosts()) {
  describe(`image commands on ${host.label}`, () => {
    it(
      'unshares an image picked from the palette and deletes one from the context menu, each after a confirmation',
      { timeout: 300_000 },
      () =>
        withScenario(host, 'image commands', async (s) => {
          const { page } = s;
          // The demo account's images in cn-hangzhou, as the emulator holds them.
          const images = async (): Promise<Image[]> => {
            const state = await adminCall<{ accounts: Record<string, { regions: Record<string, { images: Image[] } | undefined> }> }>(
              s.emu,
              'GET',
              '/state',
            );
            return Object.values(state.accounts).flatMap((a) => a.regions['cn-hangzhou']?.images ?? []);
          };
          const shared = (await images()).find((i) => i.inShare);
          assert.ok(shared, 'the demo data has a shared image in cn-hangzhou');
          await signIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });

          await runCommand(page, 'SWAS: Unshare from ECS');
          await pick(page, 'cn-hangzhou');
          // The image picker (not the region picker still closing) offers only shared images.
          await quickInput(page).locator('.quick-input-box input[placeholder="Select a custom image"]').waitFor({ timeout: 30_000 });
          const rows = quickInput(page).locator('.quick-input-list .monaco-list-row');
          await rows.first().waitFor({ timeout: 30_000 });
          const offered = await rows.allInnerTexts();
          assert.equal(offered.length, 1, offered.join(' | '));
          assert.ok(offered[0]?.startsWith(shared.name), offered.join(' | '));
          await s.shot('unshare image picker');
          await pick(page, shared.name);
          await confirm(page, 'Unshare');
          await toast(page, /no longer shared/).waitFor({ timeout: 30_000 });
          assert.equal((await images()).find((i) => i.imageId === shared.imageId)?.inShare, false);

          await expand(regionRow(page, 'cn-hangzhou'));
          await expand(treeItem(page, 'Custom Images'));
          const row = treeItem(page, shared.name);
          await row.waitFor({ timeout: 30_000 });
          await contextMenu(page, row, /^Delete Custom Image/);
          await confirm(page, 'Delete');
          await toast(page, /was deleted/).waitFor({ timeout: 30_000 });
          await row.waitFor({ state: 'detached', timeout: 30_000 });
          assert.equal(
            (await images()).some((i) => i.imageId === shared.imageId),
            false,
          );
          await s.shot('image deleted');
        }),
    );
  });
}
