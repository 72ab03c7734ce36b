// Part 2 in real VS Code: runs test/reliability/host/*.itest.js inside code-server's extension host
// (payload URL, as test/integration does), with the browser on a persistent profile so that its
// storage is on disk. Afterwards it searches everything that was written — code-server's
// user-data-dir (the SWAS log channel, settings, globalState/workspaceState databases, webview
// state), its logs, HOME, the browser profile (localStorage, IndexedDB, caches), the page's
// visible text (notifications) and web storage, and every tree row the tests saw — for the
// secrets, the STS tokens and any Signature= value.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/lib/browser';
import { startCodeServer } from '../e2e/lib/codeServer';
import { startDemoEmulator } from '../e2e/lib/emulator';
import type { Host } from '../e2e/lib/hosts';
import { repoRoot } from '../e2e/lib/paths';
import { HYGIENE_SECRETS } from './hygiene';
import type { SecretHit } from './secretScan';
import { scanDirectories, scanText } from './secretScan';

export interface HostHygieneResult {
  host: string;
  tests: { title: string; state: string; error?: string }[];
  exitCode: number | undefined;
  files: number;
  bytes: number;
  hits: SecretHit[];
  /** Files that mention ListRegions: proof that the SWAS log channel's file was among those searched. */
  filesWithApiLog: number;
  errorNodes: number;
  /** Distinct notification texts seen while the tests ran (searched too). */
  notifications: number;
  /** Frames holding the Create Custom Image form (its webview was searched too). */
  formFrames: number;
  seconds: number;
}

export async function runHostHygiene(host: Host, timeoutMs = 240_000): Promise<HostHygieneResult> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'swas-rel-host-'));
  const profileDir = join(work, 'browser-profile');
  const resultsFile = join(work, 'results.jsonl');
  const outFile = join(work, 'rows.json');
  const emu = await startDemoEmulator();
  let cs: Awaited<ReturnType<typeof startCodeServer>> | undefined;
  let exitCode: number | undefined;
  const pageTexts: { where: string; text: string }[] = [];
  const toasts = new Set<string>();
  const formFrames = new Map<unknown, string>();
  try {
    cs = await startCodeServer({
      host,
      keep: true,
      smokeTestDriver: host.needsSmokeDriverForPayload,
      // Two regions shown: the extension's own limiter (10 ListRegions/ListSnapshots a minute) then
      // never makes the run wait.
      settings: { 'swas.endpoint': emu.endpoint, 'swas.requestTimeoutSeconds': 2, 'swas.regions': ['cn-hangzhou', 'cn-shanghai'] },
      env: { SWAS_ITEST_RESULTS: resultsFile, SWAS_REL_OUT: outFile, SWAS_TEST_ENDPOINT: emu.endpoint, SWAS_TEST_ADMIN: emu.admin },
    });
    const authority = `127.0.0.1:${cs.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${repoRoot}`],
      ['extensionTestsPath', `vscode-remote://${authority}${join(repoRoot, 'out', 'test', 'reliability', 'host', 'index.js')}`],
    ];
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
      await page.goto(cs.workbenchUrl(`payload=${encodeURIComponent(JSON.stringify(payload))}`));
      // Notifications come and go: sample the toasts while the tests run. So does the form: it
      // closes when the session changes (the rotated-secret sign-in), so its frames are read
      // while it is open (the latest content of each).
      const sampler = setInterval(() => {
        page
          .evaluate(
            "Array.from(document.querySelectorAll('.notifications-toasts .notification-list-item, .notification-toast')).map((e) => e.textContent).join('\\n')",
          )
          .then((t) => {
            const text = String(t);
            if (text) toasts.add(text);
          })
          .catch(() => undefined);
        for (const frame of page.frames()) {
          frame
            .content()
            .then((text) => void (text.includes('imageName') && formFrames.set(frame, text)))
            .catch(() => undefined);
        }
      }, 300);
      let timer: NodeJS.Timeout | undefined;
      exitCode = await Promise.race([exited, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), timeoutMs)))]);
      clearTimeout(timer);
      clearInterval(sampler);
      pageTexts.push({ where: 'notifications', text: [...toasts].join('\n') });
      let n = 0;
      for (const text of formFrames.values()) pageTexts.push({ where: `form frame ${++n} (sampled while open)`, text });
      for (const frame of page.frames()) {
        pageTexts.push({ where: `frame ${frame.url().slice(0, 80)}`, text: await frame.content().catch((e: unknown) => `(${String(e)})`) });
      }
      for (const [where, script] of [
        ['page text (notifications, views)', 'document.body.innerText'],
        ['localStorage', 'JSON.stringify(Object.entries(localStorage))'],
        ['sessionStorage', 'JSON.stringify(Object.entries(sessionStorage))'],
        ['page HTML', 'document.documentElement.outerHTML'],
      ] as const) {
        pageTexts.push({ where, text: String(await page.evaluate(script).catch((e: unknown) => `(${String(e)})`)) });
      }
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    await cs?.stop();
    await emu.stop();
  }
  try {
    const tests = existsSync(resultsFile)
      ? readFileSync(resultsFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { title: string; state: string; error?: string })
      : [];
    const rows = existsSync(outFile)
      ? (JSON.parse(readFileSync(outFile, 'utf8')) as { texts: string[]; codes: string[] })
      : { texts: [], codes: [] };
    const dirs = [cs?.dir ?? '', profileDir].filter(Boolean);
    const files = await scanDirectories(dirs, { secrets: HYGIENE_SECRETS });
    const apiLog = await scanDirectories(dirs, { secrets: ['ListRegions'], signatures: false });
    const hits = [
      ...files.hits,
      ...pageTexts.flatMap((t) => scanText(t.text, t.where, { secrets: HYGIENE_SECRETS })),
      ...scanText(rows.texts.join('\n'), 'tree rows', { secrets: HYGIENE_SECRETS }),
    ];
    return {
      host: host.id,
      tests,
      exitCode,
      files: files.files,
      bytes: files.bytes,
      hits,
      filesWithApiLog: new Set(apiLog.hits.map((h) => h.where)).size,
      errorNodes: rows.codes.length,
      notifications: toasts.size,
      formFrames: pageTexts.filter((t) => (t.where.startsWith('frame') || t.where.startsWith('form frame')) && t.text.includes('imageName'))
        .length,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (cs) rmSync(cs.dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
