// Sign-in verifies what matters (issue 10 §1, swas-api-2.md A8), in real VS Code:
//  1. a key with no SWAS permission (it passes ListRegions) is refused with a message naming
//     AliyunSWASReadOnlyAccess / AliyunSWASFullAccess, and nothing is saved;
//  2. a read-only key signs in and browses; Create Custom Image then shows the API's
//     Forbidden.RAM in the form's banner (not at a field), with the policy to grant.
// Both are parts of one window: the refused sign-in leaves the welcome, where the second starts.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sealedSecrets } from './lib/browserStorage';
import { openedForm } from './lib/form';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, inParts, withScenario } from './lib/session';
import type { Scenario } from './lib/session';
import { signIn, startSignIn } from './lib/signIn';
import { contextMenu, expand, regionRow, runCommand, toast, toastMessage, treeItem, welcome, welcomeButton } from './lib/workbench';
import {
  NOPERM_ACCESS_KEY_ID,
  NOPERM_ACCESS_KEY_SECRET,
  READONLY_ACCESS_KEY_ID,
  READONLY_ACCESS_KEY_SECRET,
} from '../emulator/seeds/credentials';

after(closeBrowser);

for (const host of selectedHosts()) {
  describe(`sign-in permissions on ${host.label}`, () => {
    it('a key without SWAS permission, then a read-only key', { timeout: 480_000 }, (t) =>
      withScenario(host, 'sign-in permissions', (s) =>
        inParts(t, s, [
          { name: 'refuses a key without SWAS permission with the policies to grant, and saves nothing', run: noPermission },
          { name: 'signs in a read-only key, browses, and shows Forbidden.RAM in the form banner on Create', run: readOnly },
        ]),
      ),
    );
  });
}

async function noPermission(s: Scenario): Promise<void> {
  const { page } = s;
  await welcomeButton(page, /^Sign In/).waitFor({ timeout: 30_000 });
  const secretsBefore = await sealedSecrets(page);
  await startSignIn(page, { accessKeyId: NOPERM_ACCESS_KEY_ID, accessKeySecret: NOPERM_ACCESS_KEY_SECRET });
  const error = toast(page, /Sign-in failed/i);
  await error.waitFor({ timeout: 30_000 });
  const text = await toastMessage(error);
  assert.match(text, /AliyunSWASReadOnlyAccess/, text);
  assert.match(text, /AliyunSWASFullAccess/, text);
  assert.match(text, /Nothing was saved/i, text);
  await s.shot('no permission refused');
  // The failure toast is shown after the check and instead of the save: nothing was stored.
  assert.equal(await welcome(page).isVisible(), true, 'the welcome must still be shown');
  assert.equal(await sealedSecrets(page), secretsBefore, 'SecretStorage changed after a refused sign-in');
  // The user reads it and closes it (the next sign-in must not mistake it for its own failure).
  await runCommand(page, 'Notifications: Clear All Notifications');
  await error.waitFor({ state: 'detached', timeout: 10_000 });
}

async function readOnly(s: Scenario): Promise<void> {
  const { page } = s;
  await signIn(page, { accessKeyId: READONLY_ACCESS_KEY_ID, accessKeySecret: READONLY_ACCESS_KEY_SECRET });
  await toast(page, /Signed in/i).waitFor({ timeout: 30_000 });
  await expand(regionRow(page, 'cn-hangzhou'));
  await expand(treeItem(page, 'db-staging'));
  const snap = treeItem(page, 'db-staging-sys-0520');
  await snap.waitFor({ timeout: 30_000 });
  await s.shot('read-only browses');
  await contextMenu(page, snap, /^Create Custom Image/);
  const form = await openedForm(page, 'db-staging');
  await form.imageName.fill('readonly-e2e');
  await form.imageName.press('Tab');
  await form.el('#submit').click();
  const banner = form.el('#banner');
  await banner.waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await form.el('#banner-text').textContent()) ?? '';
  assert.match(text, /AliyunSWASFullAccess/, `banner: "${text}"`);
  assert.equal((await form.el('#imageName-error').textContent())?.trim() ?? '', '', 'nothing at the name field');
  assert.equal(await form.el('#retry').isVisible(), false, 'no Retry for a permission refusal');
  await s.shot('forbidden in banner');
}
