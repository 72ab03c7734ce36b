// Scenario 6: Command Palette → "SWAS: Create Custom Image…" → pick region and server → the form.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { dropdownText, openedForm } from './lib/form';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, withScenario } from './lib/session';
import { signIn } from './lib/signIn';
import { pick, runCommand } from './lib/workbench';

after(closeBrowser);

for (const host of selectedHosts()) {
  describe(`command palette on ${host.label}`, () => {
    it('opens the form for the region and server picked after "SWAS: Create Custom Image…"', { timeout: 240_000 }, () =>
      withScenario(host, 'palette', async (s) => {
        const { page } = s;
        await signIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
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
