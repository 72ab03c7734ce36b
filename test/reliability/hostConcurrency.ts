// Part 5 in real VS Code: two code-server instances (two extension hosts, two windows), each
// signed in to the same account, create images in one region with quota 6 at the same moment
// (test/reliability/host/window.itest.ts), with 20 % faults on CreateCustomImage. Judged like the
// two-process run: quota never exceeded, each submission told the truth.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAULT_KINDS } from '../emulator/faults';
import { launchBrowser } from '../e2e/lib/browser';
import { startCodeServer } from '../e2e/lib/codeServer';
import { startDemoEmulator } from '../e2e/lib/emulator';
import type { Host } from '../e2e/lib/hosts';
import { repoRoot } from '../e2e/lib/paths';
import type { CustomImage } from '../../src/core/model';
import type { ConcurrencyRound } from './concurrencyCampaign';
import { judge } from './concurrencyCampaign';
import type { WorkerOutcome } from './concurrencyWorker';

export interface HostConcurrencyResult extends ConcurrencyRound {
  windows: number;
  submissions: number;
  exitCodes: (number | undefined)[];
  /** In-host test results and the outcomes each window reported (for diagnosis). */
  tests: string[];
  outcomes: string[];
  seconds: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runHostConcurrency(host: Host, perWindow = 8, errorRate = 0.2): Promise<HostConcurrencyResult> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'swas-rel-windows-'));
  // Two servers in cn-hangzhou: quota 6.
  const emu = await startDemoEmulator({ seed: undefined, scale: { servers: 2, snapshots: 2, images: 0, regions: 1 }, imageSeconds: 0 });
  const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${emu.admin}${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    return res.json();
  };
  const servers: Awaited<ReturnType<typeof startCodeServer>>[] = [];
  const browser = await launchBrowser();
  const exitCodes: (number | undefined)[] = [];
  try {
    const runs = ['a', 'b'].map(async (w) => {
      const cs = await startCodeServer({
        host,
        smokeTestDriver: host.needsSmokeDriverForPayload,
        settings: { 'swas.endpoint': emu.endpoint, 'swas.requestTimeoutSeconds': 2, 'swas.regions': ['cn-hangzhou'] },
        env: {
          SWAS_TEST_ENDPOINT: emu.endpoint,
          SWAS_TEST_ADMIN: emu.admin,
          SWAS_REL_ONLY: 'window',
          SWAS_REL_WINDOW: w,
          SWAS_REL_DIR: dir,
          SWAS_REL_PER_WINDOW: String(perWindow),
          SWAS_ITEST_RESULTS: join(dir, `results-${w}.jsonl`),
        },
      });
      servers.push(cs);
      const authority = `127.0.0.1:${cs.port}`;
      const payload = [
        ['extensionDevelopmentPath', `vscode-remote://${authority}${repoRoot}`],
        ['extensionTestsPath', `vscode-remote://${authority}${join(repoRoot, 'out', 'test', 'reliability', 'host', 'index.js')}`],
      ];
      const page = await (await browser.newContext()).newPage();
      const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
      await page.goto(cs.workbenchUrl(`payload=${encodeURIComponent(JSON.stringify(payload))}`));
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([exited, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), 300_000)))]);
      clearTimeout(timer);
      return code;
    });
    // The barrier: both windows signed in and loaded → faults on → go.
    const ready = async (): Promise<void> => {
      for (let i = 0; !(existsSync(join(dir, 'ready-a')) && existsSync(join(dir, 'ready-b'))); i++) {
        if (i > 2400) throw new Error('the windows were not ready after 240 s');
        await sleep(100);
      }
      await admin('DELETE', '/requests');
      await admin('PUT', '/faults', { errorRate, kinds: [...FAULT_KINDS], actions: ['CreateCustomImage'], timeoutMs: 3000, seed: 77 });
      writeFileSync(join(dir, 'go'), '');
    };
    const [codes] = await Promise.all([Promise.all(runs), ready()]);
    exitCodes.push(...codes);
    await admin('DELETE', '/faults');
    await sleep(3200); // held (Timeout) requests land
    const state = (await admin('GET', '/state')) as {
      accounts: Record<string, { regions: Record<string, { images: { imageId: string; name: string }[] }> }>;
    };
    const images = Object.values(state.accounts)
      .flatMap((a) => Object.values(a.regions))
      .flatMap((r) => r.images)
      .map((i) => ({ imageId: i.imageId, name: i.name }) as CustomImage);
    const outcomes = ['a', 'b'].flatMap((w) => {
      const f = join(dir, `outcomes-${w}.json`);
      return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as WorkerOutcome[]).map((o) => ({ ...o, w })) : [];
    });
    const verdict = judge(6, images, outcomes);
    if (outcomes.length !== 2 * perWindow) verdict.lies.push(`${outcomes.length} outcomes reported for ${2 * perWindow} submissions`);
    const tests = ['a', 'b'].flatMap((w) => {
      const f = join(dir, `results-${w}.jsonl`);
      return existsSync(f)
        ? readFileSync(f, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => `${w}: ${l.slice(0, 1500)}`)
        : [`${w}: no results`];
    });
    return {
      ...verdict,
      windows: 2,
      submissions: 2 * perWindow,
      exitCodes,
      tests,
      outcomes: outcomes.map((o) => `${o.w} ${o.imageName} ${o.outcome} ${o.code ?? o.imageId ?? ''} (${o.retries} retries)`),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await browser.close().catch(() => undefined);
    for (const cs of servers) await cs.stop();
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
