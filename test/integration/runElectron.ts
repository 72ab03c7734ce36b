// `npm run test:electron`: the same mocha suite (test/integration/suite) in desktop VS Code,
// downloaded by @vscode/test-electron. Needs internet access to update.code.visualstudio.com,
// so it is documented but not run by CI here (code-server's extension host is used instead).
// VSCODE_VERSION picks the version (default: the oldest supported, 1.100.0; or "stable").
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { QUIET_SETTINGS } from '../e2e/lib/codeServer';
import { startDemoEmulator } from '../e2e/lib/emulator';
import { repoRoot } from '../e2e/lib/paths';

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'swas-electron-'));
  const emu = await startDemoEmulator();
  // The same user settings as the code-server driver: swas.endpoint points at the emulator.
  mkdirSync(join(work, 'user-data', 'User'), { recursive: true });
  mkdirSync(join(work, 'workspace'), { recursive: true });
  writeFileSync(
    join(work, 'user-data', 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, 'swas.endpoint': emu.endpoint }, null, 2),
  );
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.0',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'suite', 'index.js'),
      launchArgs: [
        join(work, 'workspace'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--user-data-dir',
        join(work, 'user-data'),
      ],
      extensionTestsEnv: {
        SWAS_TEST_ENDPOINT: emu.endpoint,
        SWAS_TEST_ADMIN: emu.admin,
        SWAS_TEST_ACCESS_KEY_ID: emu.accessKeyId,
        SWAS_TEST_ACCESS_KEY_SECRET: emu.accessKeySecret,
      },
    });
  } finally {
    await emu.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`test:electron: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
