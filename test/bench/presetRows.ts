// Rows of issue 10 §5: one user session against each of the emulator's limit presets
// (`--limits documented-2021` and `quota-2025`), run twice in the same bench run: with the
// extension's adaptive rate control (defaults: seeds from the published table, learning from
// Throttling.User) and, as the baseline, with the best fixed schedule for that preset (the
// preset's own table, exactly, as a non-adaptive limiter; 1 s of slack like the old limiter).
//
// The session (one client, as in the extension; a fresh emulator per run, so windows start empty):
//  1. first view: ListRegions, then ListInstances (PageSize 1) for all 26 regions together: the
//     view shows every region and which have servers (8 of them: 50 servers in cn-hangzhou, a
//     few elsewhere);
//  2. cn-hangzhou expanded and refreshed twice (a realistic full region: 50 servers, their 12
//     snapshots, 15 images; `region-load-ms-50` is the median of the 3), then the other 7 regions
//     with servers expanded;
//  3. journey in cn-shanghai: CreateSnapshot of a system disk, polled like the tree (first after
//     3 s, then every 15 s) until Accomplished, CreateCustomImage from it, polled with the tree's
//     image backoff (10 s, ×1.5) until Available.
// Every error that reaches the session is counted; `throttled-user-errors-*` are the Throttling
// ones. The limiter's own waiting comes from its stats.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createLimiter } from '../../src/core/limiter';
import type { Limiter, LimiterConfig, LimitRule } from '../../src/core/limiter';
import { silentLogger } from '../../src/core/logger';
import { loadRegion } from '../../src/core/regionLoader';
import { createSwasClient } from '../../src/core/swasClient';
import type { SwasApi } from '../../src/core/swasApi';
import { imageFirstPollSeconds, nextPollDelay } from '../../src/tree/backoff';
import { SNAPSHOT_POLL_MIN_MS } from '../../src/tree/transitionPoller';
import { LIMIT_PRESETS } from '../emulator/limits';
import { startBenchEmulator } from './emulator';
import type { BenchEmulator, LoggedRequest } from './emulator';
import { median, row } from './results';
import type { Row } from './results';

export const PRESETS = ['quota-2025', 'documented-2021'] as const;
type Preset = (typeof PRESETS)[number];

const FULL_REGION = 'cn-hangzhou';
const JOURNEY_REGION = 'cn-shanghai';
/** Servers added to the 50 of cn-hangzhou (the demo account's spread, a little wider). */
const ELSEWHERE: [string, number][] = [
  ['cn-shanghai', 2], ['ap-southeast-1', 1], ['cn-beijing', 1], ['cn-shenzhen', 1], ['ap-northeast-1', 1], ['us-west-1', 1], ['eu-central-1', 1],
];
const SNAPSHOT_SECONDS = 2;
const IMAGE_SECONDS = 5;
/** The tree's first poll (swas.pollIntervalSeconds default). */
const FIRST_POLL_S = 3;

/** The best fixed schedule for a preset: its table, exactly, not adaptive. */
export function fixedSchedule(preset: Preset): Partial<LimiterConfig> {
  const t = LIMIT_PRESETS[preset];
  if (!t) throw new Error(`no preset ${preset}`);
  const scope = t.per;
  const rules: Record<string, LimitRule> = {};
  for (const [a, r] of Object.entries(t.operations)) rules[a] = { maxCalls: r.calls, windowMs: r.seconds * 1000, scope };
  return { rules, defaultRule: t.default ? { maxCalls: t.default.calls, windowMs: t.default.seconds * 1000, scope } : null, adaptive: false };
}

interface Session {
  firstViewMs: number;
  firstViewCalls: number;
  regionsWithServers: number;
  regionLoadMs: number;
  journeyMs: number;
  totalMs: number;
  throttledErrors: number;
  otherErrors: number;
  limiterWaitMs: number;
  limiterWaits: number;
  serverThrottles: number;
  calls: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function prepare(root: string, preset: Preset): Promise<BenchEmulator> {
  const emu = await startBenchEmulator(root, {
    scale: { servers: 50, snapshots: 12, images: 15 },
    limits: preset,
    snapshotSeconds: SNAPSHOT_SECONDS,
    imageSeconds: IMAGE_SECONDS,
  });
  for (const [regionId, n] of ELSEWHERE) for (let i = 0; i < n; i++) await emu.call('POST', '/servers', { regionId, instanceName: `${regionId}-${i + 1}` });
  // Admin calls are not API calls, but start every window afresh anyway.
  await emu.call('PUT', '/limits', { preset });
  await emu.clearRequests();
  return emu;
}

async function runSession(emu: BenchEmulator, limiter: Limiter, log: (s: string) => void, label: string): Promise<Session> {
  const api: SwasApi = createSwasClient({
    endpointTemplate: emu.endpoint,
    credentials: { getCredentials: () => Promise.resolve({ accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret }) },
    timeoutMs: 15_000,
    logger: silentLogger,
    limiter,
  });
  let throttledErrors = 0;
  let otherErrors = 0;
  const guard = async <T>(what: string, p: Promise<T>): Promise<T | undefined> => {
    try {
      return await p;
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (/throttling/i.test(code)) throttledErrors++;
      else otherErrors++;
      log(`${label}: ${what} surfaced ${code || String(e)}`);
      return undefined;
    }
  };
  const t0 = performance.now();
  // 1. first view
  const regions = (await guard('ListRegions', api.listRegions('en-US'))) ?? [];
  const counts = await Promise.all(regions.map((r) => guard(`ListInstances ${r.regionId}`, api.listInstances(r.regionId, { pageNumber: 1, pageSize: 1 }))));
  const firstViewMs = performance.now() - t0;
  const firstViewCalls = (await emu.requests()).length;
  const withServers = regions.filter((_, i) => (counts[i]?.totalCount ?? 0) > 0).map((r) => r.regionId);
  // 2. the full region, 3 times; then the other regions with servers
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    await guard(`load ${FULL_REGION}`, loadRegion(api, FULL_REGION, { fresh: i > 0 }));
    loads.push(performance.now() - s);
  }
  await Promise.all(withServers.filter((r) => r !== FULL_REGION).map((r) => guard(`load ${r}`, loadRegion(api, r))));
  // 3. journey
  const j0 = performance.now();
  await guard('journey', journey(api));
  const journeyMs = performance.now() - j0;
  const totalMs = performance.now() - t0;
  const entries: LoggedRequest[] = await emu.requests();
  const st = limiter.stats();
  return {
    firstViewMs,
    firstViewCalls,
    regionsWithServers: withServers.length,
    regionLoadMs: median(loads),
    journeyMs,
    totalMs,
    throttledErrors,
    otherErrors,
    limiterWaitMs: st.waitedMs,
    limiterWaits: st.waited,
    serverThrottles: entries.filter((e) => /throttling/i.test(e.code)).length,
    calls: entries.length,
  };
}

async function journey(api: SwasApi): Promise<void> {
  const server = (await api.listInstances(JOURNEY_REGION, { pageSize: 100 })).items[0];
  const disk = server?.disks.find((d) => d.diskType.toLowerCase() === 'system');
  if (!server || !disk) throw new Error(`no server with a system disk in ${JOURNEY_REGION}`);
  const { snapshotId } = await api.createSnapshot({ regionId: JOURNEY_REGION, diskId: disk.diskId, snapshotName: `bench-${Date.now()}`, clientToken: randomUUID() });
  for (let polls = 0; ; polls++) {
    await sleep(polls === 0 ? FIRST_POLL_S * 1000 : SNAPSHOT_POLL_MIN_MS);
    const s = (await api.listSnapshots(JOURNEY_REGION, { snapshotIds: [snapshotId] }, { fresh: true })).items[0];
    if (s && s.status.toLowerCase() === 'accomplished') break;
    if (polls > 20) throw new Error('the snapshot never settled');
  }
  const { imageId } = await api.createCustomImage({ regionId: JOURNEY_REGION, instanceId: server.instanceId, imageName: `bench-${Date.now()}`, systemSnapshotId: snapshotId, clientToken: randomUUID() });
  let delay: number | undefined;
  for (let polls = 0; ; polls++) {
    delay = nextPollDelay(delay, imageFirstPollSeconds(FIRST_POLL_S));
    await sleep(delay);
    const img = (await api.listCustomImages(JOURNEY_REGION, { imageIds: [imageId] }, { fresh: true })).items[0];
    if (img?.status === '1') return;
    if (polls > 20) throw new Error('the image never became available');
  }
}

export async function presetRows(root: string, log: (s: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  for (const preset of PRESETS) {
    const run = async (kind: 'adaptive' | 'fixed'): Promise<Session> => {
      const emu = await prepare(root, preset);
      try {
        const limiter = kind === 'adaptive' ? createLimiter() : createLimiter(fixedSchedule(preset));
        const s = await runSession(emu, limiter, log, `${preset} ${kind}`);
        log(`${preset} ${kind}: ${JSON.stringify(s, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
        return s;
      } finally {
        await emu.stop();
      }
    };
    const ours = await run('adaptive');
    const fixed = await run('fixed');
    const where = `--limits ${preset}; baseline: the best fixed schedule for it (its own table, not adaptive), same session`;
    const server = (s: Session): string => `${s.serverThrottles} Throttling answers from the emulator, ${s.limiterWaits} waits in the client limiter (${(s.limiterWaitMs / 1000).toFixed(1)} s)`;
    rows.push(
      row(`account-first-view-ms-${preset}`, ours.firstViewMs, 'ms', `sign in → all ${26} regions and which have servers (${ours.regionsWithServers}); ${where}`, fixed.firstViewMs),
      row(`account-first-view-calls-${preset}`, ours.firstViewCalls, 'calls', `1 ListRegions + 26 ListInstances (PageSize 1); ${where}`, fixed.firstViewCalls),
      row(`region-load-ms-50-${preset}`, ours.regionLoadMs, 'ms', `cn-hangzhou: 50 servers, 12 snapshots, 15 images; median of the first load and 2 refreshes; ${where}`, fixed.regionLoadMs),
      row(`journey-snapshot-image-ms-${preset}`, ours.journeyMs, 'ms', `CreateSnapshot (ready after ${SNAPSHOT_SECONDS} s), polled like the tree, CreateCustomImage (ready after ${IMAGE_SECONDS} s), polled until Available, after 10 region loads in the same minute; ${where}`, fixed.journeyMs),
      row(`session-ms-${preset}`, ours.totalMs, 'ms', `the whole session (first view + 3 loads of cn-hangzhou + 7 regions + journey), ${ours.calls} calls; ours: ${server(ours)}; baseline: ${server(fixed)}`, fixed.totalMs),
      row(`limiter-wait-ms-${preset}`, ours.limiterWaitMs, 'ms', `time calls spent waiting in the client limiter over the session (summed over calls; ${ours.limiterWaits} calls waited); baseline: the fixed schedule's`, fixed.limiterWaitMs),
      row(`throttled-user-errors-${preset}`, ours.throttledErrors, 'errors', `throttling errors that reached the user over the whole session (goal 0); other errors: ${ours.otherErrors}; baseline: the fixed schedule's (other errors ${fixed.otherErrors})`, fixed.throttledErrors),
    );
  }
  return rows;
}
