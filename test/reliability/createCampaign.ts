// Part 1a — the create-image fault campaign. N submissions through the extension's client
// (createSwasClient, one ClientToken per submission, kept for the client's own retries and for
// the user's "Retry" button, as the form does) against the emulator injecting faults of every
// kind at a given rate. Afterwards, with the faults off, the truth is read back and compared
// with what each submission was told:
//   - duplicates: images beyond one per submission (goal 0);
//   - unclear: a submission that ended without a definite answer (still retryable after the
//     user's retries), or was told something the account contradicts (goal 0).
import { randomUUID } from 'node:crypto';
import { isSwasError } from '../../src/core/errors';
import { loadRegion } from '../../src/core/regionLoader';
import { createSwasClient } from '../../src/core/swasClient';
import type { RetryPolicy } from '../../src/core/retry';
import type { SwasApi } from '../../src/core/swasApi';
import type { RegionData } from '../../src/core/model';
import { submitThroughForm } from './formSubmission';
import { FAULT_KINDS } from '../emulator/faults';
import { scaleRegionIds } from '../emulator/seeds/scale';
import type { Lab } from './lab';
import { envVariantsWithout } from '../emulator/index';
import { errorText, recordingLogger, startLab } from './lab';
import type { RecordingLogger } from './lab';

export interface CreateCampaignOptions {
  submissions: number;
  errorRate: number;
  /** Parallel submissions (users/panels). */
  concurrency: number;
  /** Client request timeout; the emulator's Timeout fault holds a response longer than this. */
  clientTimeoutMs: number;
  /** How many times the user presses Retry after a retryable failure. */
  userRetries: number;
  retry?: Partial<RetryPolicy>;
  seed?: number;
  /**
   * 'client': createCustomImage with a token per submission; 'form': through the panel's host
   * controller (its own ClientToken handling and Retry), one panel per submission.
   */
  via?: 'client' | 'form';
}

export interface Target {
  regionId: string;
  instanceId: string;
  systemSnapshotId: string;
}

export interface SubmissionResult {
  name: string;
  regionId: string;
  outcome: 'created' | 'rejected' | 'unclear';
  imageId?: string;
  code?: string;
  userRetries: number;
}

export interface CreateCampaignResult {
  attempts: number;
  created: number;
  rejected: number;
  imagesCreated: number;
  duplicates: number;
  unclear: number;
  /** Retries made by the client (attempt > 1) plus user Retry presses. */
  clientRetries: number;
  userRetries: number;
  faultsInjected: Record<string, number>;
  createRequests: number;
  /** Distinct ClientTokens in the emulator's log: one per submission, whatever the retries. */
  distinctTokens: number;
  seconds: number;
  /** Everything the client logged and every error text it produced (for the secret scan). */
  logText: string;
  errorTexts: string[];
  problems: string[];
}

const IMAGES_PER_REGION = 15;

/** Servers with 5 servers each (quota 15) in enough regions, one accomplished system snapshot each. */
export function campaignScale(submissions: number): { servers: number; snapshots: number; images: number; regions: number } {
  return { servers: 5, snapshots: 5, images: 0, regions: Math.min(26, Math.ceil(submissions / IMAGES_PER_REGION)) };
}

/** Reads targets through the client itself (fault-free): one system snapshot per server. */
export async function readTargets(api: SwasApi, regionIds: string[]): Promise<Target[]> {
  const out: Target[] = [];
  for (const regionId of regionIds) {
    const data = await loadRegion(api, regionId, { fresh: true });
    for (const i of data.instances) {
      const snap = (data.snapshotsByInstance.get(i.instanceId) ?? []).find(
        (s) => s.sourceDiskType === 'System' && s.status === 'Accomplished',
      );
      if (snap && (i.status === 'Running' || i.status === 'Stopped'))
        out.push({ regionId, instanceId: i.instanceId, systemSnapshotId: snap.snapshotId });
    }
  }
  return out;
}

async function submit(api: SwasApi, target: Target, name: string, userRetries: number, errors: string[]): Promise<SubmissionResult> {
  const clientToken = randomUUID();
  const params = { ...target, imageName: name, description: 'reliability campaign', clientToken };
  for (let press = 0; ; press++) {
    try {
      const res = await api.createCustomImage(params);
      return { name, regionId: target.regionId, outcome: 'created', imageId: res.imageId, userRetries: press };
    } catch (e) {
      errors.push(errorText(e));
      const retryable = isSwasError(e) && e.retryable;
      const code = isSwasError(e) ? e.code : 'NotASwasError';
      if (!retryable) return { name, regionId: target.regionId, outcome: 'rejected', code, userRetries: press };
      if (press >= userRetries) return { name, regionId: target.regionId, outcome: 'unclear', code, userRetries: press };
    }
  }
}

async function pool<T, R>(items: T[], concurrency: number, fn: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return out;
}

export function makeClient(lab: Lab, logger: RecordingLogger, timeoutMs: number, retry?: Partial<RetryPolicy>): SwasApi {
  const creds = { accessKeyId: lab.em.accessKeyId, accessKeySecret: lab.em.accessKeySecret };
  return createSwasClient({
    endpointTemplate: lab.em.endpoint,
    credentials: { getCredentials: () => Promise.resolve(creds) },
    timeoutMs,
    logger,
    // The emulator runs without its realistic 10/min limits here: the limiter would only make the
    // campaign last 20 minutes without changing what is measured (faults, tokens, outcomes).
    limiter: { rules: {} },
    retry,
  });
}

export async function runCreateCampaign(o: CreateCampaignOptions): Promise<CreateCampaignResult> {
  const scale = campaignScale(o.submissions);
  // 40+ images over several regions cannot exist under the account-wide reading of the quota
  // (at most 15 per account), so the campaign opts out of that one variant; it is about faults.
  const lab = await startLab({ scale, imageSeconds: 0, variants: envVariantsWithout('account-wide-quota') });
  const started = Date.now();
  try {
    const logger = recordingLogger();
    const api = makeClient(lab, logger, o.clientTimeoutMs, o.retry);
    const regionIds = scaleRegionIds(scale.regions);
    const targets = await readTargets(api, regionIds);
    const regionData = new Map<string, RegionData>();
    if (o.via === 'form') for (const r of regionIds) regionData.set(r, await loadRegion(api, r, { fresh: true }));
    const run = `r${Date.now().toString(36)}`;
    const plan = Array.from({ length: o.submissions }, (_, i) => ({
      target: targets[i % targets.length] as Target,
      name: `soak-${run}-${i + 1}`,
    }));
    const holdMs = Math.round(o.clientTimeoutMs * 1.5);
    await lab.clearRequests();
    await lab.faults({ errorRate: o.errorRate, kinds: [...FAULT_KINDS], timeoutMs: holdMs, seed: o.seed ?? 7 });
    const errors: string[] = [];
    const results =
      o.via === 'form'
        ? await pool(plan, o.concurrency, (p) => submitThroughForm(api, regionData, p.target, p.name, o.userRetries, errors))
        : await pool(plan, o.concurrency, (p) => submit(api, p.target, p.name, o.userRetries, errors));
    await lab.clearFaults();
    // Responses held by the Timeout fault commit when they wake up: let them land first.
    await new Promise((r) => setTimeout(r, holdMs + 200));
    const requests = await lab.requests('CreateCustomImage');
    const faultsInjected: Record<string, number> = {};
    for (const r of requests) {
      const kind = r.code === '' ? (r.ms >= holdMs ? 'Timeout' : '') : r.code === 'BadGateway' ? 'BadGateway' : r.code;
      if (kind) faultsInjected[kind] = (faultsInjected[kind] ?? 0) + 1;
    }
    const verdict = await verify(api, regionIds, results, run);
    const clientRetries = logger.calls.filter((c) => c.action === 'CreateCustomImage' && (c.attempt ?? 1) > 1).length;
    const userRetries = results.reduce((n, r) => n + r.userRetries, 0);
    return {
      attempts: o.submissions,
      created: results.filter((r) => r.outcome === 'created').length,
      rejected: results.filter((r) => r.outcome === 'rejected').length,
      imagesCreated: verdict.images,
      duplicates: verdict.duplicates,
      unclear: results.filter((r) => r.outcome === 'unclear').length + verdict.contradicted,
      clientRetries,
      userRetries,
      faultsInjected,
      createRequests: requests.length,
      distinctTokens: new Set(requests.map((r) => r.clientToken)).size,
      seconds: (Date.now() - started) / 1000,
      logText: logger.text(),
      errorTexts: errors,
      problems: verdict.problems,
    };
  } finally {
    await lab.stop();
  }
}

/** Reads the images back (no faults) and checks every submission against them. */
async function verify(
  api: SwasApi,
  regionIds: string[],
  results: SubmissionResult[],
  run: string,
): Promise<{ images: number; duplicates: number; contradicted: number; problems: string[] }> {
  const byName = new Map<string, string[]>();
  for (const regionId of regionIds) {
    const page = await api.listCustomImages(regionId, { pageSize: 100 }, { fresh: true });
    for (const img of page.items) {
      if (!img.name.startsWith(`soak-${run}-`)) continue;
      byName.set(img.name, [...(byName.get(img.name) ?? []), img.imageId]);
    }
  }
  const problems: string[] = [];
  let duplicates = 0;
  let images = 0;
  for (const [name, ids] of byName) {
    images += ids.length;
    if (ids.length > 1) {
      duplicates += ids.length - 1;
      problems.push(`${name}: ${ids.length} images`);
    }
  }
  let contradicted = 0;
  for (const r of results) {
    const ids = byName.get(r.name) ?? [];
    if (r.outcome === 'created' && !(r.imageId && ids.includes(r.imageId))) {
      contradicted += 1;
      problems.push(`${r.name}: told created ${r.imageId ?? ''}, account has [${ids.join(', ')}]`);
    }
    if (r.outcome === 'rejected' && ids.length > 0) {
      contradicted += 1;
      problems.push(`${r.name}: told rejected (${r.code ?? ''}), account has [${ids.join(', ')}]`);
    }
    if (r.outcome === 'unclear') problems.push(`${r.name}: no clear outcome (${r.code ?? ''})`);
  }
  const submitted = new Set(results.map((r) => r.name));
  for (const name of byName.keys()) if (!submitted.has(name)) problems.push(`${name}: image nobody submitted`);
  return { images, duplicates, contradicted, problems };
}
