// Scenario: Open SSH Terminal on a fresh server, with the whole preflight — the firewall has no
// rule for port 22 (added for a confirmed source when asked), no key is authorised (a new ed25519
// key is made and installed through Cloud Assistant), the ssh config entry is written after one
// consent — then the integrated terminal runs the real OpenSSH client, shows the server's shell,
// and a command typed there creates a file on the server's disk (seen through the admin API).
// HOME points at a scratch folder, so the user's own ~/.ssh is never touched.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { apiFor } from './lib/api';
import { adminCall } from './lib/emulator';
import { selectedHosts } from './lib/hosts';
import { until } from './lib/wait';
import { closeBrowser, withScenario } from './lib/session';
import { signIn } from './lib/signIn';
import { contextMenu, dialogButton, expand, pick, quickInputBox, regionRow, terminalText, treeItem } from './lib/workbench';

after(closeBrowser);


for (const host of selectedHosts()) {
  describe(`connect on ${host.label}`, () => {
    const home = mkdtempSync(join(tmpdir(), 'swas-e2e-home-'));
    after(() => rmSync(home, { recursive: true, force: true }));
    // The user's own config (kept byte for byte): its known_hosts lives in the scratch folder too.
    const configFile = join(home, '.ssh', 'config');
    mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    const own = `# my own settings\r\nHost *\r\n  UserKnownHostsFile ${join(home, '.ssh', 'known_hosts')}\r\n  ServerAliveInterval 30\r\n`;
    writeFileSync(configFile, own);
    it('Open SSH Terminal: firewall rule, key authorised, ssh config written, and a shell on the server', { timeout: 300_000 }, () =>
      withScenario(
        host,
        'connect',
        async (s) => {
          const { page } = s;
          const api = apiFor(s.emu);
          const web = (await api.listInstances('cn-hangzhou')).items.find((i) => i.instanceName === 'web-prod-1');
          assert.ok(web);
          const rules = await api.remote.listFirewallRules('cn-hangzhou', web.instanceId);
          await api.remote.deleteFirewallRules({ regionId: 'cn-hangzhou', instanceId: web.instanceId, ruleIds: rules.filter((r) => r.port === '22').map((r) => r.ruleId), clientToken: `e2e-${Date.now()}` });
          const machine = (await adminCall<{ machines: Array<{ instanceId: string; sshPort: number }> }>(s.emu, 'GET', '/machines')).machines.find((m) => m.instanceId === web.instanceId);
          assert.ok(machine?.sshPort);

          await signIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
          await expand(regionRow(page, 'cn-hangzhou'));
          await contextMenu(page, treeItem(page, 'web-prod-1'), /Open SSH Terminal/);
          const box = quickInputBox(page);
          await box.waitFor({ timeout: 30_000 });
          await page.keyboard.press('Enter'); // login user: root
          await until('the port box', async () => (await box.inputValue()) === '22');
          await box.fill(String(machine.sshPort));
          await page.keyboard.press('Enter');
          await dialogButton(page, /does not accept TCP port/, /Add a Rule/);
          await until('the source box', async () => (await box.inputValue()) === '0.0.0.0/0');
          await box.fill('127.0.0.1/32');
          await page.keyboard.press('Enter');
          await dialogButton(page, /No key of yours is authorised/, /Authorize a Key/);
          await pick(page, /Create a new key/);
          await dialogButton(page, /Host swas-<name>/, /Add Host Entries/);
          s.mark('preflight done');
          await s.shot('terminal opening');

          await until('the host key question', async () => /continue connecting/.test(await terminalText(page)), 60_000);
          await page.keyboard.type('yes\n');
          await until('the server prompt', async () => /root@web-prod-1:~# /.test(await terminalText(page)), 60_000);
          await page.keyboard.type('echo "typed in VS Code" > /root/from-terminal.txt\n');
          await until('the file on the server', async () => {
            const r = await fetch(`${s.emu.admin}/machines/${web.instanceId}/file?path=/root/from-terminal.txt`);
            return r.ok && ((await r.json()) as { content: string }).content === 'typed in VS Code\n';
          });
          await s.shot('shell on the server');

          const config = readFileSync(configFile, 'utf8');
          assert.ok(config.endsWith(own), 'the user\'s own lines are kept byte for byte (CRLF included)');
          assert.match(config, /^Host swas-web-prod-1\r$/m);
          assert.match(config, new RegExp(`^ {2}Port ${machine.sshPort}\r$`, 'm'));
          const keyLine = /^ {2}IdentityFile (.+)\r$/m.exec(config)?.[1] ?? '';
          assert.equal(statSync(keyLine).mode & 0o777, 0o600, 'the new private key is readable only by the user');
          const added = (await api.remote.listFirewallRules('cn-hangzhou', web.instanceId)).find((r) => r.port === '22');
          assert.equal(added?.sourceCidrIp, '127.0.0.1/32');
        },
        { emulator: { ssh: true }, env: { HOME: home }, settings: { 'terminal.integrated.gpuAcceleration': 'off', 'remote.SSH.configFile': configFile } },
      ),
    );
  });
}
