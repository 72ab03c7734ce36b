// bench/results.json and the printed table. Format (stable, scripted against):
// {"date", "node", "rows": [{"name", "value", "unit", "baseline": n|null, "ratio": n|null, "note"}]}
// plus, after `--only` runs into the committed file, "updated": [{"date", "node", "rows": [names]}].
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  /** baseline / value (how many times better than the baseline), or null. */
  ratio: number | null;
  note: string;
}

export interface Results {
  date: string;
  node: string;
  rows: Row[];
  /** Rows replaced or added later by `--only` runs (each with its own date). */
  updated?: { date: string; node: string; rows: string[] }[];
}

const round = (n: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export function row(name: string, value: number, unit: string, note: string, baseline: number | null = null): Row {
  const v = round(value, unit === 'ms' || unit === 'MB' ? 1 : 0);
  const b = baseline === null ? null : round(baseline, unit === 'ms' || unit === 'MB' ? 1 : 0);
  const ratio = b === null || v === 0 ? null : round(b / v, 2);
  return { name, value: v, unit, baseline: b, ratio, note };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function writeResults(path: string, rows: Row[]): Results {
  const results: Results = { date: new Date().toISOString(), node: process.version, rows };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

/**
 * An `--only` run into the committed file: its rows replace the rows of the same name (or are
 * added at the end), every other row and the full run's date stay, and the run is listed in
 * `updated`. Without a readable file it is a plain write.
 */
export function mergeResults(path: string, rows: Row[]): Results {
  let old: Results | undefined;
  try {
    old = JSON.parse(readFileSync(path, 'utf8')) as Results;
  } catch {
    old = undefined;
  }
  if (!old || !Array.isArray(old.rows)) return writeResults(path, rows);
  const fresh = new Map(rows.map((r) => [r.name, r]));
  const merged = old.rows.map((r) => fresh.get(r.name) ?? r);
  for (const r of rows) if (!old.rows.some((o) => o.name === r.name)) merged.push(r);
  const names = new Set(rows.map((r) => r.name));
  const updated = [...(old.updated ?? []).map((u) => ({ ...u, rows: u.rows.filter((n) => !names.has(n)) })).filter((u) => u.rows.length), { date: new Date().toISOString(), node: process.version, rows: rows.map((r) => r.name) }];
  const results: Results = { date: old.date, node: old.node, rows: merged, updated };
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

function cell(v: number | null): string {
  return v === null ? '—' : v.toLocaleString('en-US');
}

/** A Markdown table (also readable in a terminal). */
export function formatTable(rows: Row[]): string {
  const header = ['row', 'value', 'unit', 'baseline', 'ratio', 'note'];
  const lines = rows.map((r) => [r.name, cell(r.value), r.unit, cell(r.baseline), r.ratio === null ? '—' : `${r.ratio}×`, r.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]): string => `| ${cells.map((c, i) => (i === 5 ? c : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w, i) => '-'.repeat((i === 5 ? 4 : w) + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

const START = '<!-- results:start (written by npm run bench) -->';
const END = '<!-- results:end -->';

/** Replaces the table between the markers of bench/README.md (if the file has them). */
export function updateReadme(path: string, results: Results): boolean {
  if (!existsSync(path)) return false;
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return false;
  const later = (results.updated ?? []).map((u) => `; ${u.rows.join(', ')} from a run of ${u.date} (Node ${u.node})`).join('');
  const body = `Run of ${results.date} (Node ${results.node})${later}:\n\n${formatTable(results.rows)}\n`;
  writeFileSync(path, `${text.slice(0, a + START.length)}\n${body}${text.slice(b)}`);
  return true;
}
