// Scenario 6: Command Palette → "SWAS: Create Custom Image…" → pick region and server → the form;
// a disabled server is listed with the reason and refused with a message.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { dropdownText, openedForm } from './lib/form';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, withScenario } from './lib/session';
import { signIn } from './lib/signIn';
import { pick, runCommand, toast } from './lib/workbench';

after(closeBrowser);

for (const host of selectedHosts()) {
  describe(`command palette on ${host.label}`, () => {
    it('opens the form for the region and server picked after "SWAS: Create Custom Image…"', { timeout: 240_000 }, () =>
      withScenario(host, 'palette', async (s) => {
        const { page } = s;
        await signIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
        // A disabled server is listed with the reason, and picking it says why instead of opening the form.
        await runCommand(page, 'SWAS: Create Custom Image');
        await pick(page, 'cn-hangzhou');
        const refused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'legacy-blog' }).first();
        await refused.waitFor({ timeout: 30_000 });
        assert.match((await refused.textContent()) ?? '', /Disabled \(EXPIRED\): a disabled server cannot make images/);
        await s.shot('disabled server with its reason');
        await pick(page, 'legacy-blog');
        await toast(page, /"legacy-blog" cannot be chosen: Disabled/).waitFor({ timeout: 30_000 });
        await runCommand(page, 'SWAS: Create Custom Image');
        await pick(page, 'cn-hangzhou');
        await s.shot('region picked');
        await pick(page, 'web-prod-1');
        const form = await openedForm(page, 'web-prod-1');
        assert.match((await form.el('#serverInfo').textContent()) ?? '', /web-prod-1/);
        assert.match(await dropdownText(form, 'systemSnapshot'), /web-prod-1-sys-0601/);
        await s.shot('form from palette');
      }),
    );
  });
}
