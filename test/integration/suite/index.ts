// Mocha (tdd) runner loaded by VS Code's extension host as `extensionTestsPath`: in code-server
// through the payload URL (test/integration/driver) and in desktop VS Code through
// @vscode/test-electron (test/integration/runElectron.ts). Runs every `*.itest.js` beside it.
// When $SWAS_ITEST_RESULTS names a file, each test result is appended to it as one JSON line
// ({ title, state: 'passed'|'failed'|'pending', durationMs, error? }) for the node:test driver.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface ItestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

function record(result: ItestResult): void {
  const file = process.env.SWAS_ITEST_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
}

function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.message}\n${err.stack ?? ''}`.slice(0, 4000);
  return String(err);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: Number(process.env.SWAS_ITEST_TIMEOUT_MS ?? 20_000), reporter: 'spec' });
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.itest.js'))
    .sort();
  const only = process.env.SWAS_ITEST_FILTER;
  for (const f of files) if (!only || f.includes(only)) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', (t) => record({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
      runner.on('pending', (t) => record({ title: t.fullTitle(), state: 'pending', durationMs: 0 }));
      runner.on('fail', (t, err) => record({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: errorText(err) }));
    } catch (e) {
      record({ title: 'loading the integration suite', state: 'failed', durationMs: 0, error: errorText(e) });
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
