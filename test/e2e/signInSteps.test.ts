// Sign In is one input in steps: "n/4" in its title, Back keeps what was typed; then it signs in.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, withScenario } from './lib/session';
import { answerSignInBoxes } from './lib/signIn';
import { quickInput, quickInputBox, regionRow, welcomeButton } from './lib/workbench';

after(closeBrowser);

for (const host of selectedHosts()) {
  describe(`sign-in steps on ${host.label}`, () => {
    it('walks AccessKey ID → secret → token → profile in one box with step numbers and Back', { timeout: 240_000 }, () =>
      withScenario(host, 'sign in steps', async (s) => {
        const { page } = s;
        await welcomeButton(page, /^Sign In/).click();
        const box = quickInputBox(page);
        await box.waitFor({ timeout: 30_000 });
        const title = page.locator('.quick-input-widget .quick-input-title');
        await page.locator('.quick-input-widget .quick-input-title', { hasText: '1/4' }).waitFor({ timeout: 10_000 });
        await box.fill(s.emu.accessKeyId);
        await box.press('Enter');
        await page.locator('.quick-input-widget .quick-input-title', { hasText: '2/4' }).waitFor({ timeout: 10_000 });
        assert.equal(await box.getAttribute('type'), 'password', 'the secret step is a password box');
        await s.shot('step 2 of 4');
        await quickInput(page).getByRole('button', { name: /Back/ }).click();
        await page.locator('.quick-input-widget .quick-input-title', { hasText: '1/4' }).waitFor({ timeout: 10_000 });
        assert.equal(await box.inputValue(), s.emu.accessKeyId, 'Back keeps the AccessKey ID typed before');
        assert.match((await title.textContent()) ?? '', /SWAS/);
        await box.press('Enter');
        await page.locator('.quick-input-widget .quick-input-title', { hasText: '2/4' }).waitFor({ timeout: 10_000 });
        await answerSignInBoxes(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
        await regionRow(page, 'cn-hangzhou').waitFor({ timeout: 60_000 });
      }),
    );
  });
}
