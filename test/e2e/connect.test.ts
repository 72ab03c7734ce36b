// Scenario: Open SSH Terminal on a fresh server, with the whole preflight — the firewall has no
// rule for port 22 (added for a confirmed source when asked), no key is authorised (a new ed25519
// key is made and installed through Cloud Assistant), the ssh config entry is written after one
// consent — then the integrated terminal runs the real OpenSSH client, shows the server's shell,
// and a command typed there creates a file on the server's disk (seen through the admin API).
// Then the image workflow with that file (issue 12), on the same window: Create Snapshot of the
// server's system disk, the file changed afterwards from the terminal, Create Custom Image from the
// snapshot through the form, Apply Image to another server with the typed name (Resetting →
// Running on the new image; the offer to forget the old host key taken), and Run Command on that
// server shows the file as it was at the snapshot, as does the admin API (the ground truth).
// Folded into one scenario: the terminal, key and firewall rule of the first part are the set-up
// the journey needs, and one code-server start less keeps the e2e time down.
// HOME points at a scratch folder, so the user's own ~/.ssh is never touched.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { apiFor } from './lib/api';
import { adminCall, advanceClock } from './lib/emulator';
import { openedForm } from './lib/form';
import { selectedHosts } from './lib/hosts';
import { until, waitForText } from './lib/wait';
import { closeBrowser, inParts, withScenario } from './lib/session';
import { applyImageFromTree, runCommandFromTree } from './lib/serverSteps';
import { signIn } from './lib/signIn';
import {
  answer,
  contextMenu,
  dialogButton,
  expand,
  lastEditorText,
  pick,
  quickInputBox,
  regionRow,
  terminalText,
  toast,
  treeItem,
} from './lib/workbench';

after(closeBrowser);

/** The file's content on a server's disk (the emulator's admin API), undefined when it is absent. */
async function fileOn(emu: { admin: string }, instanceId: string, path: string): Promise<string | undefined> {
  const r = await fetch(`${emu.admin}/machines/${instanceId}/file?path=${encodeURIComponent(path)}`);
  return r.ok ? ((await r.json()) as { content: string }).content : undefined;
}

const FILE = '/root/from-terminal.txt';

for (const host of selectedHosts()) {
  describe(`connect on ${host.label}`, () => {
    const home = mkdtempSync(join(tmpdir(), 'swas-e2e-home-'));
    after(() => rmSync(home, { recursive: true, force: true }));
    // The user's own config (kept byte for byte): its known_hosts lives in the scratch folder too.
    const configFile = join(home, '.ssh', 'config');
    mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
    const own = `# my own settings\r\nHost *\r\n  UserKnownHostsFile ${join(home, '.ssh', 'known_hosts')}\r\n  ServerAliveInterval 30\r\n`;
    writeFileSync(configFile, own);
    it('Open SSH Terminal, then the file typed there goes with a snapshot and an image to another server', { timeout: 480_000 }, (t) =>
      withScenario(
        host,
        'connect',
        async (s) => {
          const { page } = s;
          const api = apiFor(s.emu);
          const web = (await api.listInstances('cn-hangzhou')).items.find((i) => i.instanceName === 'web-prod-1');
          assert.ok(web);
          const rules = await api.remote.listFirewallRules('cn-hangzhou', web.instanceId);
          await api.remote.deleteFirewallRules({
            regionId: 'cn-hangzhou',
            instanceId: web.instanceId,
            ruleIds: rules.filter((r) => r.port === '22').map((r) => r.ruleId),
            clientToken: `e2e-${Date.now()}`,
          });
          const machine = (
            await adminCall<{ machines: Array<{ instanceId: string; sshPort: number }> }>(s.emu, 'GET', '/machines')
          ).machines.find((m) => m.instanceId === web.instanceId);
          assert.ok(machine?.sshPort);

          await inParts(t, s, [
            {
              name: 'Open SSH Terminal: firewall rule, key authorised, ssh config written, and a shell on the server',
              run: async () => {
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
                if (machine.sshPort !== 22) {
                  // Port 22 of this IP is taken (another emulator on the machine): the daemon listens on
                  // another port but, standing for the server's port 22, checks the firewall for 22.
                  await api.remote.createFirewallRules({
                    regionId: 'cn-hangzhou',
                    instanceId: web.instanceId,
                    rules: [{ port: '22', protocol: 'TCP', sourceCidrIp: '127.0.0.1/32' }],
                    clientToken: `e2e-22-${Date.now()}`,
                  });
                }
                await s.shot('terminal opening');

                await until('the host key question', async () => /continue connecting/.test(await terminalText(page)), 60_000);
                await page.keyboard.type('yes\n');
                await until('the server prompt', async () => /root@web-prod-1:~# /.test(await terminalText(page)), 60_000);
                await page.keyboard.type(`echo "typed in VS Code" > ${FILE}\n`);
                await until('the file on the server', async () => (await fileOn(s.emu, web.instanceId, FILE)) === 'typed in VS Code\n');
                await s.shot('shell on the server');

                const config = readFileSync(configFile, 'utf8');
                assert.ok(config.endsWith(own), "the user's own lines are kept byte for byte (CRLF included)");
                assert.match(config, /^Host swas-web-prod-1\r$/m);
                assert.match(config, new RegExp(`^ {2}Port ${machine.sshPort}\r$`, 'm'));
                const keyLine = /^ {2}IdentityFile (.+)\r$/m.exec(config)?.[1] ?? '';
                assert.equal(statSync(keyLine).mode & 0o777, 0o600, 'the new private key is readable only by the user');
                const added = (await api.remote.listFirewallRules('cn-hangzhou', web.instanceId)).find(
                  (r) => r.port === String(machine.sshPort),
                );
                assert.equal(added?.sourceCidrIp, '127.0.0.1/32');
              },
            },
            {
              name: 'the file typed there goes with a snapshot of the system disk and a custom image to another server',
              run: async () => {
                // The image workflow: snapshot of A's system disk → custom image → applied to B.
                const db = (await api.listInstances('cn-hangzhou')).items.find((i) => i.instanceName === 'db-staging');
                assert.ok(db);
                await contextMenu(page, treeItem(page, 'web-prod-1'), /^Create Snapshot/);
                await pick(page, 'System disk');
                await answer(page, 'Snapshot name', 'journey-sys');
                await expand(treeItem(page, 'web-prod-1'));
                const snap = treeItem(page, 'journey-sys');
                await snap.waitFor({ timeout: 30_000 });
                // Changed on A after the snapshot was taken: the image must carry the snapshot's copy.
                await page.locator('.terminal-wrapper.active .xterm').first().click();
                await page.keyboard.type(`echo "changed after the snapshot" > ${FILE}\n`);
                await until('the change on A', async () => (await fileOn(s.emu, web.instanceId, FILE)) === 'changed after the snapshot\n');
                await advanceClock(s.emu, 30);
                await waitForText(snap.locator('.label-description'), /\bAccomplished\b/, 60_000);
                s.mark('snapshot accomplished');

                await contextMenu(page, snap, /^Create Custom Image/);
                const form = await openedForm(page, 'web-prod-1');
                await form.imageName.fill('journey-image');
                await form.imageName.press('Tab');
                await form.el('#submit').click();
                await form.el('#result').waitFor({ state: 'visible', timeout: 30_000 });
                const imageId = ((await form.el('#result-imageId').textContent()) ?? '').trim();
                assert.match(imageId, /^m-\w+/);
                await expand(treeItem(page, 'Custom Images'));
                const image = treeItem(page, 'journey-image');
                await image.waitFor({ timeout: 30_000 });
                await advanceClock(s.emu, 60);
                await waitForText(image.locator('.label-description'), /^Available\b/, 60_000);
                await s.shot('image available');
                s.mark('image available');

                await applyImageFromTree(page, 'journey-image', 'db-staging');
                const dbStatus = treeItem(page, 'db-staging').locator('.label-description').first();
                await waitForText(dbStatus, /^Resetting/, 30_000);
                // B's host key changes with the reset: take the offer to forget the old one. ssh was never
                // pointed at B from this HOME, so the known_hosts of the user's config (not ~ of the
                // account) has no key of B to remove, and saying so is no failure.
                const offer = toast(page, `The SSH host key of ${db.publicIpAddress} changes with the reset`);
                await offer.getByRole('button', { name: 'Forget Old Host Key' }).click({ timeout: 30_000 });
                await toast(page, `Your known_hosts has no old host key of ${db.publicIpAddress}`).waitFor({ timeout: 30_000 });
                // The row says Resetting as soon as the command runs: advance the clock once the emulator has the call.
                await until(
                  'ResetSystem at the emulator',
                  async () =>
                    (await api.listInstances('cn-hangzhou')).items.find((i) => i.instanceId === db.instanceId)?.status === 'Resetting',
                );
                await advanceClock(s.emu, 60);
                await until(
                  'B Running at the emulator',
                  async () =>
                    (await api.listInstances('cn-hangzhou')).items.find((i) => i.instanceId === db.instanceId)?.status === 'Running',
                );
                await waitForText(dbStatus, /^Running/, 60_000);
                const reset = (await api.listInstances('cn-hangzhou')).items.find((i) => i.instanceId === db.instanceId);
                assert.equal(reset?.imageId, imageId, 'B runs on the new image');
                s.mark('B reset');

                await runCommandFromTree(page, 'db-staging', `cat ${FILE}`);
                await until(
                  "the file's content in the Run Command report",
                  async () => {
                    const t = await lastEditorText(page);
                    return /━━ db-staging/.test(t) && /exit code 0/.test(t) && /^typed in VS Code$/m.test(t);
                  },
                  60_000,
                );
                assert.doesNotMatch(await lastEditorText(page), /changed after the snapshot/);
                await s.shot('file on B');
                assert.equal(
                  await fileOn(s.emu, db.instanceId, FILE),
                  'typed in VS Code\n',
                  "B's disk has the file as it was at the snapshot",
                );
                const hostKey = '/etc/ssh/ssh_host_ed25519_key';
                assert.notEqual(
                  await fileOn(s.emu, db.instanceId, hostKey),
                  await fileOn(s.emu, web.instanceId, hostKey),
                  'no host key carried over from A',
                );
              },
            },
          ]);
        },
        {
          emulator: { ssh: true },
          env: { HOME: home },
          settings: { 'terminal.integrated.gpuAcceleration': 'off', 'remote.SSH.configFile': configFile },
        },
      ),
    );
  });
}
