// A swas.endpoint host that is neither Alibaba Cloud's nor loopback is confirmed in a modal that
// names it; refusing sends nothing and saves nothing. (Confirming is not exercised here: it would
// send a request outside 127.0.0.0/8.)
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { adminCall } from './lib/emulator';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, withScenario } from './lib/session';
import { startSignIn } from './lib/signIn';
import { toast, toastMessage, welcome } from './lib/workbench';

after(closeBrowser);

const RELAY = 'relay.example.invalid:8443';

for (const host of selectedHosts()) {
  describe(`endpoint trust on ${host.label}`, () => {
    it('asks before sending signed requests to an unknown host, and a refusal sends and saves nothing', { timeout: 240_000 }, () =>
      withScenario(
        host,
        'endpoint trust',
        async (s) => {
          const { page } = s;
          await adminCall(s.emu, 'DELETE', '/requests');
          const signingIn = startSignIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
          const dialog = page.locator('.monaco-dialog-box');
          await dialog.waitFor({ timeout: 60_000 });
          const text = (await dialog.textContent()) ?? '';
          assert.ok(text.includes(RELAY), `the dialog names the host: "${text}"`);
          await s.shot('endpoint confirmation');
          await dialog.getByRole('button', { name: 'Cancel' }).click();
          await signingIn.catch(() => undefined);
          const error = toast(page, /Nothing was sent/);
          await error.waitFor({ timeout: 30_000 });
          assert.match(await toastMessage(error), /not confirmed/);
          assert.equal(await welcome(page).isVisible(), true, 'still signed out');
          const { requests } = await adminCall<{ requests: unknown[] }>(s.emu, 'GET', '/requests');
          assert.equal(requests.length, 0);
        },
        { settings: { 'swas.endpoint': `https://${RELAY}` } },
      ),
    );
  });
}
