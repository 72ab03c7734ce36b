// node:test driver for the integration suite: for each VS Code host, runs the mocha tests in
// code-server's extension host and reports every mocha test as one node:test test, so the run
// counts the real tests. Hosts run one after the other (2 cores).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectedHosts } from '../../e2e/lib/hosts';
import type { HostRun } from './runInHost';
import { runInHost } from './runInHost';

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

for (const host of selectedHosts()) {
  describe(`integration suite in the extension host of ${host.label}`, async () => {
    let run: HostRun | undefined;
    let failure: unknown;
    try {
      run = await serial(() => runInHost(host));
    } catch (e) {
      failure = e;
    }

    it('runs the mocha suite in the real extension host and gets its exit code', () => {
      if (failure) throw failure;
      assert.ok(run, 'no run');
      assert.notEqual(
        run.exitCode,
        undefined,
        `the extension host never reported an exit code; log: ${run.logFile}\n${run.log.slice(-3000)}`,
      );
      assert.ok(run.results.length > 0, `no mocha test results were recorded; log: ${run.logFile}\n${run.log.slice(-3000)}`);
      const failed = run.results.filter((r) => r.state === 'failed').length;
      assert.equal(run.exitCode === 0, failed === 0, `exit code ${String(run.exitCode)} but ${failed} failed result(s)`);
    });

    for (const r of run?.results ?? []) {
      it(r.title, () => {
        if (r.state === 'failed') throw new Error(r.error ?? 'failed');
        assert.equal(r.state, 'passed', `mocha reported it as ${r.state}`);
      });
    }
  });
}
