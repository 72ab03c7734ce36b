// Part 1b — tree loads under faults. Regions with several pages of servers and snapshots are
// loaded with `loadRegion` (what the tree calls when a region expands) while the emulator
// injects faults on the list calls. Each load must end either complete (every server, snapshot
// and image of the region, checked against a fault-free load) or with a clear error (a
// SwasError with a code and a message: the tree shows an error node with Retry). A load that
// resolves with fewer items than the region has, without saying `truncated`, is a silently
// partial list presented as complete.
import { isSwasError } from '../../src/core/errors';
import { loadRegion } from '../../src/core/regionLoader';
import type { RegionData } from '../../src/core/model';
import type { RetryPolicy } from '../../src/core/retry';
import { FAULT_KINDS } from '../emulator/faults';
import { scaleRegionIds } from '../emulator/seeds/scale';
import { makeClient } from './createCampaign';
import { errorText, recordingLogger, startLab } from './lab';

export interface TreeCampaignOptions {
  /** Region loads in all (spread over the regions). */
  loads: number;
  regions: number;
  servers: number;
  snapshots: number;
  errorRate: number;
  clientTimeoutMs: number;
  concurrency: number;
  retry?: Partial<RetryPolicy>;
  seed?: number;
}

export interface TreeCampaignResult {
  loads: number;
  complete: number;
  clearErrors: number;
  partialAsComplete: number;
  listCalls: number;
  faultsInjected: number;
  seconds: number;
  errorCodes: Record<string, number>;
  logText: string;
  errorTexts: string[];
  problems: string[];
}

export const LIST_ACTIONS = ['ListInstances', 'ListSnapshots', 'ListCustomImages'];

function counts(d: RegionData): { instances: number; snapshots: number; images: number; ids: string } {
  let snapshots = 0;
  const ids: string[] = [];
  for (const list of d.snapshotsByInstance.values()) {
    snapshots += list.length;
    for (const s of list) ids.push(s.snapshotId);
  }
  ids.push(...d.instances.map((i) => i.instanceId), ...d.images.map((i) => i.imageId));
  return { instances: d.instances.length, snapshots, images: d.images.length, ids: ids.sort().join(',') };
}

export async function runTreeCampaign(o: TreeCampaignOptions): Promise<TreeCampaignResult> {
  const lab = await startLab({
    scale: { servers: o.servers, snapshots: o.snapshots, images: 6, regions: o.regions, allowUnrealistic: true },
  });
  const started = Date.now();
  try {
    const logger = recordingLogger();
    const api = makeClient(lab, logger, o.clientTimeoutMs, o.retry);
    const regionIds = scaleRegionIds(o.regions);
    const truth = new Map<string, ReturnType<typeof counts> & { truncated: boolean }>();
    for (const r of regionIds) {
      const d = await loadRegion(api, r, { fresh: true, maxItems: 10_000 });
      truth.set(r, { ...counts(d), truncated: d.truncated });
    }
    await lab.clearRequests();
    await lab.faults({
      errorRate: o.errorRate,
      kinds: [...FAULT_KINDS],
      actions: LIST_ACTIONS,
      timeoutMs: Math.round(o.clientTimeoutMs * 1.5),
      seed: o.seed ?? 11,
    });
    const result: TreeCampaignResult = {
      loads: o.loads,
      complete: 0,
      clearErrors: 0,
      partialAsComplete: 0,
      listCalls: 0,
      faultsInjected: 0,
      seconds: 0,
      errorCodes: {},
      logText: '',
      errorTexts: [],
      problems: [],
    };
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < o.loads) {
        const n = next++;
        const regionId = regionIds[n % regionIds.length] as string;
        const want = truth.get(regionId);
        try {
          // fresh: every load goes to the server, as a user's Refresh does.
          const d = await loadRegion(api, regionId, { fresh: true, maxItems: 10_000 });
          const got = counts(d);
          if (want && got.ids === want.ids) result.complete += 1;
          else if (d.truncated) result.clearErrors += 1;
          else {
            result.partialAsComplete += 1;
            result.problems.push(
              `${regionId}: got ${got.instances}/${got.snapshots}/${got.images}, has ${want?.instances}/${want?.snapshots}/${want?.images}`,
            );
          }
        } catch (e) {
          result.errorTexts.push(errorText(e));
          if (isSwasError(e) && e.code && e.message) {
            result.clearErrors += 1;
            result.errorCodes[e.code] = (result.errorCodes[e.code] ?? 0) + 1;
          } else {
            result.partialAsComplete += 1;
            result.problems.push(`${regionId}: unclear error ${errorText(e).slice(0, 200)}`);
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
    await lab.clearFaults();
    const requests = await lab.requests();
    result.listCalls = requests.filter((r) => LIST_ACTIONS.includes(r.action)).length;
    result.faultsInjected = requests.filter(
      (r) => LIST_ACTIONS.includes(r.action) && (r.code !== '' || r.httpStatus === 0 || r.ms >= o.clientTimeoutMs),
    ).length;
    result.seconds = (Date.now() - started) / 1000;
    result.logText = logger.text();
    return result;
  } finally {
    await lab.stop();
  }
}
