// Runs the mocha suite (test/integration/suite) inside code-server's real Node extension host:
// the workbench is opened with a `payload` URL naming the extension under development (the repo)
// and the tests (HARNESS §4.1); the exit code arrives through window.codeAutomationExit and each
// test result through the JSON-lines file $SWAS_ITEST_RESULTS written by suite/index.ts.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import type { ItestResult } from '../suite/index';
import { launchBrowser } from '../../e2e/lib/browser';
import { startCodeServer } from '../../e2e/lib/codeServer';
import { startDemoEmulator } from '../../e2e/lib/emulator';
import type { Host } from '../../e2e/lib/hosts';
import { artifactsDir, repoRoot } from '../../e2e/lib/paths';
import { onExit } from '../../e2e/lib/processGroup';

export interface HostRun {
  exitCode: number | undefined;
  results: ItestResult[];
  log: string;
  logFile: string;
  ms: number;
}

const TIMEOUT_MS = Number(process.env.SWAS_ITEST_RUN_TIMEOUT_MS ?? 240_000);

export async function runInHost(host: Host): Promise<HostRun> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), `swas-itest-${host.id}-`));
  const unhook = onExit(() => rmSync(work, { recursive: true, force: true }));
  const resultsFile = join(work, 'results.jsonl');
  const logDir = join(artifactsDir(), 'integration');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `exthost-${host.id}.log`);
  const lines: string[] = [];
  const emu = await startDemoEmulator();
  let cs: Awaited<ReturnType<typeof startCodeServer>> | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let exitCode: number | undefined;
  try {
    cs = await startCodeServer({
      host,
      smokeTestDriver: host.needsSmokeDriverForPayload,
      settings: { 'swas.endpoint': emu.endpoint },
      env: {
        SWAS_ITEST_RESULTS: resultsFile,
        SWAS_TEST_ENDPOINT: emu.endpoint,
        SWAS_TEST_ADMIN: emu.admin,
        SWAS_TEST_ACCESS_KEY_ID: emu.accessKeyId,
        SWAS_TEST_ACCESS_KEY_SECRET: emu.accessKeySecret,
      },
    });
    const authority = `127.0.0.1:${cs.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${repoRoot}`],
      ['extensionTestsPath', `vscode-remote://${authority}${join(repoRoot, 'out', 'test', 'integration', 'suite', 'index.js')}`],
    ];
    browser = await launchBrowser();
    const page = await browser.newPage();
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      lines.push(format(...(Array.isArray(args) ? args : [args])));
    });
    await page.goto(cs.workbenchUrl(`payload=${encodeURIComponent(JSON.stringify(payload))}`));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), TIMEOUT_MS)));
    exitCode = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (exitCode === undefined) lines.push(`(no exit code from the extension host after ${TIMEOUT_MS} ms)`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (cs) {
      if (existsSync(cs.logFile)) copyFileSync(cs.logFile, join(logDir, `code-server-${host.id}.log`));
      await cs.stop();
    }
    await emu.stop();
    writeFileSync(logFile, lines.join('\n') + '\n');
  }
  const results = existsSync(resultsFile)
    ? readFileSync(resultsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ItestResult)
    : [];
  rmSync(work, { recursive: true, force: true });
  unhook();
  return { exitCode, results, log: lines.join('\n'), logFile, ms: Date.now() - started };
}
