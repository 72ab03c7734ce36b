// Scenario 1: signed out → the welcome with Sign In; a wrong secret shows a clear error and saves
// nothing; the right keys sign in and the tree appears.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sealedSecrets } from './lib/browserStorage';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, withScenario } from './lib/session';
import { signIn, startSignIn } from './lib/signIn';
import { regionRow, toast, toastMessage, welcome, welcomeButton } from './lib/workbench';

after(closeBrowser);

for (const host of selectedHosts()) {
  describe(`sign in on ${host.label}`, () => {
    it('shows the welcome with Sign In when signed out; a wrong secret shows a clear error and saves nothing', { timeout: 240_000 }, () =>
      withScenario(host, 'sign in', async (s) => {
        const { page } = s;
        await welcomeButton(page, /^Sign In/).waitFor({ timeout: 30_000 });
        await s.shot('signed out welcome');
        const secretsBefore = await sealedSecrets(page);

        await startSignIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: 'not-the-right-secret-0000' });
        const error = toast(page, /Sign-in failed/i);
        await error.waitFor({ timeout: 30_000 });
        const text = await toastMessage(error);
        assert.match(text, /secret does not match/i, `the error should say the secret is wrong: "${text}"`);
        assert.match(text, /Nothing was saved/i);
        await s.shot('wrong secret error');
        s.mark('wrong secret rejected');
        // Nothing saved: still signed out, and SecretStorage (browser localStorage) unchanged.
        await page.waitForTimeout(1000);
        assert.equal(await welcome(page).isVisible(), true, 'the welcome must still be shown');
        assert.equal(await sealedSecrets(page), secretsBefore, 'SecretStorage changed after a failed sign-in');

        await page.keyboard.press('Escape');
        await signIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
        await toast(page, /Signed in/i).waitFor({ timeout: 30_000 });
        assert.equal(await welcome(page).isVisible(), false, 'the welcome should be gone once signed in');
        assert.equal(await regionRow(page, 'cn-hangzhou').isVisible(), true);
        await s.shot('signed in');
      }),
    );
  });
}
