// The lifecycle writes under faults: every server of a region is stopped (one submission per
// server, its own ClientToken, the user's Retry resending the same token), then started again,
// with the emulator injecting faults of every kind but Timeout at a given rate on the writes.
// Afterwards, with the faults off, the truth is read back: every server stopped (then started)
// exactly once, no submission told something the state contradicts. A duplicate side effect
// shows as a retry refused with IncorrectInstanceStatus (the first attempt had committed and the
// token was not honoured). Timeout (the held response that commits late) is left out so the
// read-back needs no wait; ResetAfterCommit covers the lost answer.
import { randomUUID } from 'node:crypto';
import { SwasError } from '../../src/core/errors';
import type { RetryPolicy } from '../../src/core/retry';
import type { SwasApi } from '../../src/core/swasApi';
import { FAULT_KINDS } from '../emulator/faults';
import { makeClient } from './createCampaign';
import { recordingLogger, startLab } from './lab';

export interface LifecycleCampaignOptions {
  servers: number;
  errorRate: number;
  concurrency: number;
  userRetries: number;
  clientTimeoutMs: number;
  retry?: Partial<RetryPolicy>;
  seed?: number;
}

export interface LifecycleCampaignResult {
  submissions: number;
  succeeded: number;
  duplicates: number;
  unclear: number;
  faultsInjected: number;
  writeRequests: number;
  distinctTokens: number;
  problems: string[];
  /** Every line the client logged (for the secret scan). */
  logText: string;
  seconds: number;
}

type Outcome = 'done' | 'duplicate' | 'unclear';
const REGION = 'cn-hangzhou';

async function submit(api: SwasApi, kind: 'stop' | 'start', instanceId: string, userRetries: number): Promise<Outcome> {
  const clientToken = randomUUID();
  for (let attempt = 0; attempt <= userRetries; attempt++) {
    try {
      const p = { regionId: REGION, instanceIds: [instanceId], clientToken };
      await (kind === 'stop' ? api.stopInstances(p) : api.startInstances(p));
      return 'done';
    } catch (e) {
      if (e instanceof SwasError && e.code === 'IncorrectInstanceStatus') return 'duplicate';
      // any other failure: the user presses Retry (same token)
    }
  }
  return 'unclear';
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

export async function runLifecycleCampaign(o: LifecycleCampaignOptions): Promise<LifecycleCampaignResult> {
  const lab = await startLab({ seed: 'empty' });
  const started = Date.now();
  const logger = recordingLogger();
  try {
    const ids: string[] = [];
    for (let n = 1; n <= o.servers; n++)
      ids.push(
        (await lab.admin<{ InstanceId: string }>('POST', '/servers', { regionId: REGION, instanceName: `soak-${n}`, status: 'Running' }))
          .InstanceId,
      );
    const api = makeClient(lab, logger, o.clientTimeoutMs, o.retry);
    const problems: string[] = [];
    const outcomes: Outcome[] = [];
    let faultsInjected = 0;
    let writeRequests = 0;
    const tokens = new Set<string>();
    for (const [kind, action, end] of [
      ['stop', 'StopInstances', 'Stopped'],
      ['start', 'StartInstances', 'Running'],
    ] as const) {
      await lab.clearRequests();
      await lab.faults({
        errorRate: o.errorRate,
        kinds: FAULT_KINDS.filter((k) => k !== 'Timeout'),
        actions: [action],
        seed: o.seed ?? 11,
      });
      outcomes.push(...(await pool(ids, o.concurrency, (id) => submit(api, kind, id, o.userRetries))));
      await lab.clearFaults();
      const requests = await lab.requests(action);
      writeRequests += requests.length;
      faultsInjected += requests.filter((r) => r.code !== '').length;
      for (const r of requests) tokens.add(r.clientToken);
      await lab.admin('POST', '/clock/advance', { seconds: 15 });
      const statuses = await api.listInstanceStatus(REGION, ids, { fresh: true });
      for (const id of ids) if (statuses.get(id) !== end) problems.push(`${kind}: ${id} is ${String(statuses.get(id))}, expected ${end}`);
    }
    return {
      submissions: outcomes.length,
      succeeded: outcomes.filter((x) => x === 'done').length,
      duplicates: outcomes.filter((x) => x === 'duplicate').length,
      unclear: outcomes.filter((x) => x === 'unclear').length,
      faultsInjected,
      writeRequests,
      distinctTokens: tokens.size,
      problems,
      logText: logger.text(),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await lab.stop();
  }
}
