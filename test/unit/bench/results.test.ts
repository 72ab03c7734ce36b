// bench/results.json after an `--only` run: its rows replace theirs, the others and the full run's
// date stay, and `updated` says which rows came from which later run; the README table says so.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mergeResults, row, updateReadme, writeResults } from '../../bench/results';
import type { Results } from '../../bench/results';

function inDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'swas-bench-results-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('mergeResults', () => {
  it('replaces rows by name in place, appends new ones, keeps the rest and the full run\'s date', () => inDir((dir) => {
    const file = join(dir, 'results.json');
    const full = writeResults(file, [row('a', 1, 'calls', 'old a'), row('b', 2, 'calls', 'old b')]);
    const merged = mergeResults(file, [row('b', 3, 'calls', 'new b', 3), row('c', 4, 'ms', 'new c')]);
    assert.deepEqual(merged.rows.map((r) => [r.name, r.value, r.note]), [['a', 1, 'old a'], ['b', 3, 'new b'], ['c', 4, 'new c']]);
    assert.equal(merged.date, full.date);
    assert.deepEqual(merged.updated?.map((u) => u.rows), [['b', 'c']]);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), merged);
  }));

  it('a later run of the same rows takes them out of the earlier entry of `updated`', () => inDir((dir) => {
    const file = join(dir, 'results.json');
    writeResults(file, [row('a', 1, 'calls', '')]);
    mergeResults(file, [row('b', 1, 'calls', ''), row('c', 1, 'calls', '')]);
    const again = mergeResults(file, [row('c', 2, 'calls', '')]);
    assert.deepEqual(again.updated?.map((u) => u.rows), [['b'], ['c']]);
  }));

  it('without a readable file it is a plain write', () => inDir((dir) => {
    const file = join(dir, 'results.json');
    writeFileSync(file, 'not json');
    const r = mergeResults(file, [row('x', 1, 'calls', '')]);
    assert.equal(r.updated, undefined);
    assert.deepEqual(r.rows.map((x) => x.name), ['x']);
  }));

  it('the README table names the later run', () => inDir((dir) => {
    const readme = join(dir, 'README.md');
    writeFileSync(readme, 'x\n<!-- results:start (written by npm run bench) -->\nold\n<!-- results:end -->\ny\n');
    const results: Results = { date: 'D1', node: 'v1', rows: [row('a', 1, 'calls', '')], updated: [{ date: 'D2', node: 'v2', rows: ['a'] }] };
    assert.ok(updateReadme(readme, results));
    assert.match(readFileSync(readme, 'utf8'), /Run of D1 \(Node v1\); a from a run of D2 \(Node v2\):\n\n\| row/);
  }));
});
