// Scenario 2: the tree shows the demo regions with servers first and the empty ones folded under
// "Other regions (23)" (which expands to regions that still expand); a region shows its servers
// with status and IP; a server shows its system and data snapshots.
// Scenarios 3–5: the Create Custom Image form opened from the tree's context menu.
//  3. from an accomplished system snapshot: server and snapshot preselected; an illegal name is
//     flagged under the name field; a valid name + data snapshot + two tags → Submit → ImageId; the
//     image appears under Custom Images as creating, then available; the quota count went up by one.
//  4. a name that exists → the error under the name field, the input kept.
//  5. a region at its quota by our reading → advice on the quota line, Submit still enabled; the
//     API's CustomImageQuotaLimit then replaces the reading on the quota line.
// Scenario 6: Command Palette → "SWAS: Create Custom Image…" → pick region and server → the form;
// a disabled server is listed with the reason and refused with a message.
// The five are parts of one scenario (one window, one sign-in): the tree is read before anything
// is created; each form part opens its own form after the editors of the part before are closed,
// and none depends on what another created.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { apiFor, createImageFromSnapshot } from './lib/api';
import { adminCall, advanceClock } from './lib/emulator';
import { addTag, chooseOption, dropdownText, isDisabled, openedForm } from './lib/form';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, inParts, withScenario } from './lib/session';
import type { Scenario } from './lib/session';
import { signIn } from './lib/signIn';
import { waitForText } from './lib/wait';
import {
  collapse,
  contextMenu,
  expand,
  pick,
  regionRow,
  rootRowLabels,
  rowDescription,
  runCommand,
  toast,
  treeItem,
} from './lib/workbench';

after(closeBrowser);

const MENU = /^Create Custom Image/;
const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/;

async function openFormFromSnapshot(
  s: Scenario,
  regionId: string,
  server: string,
  snapshot: string,
): Promise<Awaited<ReturnType<typeof openedForm>>> {
  const { page } = s;
  await expand(regionRow(page, regionId));
  await expand(treeItem(page, server));
  const snap = treeItem(page, snapshot);
  await snap.waitFor({ timeout: 30_000 });
  await contextMenu(page, snap, MENU);
  const form = await openedForm(page, server);
  s.mark('form open');
  return form;
}

for (const host of selectedHosts()) {
  describe(`create custom image on ${host.label}`, () => {
    it('the tree, then the Create Custom Image form: create, a taken name, a full quota, from the palette', { timeout: 720_000 }, (t) =>
      withScenario(host, 'create image', async (s) => {
        await signIn(s.page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
        await inParts(t, s, [
          {
            name: 'shows the regions with servers first and the empty ones under Other regions, the servers of a region with status and IP, and the snapshots of a server',
            run: tree,
          },
          {
            name: 'creates an image from a system snapshot with a data snapshot and two tags, and the tree shows it creating, then available',
            run: createImage,
          },
          { name: 'shows ImageNameAlreadyExist under the name field and keeps the input when the name is taken', run: nameTaken },
          {
            name: 'in a region at its quota (by our reading) gives advice, lets the user submit, and shows what the API said',
            run: quotaFull,
          },
          {
            name: 'refuses a disabled server with its reason, then opens the form for the region and server picked after "SWAS: Create Custom Image…"',
            run: fromPalette,
          },
        ]);
      }),
    );
  });
}

async function createImage(s: Scenario): Promise<void> {
  const { page } = s;
  const form = await openFormFromSnapshot(s, 'cn-hangzhou', 'db-staging', 'db-staging-sys-0520');
  const imagesNode = treeItem(page, 'Custom Images');
  assert.match(await rowDescription(imagesNode), /^2 \/ 12$/, 'quota before');
  assert.match((await form.el('#serverInfo').textContent()) ?? '', /db-staging/);
  assert.match(await dropdownText(form, 'systemSnapshot'), /db-staging-sys-0520/);
  await s.shot('form opened from snapshot');

  await form.imageName.fill('-not a legal name!');
  await form.imageName.press('Tab');
  await assert.doesNotReject(form.el('#imageName-error').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 }));
  await s.shot('illegal name');

  await form.imageName.fill('e2e-image-1');
  await form.imageName.press('Tab');
  await waitForText(form.el('#imageName-error'), /^$/);
  await chooseOption(form, 'dataSnapshot', 'db-staging-data-0520');
  await addTag(form, 'team', 'e2e');
  await addTag(form, 'env', 'test');
  await s.shot('filled form');
  await form.el('#submit').click();
  const result = form.el('#result');
  await result.waitFor({ state: 'visible', timeout: 30_000 });
  const imageId = ((await form.el('#result-imageId').textContent()) ?? '').trim();
  assert.match(imageId, /^m-\w+/, `ImageId shown: "${imageId}"`);
  await s.shot('created');
  s.mark('submitted');

  await expand(imagesNode);
  const image = treeItem(page, 'e2e-image-1');
  await image.waitFor({ timeout: 30_000 });
  assert.match(await rowDescription(image), /^Creating\b/);
  await waitForText(imagesNode.locator('.label-description'), /^3 \/ 12$/, 30_000);
  await s.shot('image creating');
  await advanceClock(s.emu, 120);
  await waitForText(image.locator('.label-description'), /^Available\b/, 60_000);
  await s.shot('image available');
}

async function nameTaken(s: Scenario): Promise<void> {
  await runCommand(s.page, 'View: Close All Editors');
  const form = await openFormFromSnapshot(s, 'cn-hangzhou', 'db-staging', 'db-staging-sys-0520');
  await form.imageName.fill('e2e-taken-name');
  await form.imageName.press('Tab');
  // Someone else creates an image with that name meanwhile (through the API).
  await createImageFromSnapshot(apiFor(s.emu), 'cn-hangzhou', 'web-prod-1-sys-0601', 'e2e-taken-name');
  await form.el('#submit').click();
  const error = form.el('#imageName-error').filter({ hasText: /already exists/i });
  await error.waitFor({ timeout: 30_000 });
  assert.equal(await form.imageName.inputValue(), 'e2e-taken-name', 'the name typed must be kept');
  // The API itself answered ImageNameAlreadyExist (not only the form's own name check).
  const log = await adminCall<{ requests: { action: string; code?: string }[] }>(s.emu, 'GET', '/requests');
  assert.ok(
    log.requests.some((r) => r.action === 'CreateCustomImage' && r.code === 'ImageNameAlreadyExist'),
    'no CreateCustomImage answered ImageNameAlreadyExist',
  );
  assert.equal(await form.el('#result').isVisible(), false);
  await s.shot('name taken');
}

async function quotaFull(s: Scenario): Promise<void> {
  await runCommand(s.page, 'View: Close All Editors');
  // Out of the way: rows below the viewport are not rendered.
  await collapse(regionRow(s.page, 'cn-hangzhou'));
  const form = await openFormFromSnapshot(s, 'ap-southeast-1', 'sg-gateway', 'sg-gateway-sys-0301');
  await form
    .el('#quota-advice')
    .filter({ hasText: /quota is full/i })
    .waitFor({ timeout: 30_000 });
  assert.match((await form.el('#quota').textContent()) ?? '', /3 of 3 \(3 × 1 servers here, at most 15\)/);
  await form.imageName.fill('e2e-over-quota');
  await form.imageName.press('Tab');
  assert.equal(await isDisabled(form.el('#submit')), false, 'advice never disables Submit');
  await form.el('#submit').click();
  await form
    .el('#quota-error')
    .filter({ hasText: /quota of this region is reached/i })
    .waitFor({ timeout: 30_000 });
  await waitForText(form.el('#quota'), /The service says the quota is reached/, 30_000);
  await s.shot('quota full');
}

async function tree(s: Scenario): Promise<void> {
  const { page } = s;
  for (const id of ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1']) {
    await regionRow(page, id).waitFor({ timeout: 30_000 });
  }
  await s.shot('regions');

  // The regions without servers are folded under one row, last; each still expands.
  const other = treeItem(page, 'Other regions');
  await other.waitFor({ timeout: 30_000 });
  assert.match((await other.textContent()) ?? '', /Other regions \(23\)/);
  assert.equal(await regionRow(page, 'cn-qingdao').count(), 0, 'an empty region is at the root');
  const roots = await rootRowLabels(page);
  assert.deepEqual(roots.slice(-1), ['Other regions (23)'], roots.join(' | '));
  await expand(other);
  const qd = regionRow(page, 'cn-qingdao');
  await expand(qd);
  await treeItem(page, 'No servers in this region').waitFor({ timeout: 30_000 });
  await s.shot('other regions');
  await collapse(other);

  await expand(regionRow(page, 'cn-hangzhou'));
  const web = treeItem(page, 'web-prod-1');
  await web.waitFor({ timeout: 30_000 });
  for (const name of ['db-staging', 'api-canary', 'legacy-blog']) await treeItem(page, name).waitFor({ timeout: 10_000 });
  const webDesc = await rowDescription(web);
  assert.match(webDesc, /^Running · /, `server description: "${webDesc}"`);
  assert.match(webDesc, IPV4, `server description should hold the public IP: "${webDesc}"`);
  assert.match(await rowDescription(treeItem(page, 'db-staging')), /^Stopped\b/);
  const images = treeItem(page, 'Custom Images');
  await images.waitFor({ timeout: 10_000 });
  assert.match(await rowDescription(images), /^2 \/ 12$/);
  await s.shot('servers of cn-hangzhou');

  await expand(treeItem(page, 'db-staging'));
  const sys = treeItem(page, 'db-staging-sys-0520');
  await sys.waitFor({ timeout: 30_000 });
  assert.match(await rowDescription(sys), /^System · Accomplished\b/);
  assert.match(await rowDescription(treeItem(page, 'db-staging-data-0520')), /^Data · Accomplished\b/);
  assert.match(await rowDescription(treeItem(page, 'db-staging-data-0521')), /^Data · Failed\b/);
  await s.shot('snapshots of db-staging');
}

async function fromPalette(s: Scenario): Promise<void> {
  const { page } = s;
  await runCommand(page, 'View: Close All Editors');
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
}
