// Scenario 7: sign in with STS keys, sign out → the welcome returns; nothing of the secret or the
// STS token remains in the profile folder, the logs, or the browser storage.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sessionStorageDump } from './lib/browserStorage';
import { adminCall } from './lib/emulator';
import { selectedHosts } from './lib/hosts';
import { repoRoot } from './lib/paths';
import { closeBrowser, withScenario } from './lib/session';
import { signIn } from './lib/signIn';
import { runCommand, toast, welcomeButton } from './lib/workbench';

after(closeBrowser);

const STS = {
  accessKeyId: 'STS.EMULdemo00000000001',
  accessKeySecret: 'emulator-sts-secret-0001',
  securityToken: 'emulator-sts-token-valid',
};

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

/** The README/CHANGELOG shipped in the .vsix (the README documents the emulator's demo keys). */
function isShippedDoc(file: string, extensionsDir: string): boolean {
  if (!file.startsWith(extensionsDir)) return false;
  const docs: Record<string, string> = { 'readme.md': 'README.md', 'changelog.md': 'CHANGELOG.md' };
  const source = docs[basename(file).toLowerCase()];
  return source !== undefined && readFileSync(file).equals(readFileSync(join(repoRoot, source)));
}

/** Files under `dir` holding any needle (as UTF-8 or UTF-16LE), except the docs shipped in the .vsix. */
function filesContaining(dir: string, needles: string[], extensionsDir: string): string[] {
  const pats = needles.flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);
  return filesUnder(dir).filter((f) => {
    if (isShippedDoc(f, extensionsDir)) return false;
    const b = readFileSync(f);
    return pats.some((p) => b.includes(p));
  });
}

for (const host of selectedHosts()) {
  describe(`sign out on ${host.label}`, () => {
    it(
      'returns to the welcome and leaves nothing of the secret or STS token in the profile, the logs or the browser storage',
      { timeout: 240_000 },
      () =>
        withScenario(host, 'sign out', async (s) => {
          const { page } = s;
          await signIn(page, STS);
          const requests = await adminCall<{ requests: { accessKeyId: string }[] }>(s.emu, 'GET', '/requests');
          assert.ok(
            requests.requests.some((r) => r.accessKeyId === STS.accessKeyId),
            'the tree was loaded with the STS keys',
          );
          await s.shot('signed in with STS');

          await runCommand(page, 'SWAS: Sign Out');
          await toast(page, /Signed out/i).waitFor({ timeout: 30_000 });
          await welcomeButton(page, /^Sign In/).waitFor({ timeout: 30_000 });
          await s.shot('signed out');

          const needles = [STS.accessKeySecret, STS.securityToken];
          // Browser storage: localStorage, sessionStorage, IndexedDB, cookies.
          const state = JSON.stringify(await s.context.storageState({ indexedDB: true }));
          const session = await sessionStorageDump(page);
          for (const n of needles) {
            assert.equal(state.includes(n), false, `browser storage holds "${n}"`);
            assert.equal(session.includes(n), false, `sessionStorage holds "${n}"`);
          }
          // Profile folder (user data, extensions, HOME, workspace) and every log, code-server's included.
          await page.close();
          await s.cs.group.stop(); // flush and end every log writer before reading the files
          assert.deepEqual(filesContaining(s.cs.dir, needles, s.cs.extensionsDir), [], 'files holding the secret or the token');
        }),
    );
  });
}
