// Part 5 — two windows, one account, one quota. Two processes, each with its own client stack,
// submit images into the same region at the same moment (more than the quota allows, some with
// the same names as the other window), with 20 % faults of every kind. Afterwards the account is
// read back: the quota must never be exceeded, and each submission must have been told the truth
// (created → that image exists under that name; quota/name refusals → true at the end; no
// submission left without a definite answer; no image that nobody was told about).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadRegion } from '../../src/core/regionLoader';
import type { CustomImage } from '../../src/core/model';
import { FAULT_KINDS } from '../emulator/faults';
import { readTargets, makeClient } from './createCampaign';
import type { WorkerInput, WorkerOutcome } from './concurrencyWorker';
import { recordingLogger, startLab } from './lab';
import type { Lab } from './lab';

export interface ConcurrencyRound {
  quota: number;
  images: number;
  created: number;
  refusedQuota: number;
  refusedName: number;
  unclear: number;
  lies: string[];
}

export interface ConcurrencyResult {
  rounds: number;
  submissions: number;
  quotaExceeded: number;
  lies: number;
  unclear: number;
  created: number;
  refused: number;
  seconds: number;
  details: ConcurrencyRound[];
}

function runWorker(input: WorkerInput): Promise<WorkerOutcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'concurrencyWorker.js'), JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err.slice(0, 500)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop() ?? '[]') as WorkerOutcome[]);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

async function round(lab: Lab, n: number, perWindow: number, errorRate: number, realistic: boolean): Promise<ConcurrencyRound> {
  await lab.admin('POST', '/reset', {});
  const api = makeClient(lab, recordingLogger(), 3000);
  const targets = await readTargets(api, ['cn-hangzhou']);
  const before = await loadRegion(api, 'cn-hangzhou', { fresh: true });
  const quota = before.quota.limit;
  // Window A and B: their own names, plus names both windows use.
  const names = (w: string): string[] => Array.from({ length: perWindow }, (_, i) => (i % 4 === 0 ? `both-${n}-${i}` : `${w}-${n}-${i}`));
  const subs = (w: string): WorkerInput['submissions'] => names(w).map((imageName, i) => ({ ...targets[i % targets.length]!, imageName }));
  await lab.faults({ errorRate, kinds: [...FAULT_KINDS], actions: ['CreateCustomImage'], timeoutMs: 1500, seed: 100 + n });
  const startAt = Date.now() + 400;
  const common = {
    endpoint: lab.em.endpoint,
    accessKeyId: lab.em.accessKeyId,
    accessKeySecret: lab.em.accessKeySecret,
    startAt,
    concurrency: 3,
    realistic,
  };
  const [a, b] = await Promise.all([runWorker({ ...common, submissions: subs('a') }), runWorker({ ...common, submissions: subs('b') })]);
  await lab.clearFaults();
  await new Promise((r) => setTimeout(r, 1700)); // held (Timeout) requests land
  const after = await api.listCustomImages('cn-hangzhou', { pageSize: 100 }, { fresh: true });
  return judge(quota, after.items, [...a.map((o) => ({ ...o, w: 'a' })), ...b.map((o) => ({ ...o, w: 'b' }))]);
}

/** Compares what each window was told with the account's images afterwards. */
export function judge(quota: number, images: CustomImage[], all: (WorkerOutcome & { w: string })[]): ConcurrencyRound {
  const lies: string[] = [];
  const claimed = new Map<string, string>();
  for (const o of all) {
    const img = images.find((i) => i.name === o.imageName);
    if (o.outcome === 'created') {
      if (!img || img.imageId !== o.imageId)
        lies.push(`${o.w} ${o.imageName}: told created ${o.imageId}, account has ${img?.imageId ?? 'none'}`);
      if (o.imageId && claimed.has(o.imageId)) lies.push(`${o.imageId} claimed by ${claimed.get(o.imageId)} and ${o.w}`);
      if (o.imageId) claimed.set(o.imageId, `${o.w} ${o.imageName}`);
    } else if (o.code === 'CustomImageQuotaLimit') {
      if (images.length < quota) lies.push(`${o.w} ${o.imageName}: told quota full, account has ${images.length}/${quota}`);
      if (img && !all.some((x) => x !== o && x.imageName === o.imageName && x.outcome === 'created'))
        lies.push(`${o.w} ${o.imageName}: told quota full, but its image exists`);
    } else if (o.code === 'ImageNameAlreadyExist') {
      if (!img) lies.push(`${o.w} ${o.imageName}: told the name exists, it does not`);
    } else if (o.outcome === 'rejected') {
      lies.push(`${o.w} ${o.imageName}: unexpected refusal ${o.code}`);
    }
  }
  const ours = images.filter((i) => /^(a|b|both)-/.test(i.name));
  for (const img of ours) if (!claimed.has(img.imageId)) lies.push(`${img.name} (${img.imageId}) exists, nobody was told`);
  return {
    quota,
    images: images.length,
    created: all.filter((o) => o.outcome === 'created').length,
    refusedQuota: all.filter((o) => o.code === 'CustomImageQuotaLimit').length,
    refusedName: all.filter((o) => o.code === 'ImageNameAlreadyExist').length,
    unclear: all.filter((o) => o.outcome === 'unclear').length,
    lies,
  };
}

export async function runConcurrency(opts: {
  rounds: number;
  perWindow: number;
  errorRate: number;
  realistic?: boolean;
}): Promise<ConcurrencyResult> {
  // Two servers in one region: quota 6; the demo account's other regions stay untouched. With
  // `realistic`, the emulator enforces 10 CreateCustomImage calls a minute per account and each
  // window runs the extension's own limiter and retry policy: together they ask for more than the
  // account's limit, and Throttling.User (with x-acs-retry-after) must still end in the truth.
  const lab = await startLab({
    scale: { servers: 2, snapshots: 2, images: 0, regions: 1 },
    imageSeconds: 0,
    realisticLimits: opts.realistic ?? false,
  });
  const started = Date.now();
  try {
    const details: ConcurrencyRound[] = [];
    for (let n = 0; n < opts.rounds; n++) details.push(await round(lab, n, opts.perWindow, opts.errorRate, opts.realistic ?? false));
    return {
      rounds: opts.rounds,
      submissions: opts.rounds * opts.perWindow * 2,
      quotaExceeded: details.filter((d) => d.images > d.quota).length,
      lies: details.reduce((s, d) => s + d.lies.length, 0),
      unclear: details.reduce((s, d) => s + d.unclear, 0),
      created: details.reduce((s, d) => s + d.created, 0),
      refused: details.reduce((s, d) => s + d.refusedQuota + d.refusedName, 0),
      seconds: (Date.now() - started) / 1000,
      details,
    };
  } finally {
    await lab.stop();
  }
}
