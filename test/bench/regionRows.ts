// Rows 1 and 3: region load at three sizes, ours vs the SDK baseline, and the throttled load.
// Every figure comes from the same run, against an emulator this bench starts.
import { performance } from 'node:perf_hooks';
import { baselineRegionLoad } from './baselineSdk';
import { LATENCY, startBenchEmulator } from './emulator';
import type { BenchEmulator, Scale } from './emulator';
import { extensionClient, oursRegionLoad } from './ours';
import { requestStats } from './requestStats';
import type { RequestStats } from './requestStats';
import { median, row } from './results';
import type { Row } from './results';

const REGION = 'cn-hangzhou';

interface Measured {
  ms: number;
  stats: RequestStats;
  counts: string;
}

async function measure(emu: BenchEmulator, run: () => Promise<{ servers: number; snapshots: number; images: number }>): Promise<Measured> {
  await emu.clearRequests();
  const t0 = performance.now();
  const r = await run();
  const ms = performance.now() - t0;
  return { ms, stats: requestStats(await emu.requests()), counts: `${r.servers}/${r.snapshots}/${r.images}` };
}

function label(s: Scale): string {
  return `${s.servers}/${s.snapshots}`;
}

export interface SizeSpec {
  key: string;
  scale: Scale;
  /** Runs of ours (median wall time); the baseline runs once. */
  runs: number;
}

export const SIZES: SizeSpec[] = [
  { key: '10', scale: { servers: 10, snapshots: 20, images: 5 }, runs: 5 },
  { key: '300', scale: { servers: 300, snapshots: 900, images: 5 }, runs: 3 },
  { key: '1000', scale: { servers: 1000, snapshots: 3000, images: 5 }, runs: 1 },
];

export async function regionRows(root: string, log: (s: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of SIZES) {
    const emu = await startBenchEmulator(root, { scale: size.scale });
    try {
      const ours: Measured[] = [];
      for (let i = 0; i < size.runs; i++) ours.push(await measure(emu, () => oursRegionLoad(extensionClient(emu), REGION, Infinity)));
      const base = await measure(emu, () => baselineRegionLoad(emu, REGION));
      const o = ours[0] as Measured;
      const ms = median(ours.map((m) => m.ms));
      if (o.counts !== base.counts) throw new Error(`ours loaded ${o.counts} (servers/snapshots/images), the baseline ${base.counts}`);
      const what = `${label(size.scale)} servers/snapshots, all items (${o.counts} loaded by both)`;
      log(`region ${label(size.scale)}: ours ${o.stats.calls} calls ${JSON.stringify(o.stats.byAction)}, ${o.stats.roundTrips} round trips, ${ms.toFixed(0)} ms; baseline ${base.stats.calls} calls, ${base.stats.roundTrips} round trips, ${base.ms.toFixed(0)} ms`);
      rows.push(
        row(`region-load-ms-${size.key}`, ms, 'ms', `${what}; ours median of ${size.runs}, fresh client each`, base.ms),
        row(`region-calls-${size.key}`, o.stats.calls, 'calls', `${what}; ours ${actions(o.stats)}; baseline ${actions(base.stats)}`, base.stats.calls),
        row(`region-round-trips-${size.key}`, o.stats.roundTrips, 'round trips', `${what}; sequential round trips from the request log`, base.stats.roundTrips),
      );
      if (size.key === '1000') {
        const first = await measure(emu, () => oursRegionLoad(extensionClient(emu), REGION));
        log(`region 1000 first view: ${first.stats.calls} calls, ${first.stats.roundTrips} round trips, ${first.ms.toFixed(0)} ms`);
        rows.push(
          row('region-load-ms-1000-first-view', first.ms, 'ms', `what expanding the region shows: the first 500 of each list + "Load more…" (${first.counts}); ${actions(first.stats)}, ${first.stats.roundTrips} round trips`, base.ms),
        );
      }
    } finally {
      await emu.stop();
    }
  }
  return rows;
}

function actions(s: RequestStats): string {
  return Object.entries(s.byAction)
    .map(([a, n]) => `${n} ${a}`)
    .join(' + ');
}

/** Row 3: 300/900 with the emulator's realistic limits (10/min for ListSnapshots and others). */
export async function throttledRows(root: string, log: (s: string) => void): Promise<Row[]> {
  const emu = await startBenchEmulator(root, { scale: { servers: 300, snapshots: 900, images: 5 }, realisticLimits: true });
  try {
    const api = extensionClient(emu);
    let errors = 0;
    const load = async (fresh: boolean): Promise<Measured> =>
      measure(emu, async () => {
        try {
          return await oursRegionLoad(api, REGION, Infinity, fresh);
        } catch (e) {
          errors += 1;
          log(`throttled load surfaced: ${e instanceof Error ? e.message : String(e)}`);
          return { servers: 0, snapshots: 0, images: 0 };
        }
      });
    const first = await load(false);
    const refresh = await load(true);
    // The baseline under the same limits (fresh throttling windows: setting faults clears them).
    await emu.latency(LATENCY.latencyMs, LATENCY.jitterMs);
    let baseError = '';
    const base = await measure(emu, async () => {
      try {
        return await baselineRegionLoad(emu, REGION);
      } catch (e) {
        baseError = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
        return { servers: 0, snapshots: 0, images: 0 };
      }
    });
    log(`throttled baseline: ${baseError ? `failed with ${baseError}` : 'completed'} after ${base.stats.calls} calls, ${base.ms.toFixed(0)} ms`);
    log(`throttled 300/900: first ${first.ms.toFixed(0)} ms (${first.stats.throttled} throttled responses), refresh ${refresh.ms.toFixed(0)} ms (${refresh.stats.throttled} throttled), errors surfaced ${errors}`);
    const note = (m: Measured): string => `${m.counts} loaded; ${m.stats.calls} calls, ${m.stats.throttled} Throttling responses from the emulator`;
    return [
      row(
        'throttled-load-ms-300',
        first.ms,
        'ms',
        `300/900 with --realistic-limits, time to a complete tree; ${note(first)}; baseline: ${baseError ? `the SDK script never completes: it stops with ${baseError} after ${base.stats.calls} calls (${base.ms.toFixed(0)} ms)` : `completed in ${base.ms.toFixed(0)} ms`}`,
        baseError ? null : base.ms,
      ),
      row('throttled-refresh-ms-300', refresh.ms, 'ms', `the same region refreshed at once (fresh), within the same minute: the limiter spaces ListSnapshots; ${note(refresh)}`),
      row('throttled-errors-300', errors, 'errors', 'errors surfaced to the caller over both loads (goal 0); baseline: the SDK script\'s', baseError ? 1 : 0),
    ];
  } finally {
    await emu.stop();
  }
}
