// Row 2, client level: the calls of one "open the view → image created and shown as available"
// journey, counted from the emulator's request log, next to the minimum possible. The steps are
// the extension's (see journeySteps below); the exthost variant (exthostRows) drives the real
// extension instead and supersedes this row when it runs.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { RegionData } from '../../src/core/model';
import { loadRegion } from '../../src/core/regionLoader';
import type { SwasApi } from '../../src/core/swasApi';
import { imageFirstPollSeconds, nextPollDelay } from '../../src/tree/backoff';
import { startBenchEmulator } from './emulator';
import type { BenchEmulator, LoggedRequest } from './emulator';
import { extensionClient } from './ours';
import { requestStats } from './requestStats';
import { row } from './results';
import type { Row } from './results';

export const JOURNEY_REGION = 'cn-hangzhou';
export const JOURNEY_SERVER = 'web-prod-1';
/** The emulator's default image creation time (status "4" → "1"), left as is. */
export const IMAGE_SECONDS = 30;

/**
 * The minimum: every fact the journey shows needs at least one read, and the image one write.
 *  - region names: 1 ListRegions
 *  - the region's servers, snapshots and images (quota used/limit, name uniqueness):
 *    ⌈servers/100⌉ ListInstances + ⌈snapshots/100⌉ ListSnapshots + ⌈images/100⌉ ListCustomImages
 *    (the form reuses them: same data, no second read)
 *  - 1 CreateCustomImage
 *  - 1 ListCustomImages that sees the new image Available (a read after it became available:
 *    no client can know the status without it; polling that hits exactly once is the lower bound)
 */
export function journeyMinimum(totals: { instances: number; snapshots: number; images: number }): { calls: number; derivation: string } {
  const pages = (n: number): number => Math.max(1, Math.ceil(n / 100));
  const parts: Array<[string, number]> = [
    ['ListRegions', 1],
    ['ListInstances', pages(totals.instances)],
    ['ListSnapshots', pages(totals.snapshots)],
    ['ListCustomImages', pages(totals.images)],
    ['CreateCustomImage', 1],
    ['ListCustomImages (sees Available)', 1],
  ];
  return { calls: parts.reduce((s, [, n]) => s + n, 0), derivation: parts.map(([a, n]) => `${n} ${a}`).join(' + ') };
}

function pollDelay(previous: number | undefined): number {
  // The tree's backoff for a creating image (src/tree/backoff.ts): the first poll at 10 s (or
  // swas.pollIntervalSeconds, default 3, if larger), ×1.5, ≤ 60 s.
  return nextPollDelay(previous, imageFirstPollSeconds(3));
}

/** The extension's steps, on the core client. */
export async function journeySteps(api: SwasApi): Promise<{ data: RegionData; imageId: string; polls: number }> {
  await api.listRegions('en-US'); // the view opens: region nodes
  const data = await loadRegion(api, JOURNEY_REGION); // the region is expanded
  const server = data.instances.find((i) => i.instanceName === JOURNEY_SERVER);
  if (!server) throw new Error(`no ${JOURNEY_SERVER} in ${JOURNEY_REGION}`);
  const snapshot = (data.snapshotsByInstance.get(server.instanceId) ?? []).find((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished');
  if (!snapshot) throw new Error(`no accomplished system snapshot on ${JOURNEY_SERVER}`);
  const created = await api.createCustomImage({
    regionId: JOURNEY_REGION,
    instanceId: server.instanceId,
    imageName: `bench-${Date.now()}`,
    systemSnapshotId: snapshot.snapshotId,
    clientToken: randomUUID(),
  });
  // Polled with the tree's backoff until Available ("1").
  let delay: number | undefined;
  for (let polls = 1; ; polls++) {
    delay = pollDelay(delay);
    await new Promise((r) => setTimeout(r, delay));
    const page = await api.listCustomImages(JOURNEY_REGION, { imageIds: [created.imageId], pageSize: 100 }, { fresh: true });
    const image = page.items.find((i) => i.imageId === created.imageId);
    if (image?.status === '1') return { data, imageId: created.imageId, polls };
    if (polls > 30) throw new Error('the image never became available');
  }
}

export function describeCalls(entries: LoggedRequest[]): string {
  return Object.entries(requestStats(entries).byAction)
    .map(([a, n]) => `${n} ${a}`)
    .join(' + ');
}

/**
 * The demo seed with nothing else in flight, so that every call of the journey is about the one
 * image: the "Starting" server is set Running and the clock moved past the "Progressing"
 * snapshot's completion (otherwise the tree rightly polls them too, which is not this journey).
 */
export async function journeyEmulator(root: string): Promise<BenchEmulator> {
  const emu = await startBenchEmulator(root, { seed: 'demo', imageSeconds: IMAGE_SECONDS });
  await emu.call('POST', '/clock/advance', { seconds: 3600 });
  const page = await extensionClient(emu).listInstances(JOURNEY_REGION, { pageSize: 100 });
  for (const i of page.items) if (i.status === 'Starting' || i.status === 'Stopping') await emu.call('POST', `/servers/${i.instanceId}/status`, { status: 'Running' });
  return emu;
}

export async function journeyRows(root: string, log: (s: string) => void): Promise<Row[]> {
  const emu = await journeyEmulator(root);
  try {
    await emu.clearRequests();
    const t0 = performance.now();
    const r = await journeySteps(extensionClient(emu));
    const ms = performance.now() - t0;
    const entries = await emu.requests();
    const min = journeyMinimum(r.data.totals ?? { instances: r.data.instances.length, snapshots: 0, images: r.data.images.length });
    log(`journey (client level): ${entries.length} calls (${describeCalls(entries)}), minimum ${min.calls}, ${(ms / 1000).toFixed(1)} s`);
    return [
      row(
        'journey-calls',
        entries.length,
        'calls',
        `client level (core client + the tree's steps and poll backoff, no VS Code): ${describeCalls(entries)}; image ready after ${IMAGE_SECONDS} s, seen on poll ${r.polls}; minimum = ${min.derivation}`,
        min.calls,
      ),
    ];
  } finally {
    await emu.stop();
  }
}

/** "+0.0s ListRegions, +0.9s ListInstances, …" (request arrival times from the first request). */
export function timeline(entries: LoggedRequest[]): string {
  const starts = entries.map((e) => ({ at: Date.parse(e.time) - e.ms, e })).sort((a, b) => a.at - b.at);
  const t0 = starts[0]?.at ?? 0;
  return starts.map(({ at, e }) => `+${((at - t0) / 1000).toFixed(1)}s ${e.action}${e.code ? `(${e.code})` : ''}`).join(', ');
}
