// node:test reporter that counts leaf tests and writes {passed, failed, skipped, failures[]}
// as JSON. Used by runTests.mjs to print one summary line for the whole run.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    if (data.details?.type === 'suite') {
      // A suite that failed on its own (a hook threw) with no failing child still fails the run.
      const ft = data.details?.error?.failureType;
      if (event.type === 'test:fail' && (ft === 'hookFailed' || ft === 'testCodeFailure')) {
        counts.failed++;
        counts.failures.push(
          `${data.file ?? ''} › ${data.name}: ${String(data.details.error.cause?.message ?? data.details.error.message).slice(0, 300)}`,
        );
      }
      continue;
    }
    if (data.skip !== undefined || data.todo !== undefined) {
      counts.skipped++;
    } else if (event.type === 'test:pass') {
      counts.passed++;
    } else {
      // A file that failed to load is reported as one failing test named after the file.
      const err = data.details?.error;
      if (err?.failureType === 'subtestsFailed') continue; // counted through its children
      counts.failed++;
      counts.failures.push(`${data.file ?? ''} › ${data.name}: ${String(err?.cause?.message ?? err?.message ?? '').slice(0, 300)}`);
    }
  }
  yield JSON.stringify(counts) + '\n';
}
