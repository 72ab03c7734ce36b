// bench/results.json and the printed table. Format (stable, scripted against):
// {"date", "node", "rows": [{"name", "value", "unit", "baseline": n|null, "ratio": n|null, "note"}]}
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
  const body = `Run of ${results.date} (Node ${results.node}):\n\n${formatTable(results.rows)}\n`;
  writeFileSync(path, `${text.slice(0, a + START.length)}\n${body}${text.slice(b)}`);
  return true;
}
