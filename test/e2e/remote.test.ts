// One window, three parts: the Firewall node (add a rule through its small form, with the warning for a
// sensitive port open to anywhere; delete it after the confirmation); Run Selection on two
// servers (both outputs and exit codes in the report); Connect in New Window hands Remote-SSH's
// stable command the host alias (a test extension stands in for Remote-SSH and records it).
// Run Selection comes last: it leaves an unsaved editor behind.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { apiFor } from './lib/api';
import { adminCall } from './lib/emulator';
import { selectedHosts } from './lib/hosts';
import { until, waitForText } from './lib/wait';
import { closeBrowser, inParts, withScenario } from './lib/session';
import type { Scenario } from './lib/session';
import { signIn } from './lib/signIn';
import { packageFixture } from './lib/vsix';
import { answer, contextMenu, dialogButton, expand, lastEditorText, pick, regionRow, runCommand, treeItem } from './lib/workbench';

after(closeBrowser);

const scratch = mkdtempSync(join(tmpdir(), 'swas-e2e-remote-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const fakeRemoteSsh = packageFixture('fake-remote-ssh', join(scratch, 'fake-remote-ssh.vsix'));

const log = (hostId: string): string => join(scratch, `remote-ssh-${hostId}.jsonl`);
const sshConfig = (hostId: string): string => join(scratch, `ssh-${hostId}`, 'config');

for (const host of selectedHosts()) {
  describe(`firewall, run command and Remote-SSH on ${host.label}`, () => {
    it('the Firewall node, Connect in New Window and Run Selection', { timeout: 600_000 }, (t) =>
      withScenario(
        host,
        'remote',
        async (s) => {
          await signIn(s.page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
          await inParts(t, s, [
            {
              name: 'adds a firewall rule through its form (warned for 3306 open to anywhere) and deletes it after the confirmation',
              run: firewall,
            },
            { name: 'Connect in New Window gives Remote-SSH the host alias written to the ssh config', run: connectNewWindow },
            { name: 'Run Selection on two servers shows both outputs and exit codes', run: runSelection },
          ]);
        },
        {
          emulator: { ssh: true },
          vsix: [fakeRemoteSsh],
          env: { SWAS_FAKE_REMOTE_SSH_LOG: log(host.id) },
          settings: { 'remote.SSH.configFile': sshConfig(host.id) },
        },
      ),
    );
  });
}

async function firewall(s: Scenario): Promise<void> {
  const { page } = s;
  const api = apiFor(s.emu);
  const web = (await api.listInstances('cn-hangzhou')).items.find((i) => i.instanceName === 'web-prod-1');
  assert.ok(web);
  await expand(regionRow(page, 'cn-hangzhou'));
  await expand(treeItem(page, 'web-prod-1'));
  await expand(treeItem(page, 'Firewall'));
  for (const port of ['TCP 22', 'TCP 80', 'TCP 443']) await treeItem(page, `Firewall rule ${port}`).waitFor({ timeout: 30_000 });
  await contextMenu(page, treeItem(page, 'Firewall'), /Add Firewall Rule/);
  await answer(page, 'Port or range', '3306');
  await pick(page, 'TCP');
  await answer(page, 'Allow connections from'); // 0.0.0.0/0
  await dialogButton(page, /Open port 3306 to the whole internet/, /Open to Anywhere/);
  await answer(page, 'Remark', 'db');
  await treeItem(page, 'Firewall rule TCP 3306').waitFor({ timeout: 30_000 });
  const added = (await api.remote.listFirewallRules('cn-hangzhou', web.instanceId)).find((r) => r.port === '3306');
  assert.deepEqual(added && [added.protocol, added.sourceCidrIp, added.remark], ['TCP', '0.0.0.0/0', 'db']);
  await s.shot('rule added');
  await contextMenu(page, treeItem(page, 'Firewall rule TCP 3306'), /Delete Firewall Rule/);
  await dialogButton(page, /Delete 1 firewall rule/, /^Delete$/);
  await treeItem(page, 'Firewall rule TCP 3306').waitFor({ state: 'detached', timeout: 30_000 });
  assert.equal(
    (await api.remote.listFirewallRules('cn-hangzhou', web.instanceId)).some((r) => r.port === '3306'),
    false,
  );
}

async function connectNewWindow(s: Scenario): Promise<void> {
  const { page } = s;
  const web = (await apiFor(s.emu).listInstances('cn-hangzhou')).items.find((i) => i.instanceName === 'web-prod-1');
  assert.ok(web);
  const machine = (await adminCall<{ machines: Array<{ instanceId: string; sshPort: number }> }>(s.emu, 'GET', '/machines')).machines.find(
    (m) => m.instanceId === web.instanceId,
  );
  assert.ok(machine?.sshPort);
  // Port 22 of the server's loopback IP may be taken (another emulator on this machine): then the
  // daemon listens on another port, and someone has opened it in the firewall already.
  if (machine.sshPort !== 22) {
    await apiFor(s.emu).remote.createFirewallRules({
      regionId: 'cn-hangzhou',
      instanceId: web.instanceId,
      rules: [{ port: String(machine.sshPort), protocol: 'TCP', sourceCidrIp: '127.0.0.1/32' }],
      clientToken: `e2e-${Date.now()}`,
    });
  }
  await expand(regionRow(page, 'cn-hangzhou'));
  await contextMenu(page, treeItem(page, 'web-prod-1'), /Connect in New Window/);
  await answer(page, 'Login user'); // root
  await answer(page, 'SSH port', String(machine.sshPort));
  await dialogButton(page, /No key of yours is authorised/, /Authorize a Key/);
  await pick(page, /Create a new key/);
  await dialogButton(page, /Host swas-<name>/, /Add Host Entries/);
  const file = log(s.host.id);
  await until('the Remote-SSH call', async () => existsSync(file) && readFileSync(file, 'utf8').trim() !== '', 60_000);
  const calls = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { command: string; args: { host: string } });
  assert.deepEqual(calls, [{ command: 'opensshremotes.openEmptyWindow', args: { host: 'swas-web-prod-1' } }]);
  assert.match(readFileSync(sshConfig(s.host.id), 'utf8'), /^Host swas-web-prod-1$/m);
}

async function runSelection(s: Scenario): Promise<void> {
  const { page } = s;
  const api = apiFor(s.emu);
  const db = (await api.listInstances('cn-hangzhou')).items.find((i) => i.instanceName === 'db-staging');
  assert.ok(db);
  await adminCall(s.emu, 'POST', `/servers/${db.instanceId}/status`, { status: 'Running' });
  // The window loaded the region before db-staging came up: refresh it, as a user would.
  await contextMenu(page, regionRow(page, 'cn-hangzhou'), /^Refresh$/);
  await waitForText(treeItem(page, 'db-staging').locator('.label-description').first(), /^Running/, 30_000);
  await runCommand(page, 'New Untitled Text File');
  await page.locator('.monaco-editor textarea').first().waitFor({ timeout: 30_000 });
  await page.keyboard.type('echo "hello from $(cat /etc/hostname)"; exit 3');
  await page.keyboard.press('ControlOrMeta+a');
  await runCommand(page, 'SWAS: Run Selection on Server');
  await pick(page, 'cn-hangzhou');
  // Tick both servers (each tick confirmed by the picker's "N Selected" count), then OK.
  let ticked = 0;
  for (const name of ['web-prod-1', 'db-staging']) {
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: name }).first();
    await row.waitFor({ timeout: 30_000 });
    ticked++;
    const count = page.locator('.quick-input-widget').filter({ hasText: `${ticked} Selected` });
    for (let attempt = 0; attempt < 3 && !(await count.isVisible()); attempt++) {
      await row.hover();
      await row.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-custom-toggle').first().click();
      await count.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await count.waitFor({ timeout: 5_000 });
  }
  await page.locator('.quick-input-widget .monaco-button').filter({ hasText: 'OK' }).first().click();
  await dialogButton(page, /Run this script on 2 server/, /^Run$/);
  await answer(page, 'Timeout in seconds'); // 60
  await answer(page, 'Run as this user'); // root
  await until(
    'both outputs in the report',
    async () => {
      const t = await lastEditorText(page);
      return /hello from web-prod-1/.test(t) && /hello from db-staging/.test(t) && (t.match(/exit code 3/g) ?? []).length === 2;
    },
    60_000,
  );
  await s.shot('run report');
}
