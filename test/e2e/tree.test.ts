// Scenario 2: the tree shows the demo regions with servers first and the empty ones folded under
// "Other regions (23)" (which expands to regions that still expand); a region shows its servers
// with status and IP; a server shows its system and data snapshots.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { selectedHosts } from './lib/hosts';
import { closeBrowser, withScenario } from './lib/session';
import { signIn } from './lib/signIn';
import { collapse, expand, regionRow, rootRowLabels, rowDescription, treeItem } from './lib/workbench';

after(closeBrowser);

const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/;

for (const host of selectedHosts()) {
  describe(`tree on ${host.label}`, () => {
    it('shows the demo regions, the servers of a region with status and IP, and the snapshots of a server', { timeout: 240_000 }, () =>
      withScenario(host, 'tree', async (s) => {
        const { page } = s;
        await signIn(page, { accessKeyId: s.emu.accessKeyId, accessKeySecret: s.emu.accessKeySecret });
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
      }),
    );
  });
}
