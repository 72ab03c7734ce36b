// Mocha runner for the reliability suite inside code-server's extension host (the payload URL's
// extensionTestsPath): runs every `*.itest.js` beside it, one JSON line per result in
// $SWAS_ITEST_RESULTS (the format of test/integration/suite/index.ts).
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

function record(result: { title: string; state: string; durationMs: number; error?: string }): void {
  const file = process.env.SWAS_ITEST_RESULTS;
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 120_000, reporter: 'spec' });
  // $SWAS_REL_ONLY picks files by name; the two-window test runs only when asked for.
  const only = process.env.SWAS_REL_ONLY;
  const files = readdirSync(__dirname).filter((n) => n.endsWith('.itest.js') && (only ? n.includes(only) : !n.startsWith('window')));
  for (const f of files.sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    runner.on('pass', (t) => record({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err: unknown) =>
      record({
        title: t.fullTitle(),
        state: 'failed',
        durationMs: t.duration ?? 0,
        error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}`.slice(0, 4000) : String(err),
      }),
    );
  });
}
