// `npm run bench`: every row in one run, the table on stdout, bench/results.json written.
// Usage: node out/test/bench/main.js [--only region,throttled,presets,heap,size,exthost,journey,lifecycle,connect] [--out FILE]
// With --only, bench/results.json keeps the other rows: the run's rows replace theirs (see mergeResults).
// `journey` is the client-level journey: it runs only when the extension-host one (exthost) did not.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectBenchRows } from './connectRows';
import { exthostRows } from './exthostRows';
import { heapRows } from './heapRows';
import { journeyRows } from './journey';
import { lifecycleRows } from './lifecycleRows';
import { presetRows } from './presetRows';
import { regionRows, throttledRows } from './regionRows';
import { productionVsixPath, sizeRows } from './sizes';
import { formatTable, mergeResults, updateReadme, writeResults } from './results';
import type { Row } from './results';

// Order matters: the client-level journey runs last, only when the extension-host journey did not.
const ALL = ['region', 'throttled', 'presets', 'heap', 'size', 'exthost', 'journey', 'lifecycle', 'connect'] as const;
type Part = (typeof ALL)[number];

interface Args {
  only: Set<Part>;
  out: string;
}

function parseArgs(root: string, argv: string[]): Args {
  const args: Args = { only: new Set(ALL), out: resolve(root, 'bench/results.json') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') {
      const parts = (argv[++i] ?? '').split(',').filter(Boolean);
      for (const p of parts) if (!(ALL as readonly string[]).includes(p)) throw new Error(`unknown part "${p}"; known: ${ALL.join(', ')}`);
      args.only = new Set(parts as Part[]);
    } else if (a === '--out') args.out = resolve(argv[++i] ?? '');
    else throw new Error(`unknown option ${String(a)}`);
  }
  return args;
}

type PartRunner = (root: string, log: (s: string) => void) => Promise<Row[]>;

async function main(): Promise<void> {
  const root = resolve(__dirname, '../../..');
  const args = parseArgs(root, process.argv.slice(2));
  const started = Date.now();
  const log = (s: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
  const runners: Partial<Record<Part, PartRunner>> = { region: regionRows, throttled: throttledRows, presets: presetRows, journey: journeyRows, heap: heapRows, size: sizeRows, exthost: exthostRows, lifecycle: lifecycleRows, connect: connectBenchRows };
  rmSync(productionVsixPath(root), { force: true });
  const rows: Row[] = [];
  for (const part of ALL) {
    const run = runners[part];
    if (!args.only.has(part) || !run) continue;
    if (part === 'journey' && rows.some((r) => r.name === 'journey-calls')) continue;
    log(`${part}…`);
    try {
      rows.push(...(await run(root, log)));
    } catch (e) {
      // One failing part must not lose the others' figures; the run still exits non-zero.
      process.exitCode = 1;
      log(`${part} FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  // A subset run into the committed file replaces only its own rows there (--out FILE: just them).
  const committed = args.out === resolve(root, 'bench/results.json');
  const whole = args.only.size === ALL.length;
  const results = committed && !whole ? mergeResults(args.out, rows) : writeResults(args.out, rows);
  const readme = resolve(root, 'bench/README.md');
  if (committed && updateReadme(readme, results)) log(`updated the table in ${readme}`);
  console.log(`\n${formatTable(rows)}\n`);
  log(`wrote ${args.out}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
