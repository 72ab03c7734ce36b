// Runs the long server operations (start, stop, reboot, reset) and follows them to the end:
// one plural call per region, one Activity row per server, the node showing the transition at
// once, the real status as soon as a poll sees it. After a window reload the unfinished rows
// resume. The only hook into polling is follow() (the explorer's transition poller, which uses
// ListInstanceStatus for every transitional server of a region in one call).
import { randomUUID } from 'node:crypto';
import type { ActivityEntry } from '../core/activity/activityLog';
import { initialSteps, stepsAt } from '../core/activity/activityLog';
import type { Instance } from '../core/model';
import type { ServerOpKind, ServerOpState } from '../core/operations/serverOperation';
import {
  beginOp,
  currentStep,
  keepOptimistic,
  observe,
  opSteps,
  optimisticStatus,
  restoreOpState,
  tick,
} from '../core/operations/serverOperation';
import type { SwasApi } from '../core/swasApi';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { RegionStore } from '../tree/regionStore';
import type { ActivityStore } from './activityStore';

export interface ServerOpsDeps {
  api(): SwasApi | undefined;
  regions: RegionStore;
  explorer: ExplorerProvider;
  activity: ActivityStore;
  now(): number;
  logger: { info(m: string): void; warn(m: string): void };
}

export interface RunOptions {
  force?: boolean;
  /** Reset: the image to apply (absent: reinstall the current one) and its name for the row. */
  imageId?: string;
  imageName?: string;
  /** Reuse a ClientToken (Retry of a call that never took effect). */
  clientToken?: string;
}

interface ErrorLike {
  code?: string;
  message?: string;
  requestId?: string;
}

const SERVER_KINDS: readonly string[] = ['start', 'stop', 'reboot', 'reset'];

export class ServerOperations {
  private applying = false;

  constructor(private readonly deps: ServerOpsDeps) {
    deps.explorer.onDidObserveStatus(({ regionId, statuses, instance }) => {
      if (this.applying) return;
      for (const [id, status] of statuses) this.observed(regionId, id, status, instance);
    });
  }

  /** Starts `kind` on the servers: one call per region. Resolves when every call was answered. */
  async run(kind: ServerOpKind, servers: Instance[], opts: RunOptions = {}): Promise<ActivityEntry[]> {
    const byRegion = new Map<string, Instance[]>();
    for (const s of servers) byRegion.set(s.regionId, [...(byRegion.get(s.regionId) ?? []), s]);
    const out: ActivityEntry[] = [];
    await Promise.all([...byRegion].map(async ([regionId, list]) => out.push(...(await this.runRegion(kind, regionId, list, opts)))));
    return out;
  }

  private async runRegion(kind: ServerOpKind, regionId: string, servers: Instance[], opts: RunOptions): Promise<ActivityEntry[]> {
    const clientToken = opts.clientToken ?? randomUUID();
    const callId = randomUUID();
    const ids = servers.map((s) => s.instanceId);
    const params: Record<string, string | boolean> = { callId, instanceIds: JSON.stringify(ids) };
    if (opts.force) params.force = true;
    if (opts.imageId) params.imageId = opts.imageId;
    if (opts.imageName) params.imageName = opts.imageName;
    const started = this.deps.now();
    const entries = servers.map((s) =>
      this.deps.activity.add({
        id: randomUUID(),
        kind,
        target: { regionId, kind: 'instance', id: s.instanceId, name: s.instanceName || s.instanceId },
        startedAt: started,
        outcome: 'running',
        steps: initialSteps(opSteps(kind)),
        clientToken,
        params,
      }),
    );
    const api = this.deps.api();
    try {
      if (!api) throw Object.assign(new Error('Not signed in'), { code: 'swas.notSignedIn' });
      const { requestId } = await this.call(api, kind, regionId, ids, clientToken, opts);
      this.deps.logger.info(`${kind} ${regionId} ${ids.join(',')} requested (RequestId ${requestId})`);
      const machine = beginOp(kind, this.deps.now());
      for (const e of entries) this.deps.activity.update(e.id, { requestId, machine: { ...machine } });
      for (const s of servers) this.show(regionId, { ...s, status: optimisticStatus(kind) });
      this.follow(regionId);
    } catch (e) {
      const err = e as ErrorLike;
      for (const x of entries)
        this.deps.activity.fail(x.id, this.deps.now(), { code: err.code, message: err.message, requestId: err.requestId });
      throw e;
    }
    return entries.map((e) => this.deps.activity.get(e.id) ?? e);
  }

  private call(
    api: SwasApi,
    kind: ServerOpKind,
    regionId: string,
    instanceIds: string[],
    clientToken: string,
    opts: RunOptions,
  ): Promise<{ requestId: string }> {
    switch (kind) {
      case 'start':
        return api.startInstances({ regionId, instanceIds, clientToken });
      case 'stop':
        return api.stopInstances({ regionId, instanceIds, clientToken, force: opts.force });
      case 'reboot':
        return api.rebootInstances({ regionId, instanceIds, clientToken, force: opts.force });
      case 'reset':
        return api.resetSystem({ regionId, instanceId: instanceIds[0] ?? '', imageId: opts.imageId, clientToken });
    }
  }

  /** The one hook into polling: follow the region's transitional servers. */
  private follow(regionId: string): void {
    this.deps.explorer.poller.track(regionId);
  }

  private show(regionId: string, instance: Instance): void {
    this.applying = true;
    try {
      this.deps.explorer.showInstance(regionId, instance);
    } finally {
      this.applying = false;
    }
  }

  private entryFor(regionId: string, instanceId: string): [ActivityEntry, ServerOpState] | undefined {
    for (const e of this.deps.activity.unfinished()) {
      if (e.target.kind !== 'instance' || e.target.id !== instanceId || e.target.regionId !== regionId || !SERVER_KINDS.includes(e.kind))
        continue;
      const m = restoreOpState(e.machine);
      if (m) return [e, m];
    }
    return undefined;
  }

  private observed(regionId: string, instanceId: string, status: string, instance?: Instance): void {
    const found = this.entryFor(regionId, instanceId);
    if (!found) return;
    const [entry, machine] = found;
    const next = observe(machine, status, this.deps.now());
    this.settle(entry, next);
    if (keepOptimistic(next, status)) {
      const cur = instance ?? this.deps.regions.get(regionId)?.instances.find((i) => i.instanceId === instanceId);
      if (cur) this.show(regionId, { ...cur, status: optimisticStatus(next.kind) });
      this.follow(regionId);
    }
  }

  private settle(entry: ActivityEntry, next: ServerOpState): void {
    const now = this.deps.now();
    if (next.phase === 'succeeded') this.deps.activity.succeed(entry.id, now, { machine: { ...next } });
    else if (next.phase === 'failed')
      this.deps.activity.fail(entry.id, now, { code: `swas.${next.reason ?? 'timeout'}` }, { machine: { ...next } });
    else this.deps.activity.update(entry.id, { machine: { ...next }, steps: stepsAt(opSteps(next.kind), currentStep(next)) });
  }

  /**
   * After a window reload: every unfinished server row of the earlier window loads its region,
   * looks at the status there and is followed again; rows whose call was never answered are
   * marked interrupted (outcome unknown).
   */
  async resume(entries: ActivityEntry[] = this.deps.activity.takeRestored()): Promise<void> {
    const byRegion = new Map<string, ActivityEntry[]>();
    for (const e of entries) {
      if (!SERVER_KINDS.includes(e.kind) || !restoreOpState(e.machine)) {
        this.deps.activity.fail(e.id, this.deps.now(), { code: 'swas.interrupted' });
        continue;
      }
      byRegion.set(e.target.regionId, [...(byRegion.get(e.target.regionId) ?? []), e]);
    }
    await Promise.all(
      [...byRegion].map(async ([regionId, entries]) => {
        const data = await this.deps.regions.load(regionId).catch((err: unknown) => {
          this.deps.logger.warn(`Activity: could not load ${regionId}: ${String(err)}`);
          return undefined;
        });
        if (!data) return;
        for (const e of entries) {
          const inst = data.instances.find((i) => i.instanceId === e.target.id);
          if (!inst) this.deps.activity.fail(e.id, this.deps.now(), { code: 'swas.gone' });
          else this.observed(regionId, inst.instanceId, inst.status, inst);
        }
        this.follow(regionId);
      }),
    );
  }

  /** Time passing: fails operations past their timeout (called by the Activity view's ticker). */
  tickAll(): void {
    for (const e of this.deps.activity.unfinished()) {
      const m = restoreOpState(e.machine);
      const next = m ? tick(m, this.deps.now()) : undefined;
      if (next && next.phase !== 'waiting') this.settle(e, next);
    }
  }

  /**
   * Retry of a failed row. If the call itself failed, nothing happened: the same ClientToken
   * and servers are sent again. If the call was answered (the token is used up) and the server
   * then did not get there, a new call with a new token for this server alone.
   */
  async retry(entryId: string): Promise<void> {
    const e = this.deps.activity.get(entryId);
    if (!e || e.outcome !== 'failed' || !SERVER_KINDS.includes(e.kind)) return;
    const kind = e.kind as ServerOpKind;
    const callFailed = e.machine === undefined;
    const data = await this.deps.regions.load(e.target.regionId, { fresh: true });
    const ids: string[] = callFailed ? parseIds(e.params?.instanceIds) : [e.target.id];
    const servers = data.instances.filter((i) => ids.includes(i.instanceId));
    if (servers.length === 0) throw Object.assign(new Error('gone'), { code: 'swas.gone' });
    const opts: RunOptions = {
      force: e.params?.force === true,
      imageId: typeof e.params?.imageId === 'string' ? e.params.imageId : undefined,
      imageName: typeof e.params?.imageName === 'string' ? e.params.imageName : undefined,
      clientToken: callFailed && servers.length === ids.length ? e.clientToken : undefined,
    };
    await this.run(kind, servers, opts);
  }
}

function parseIds(v: unknown): string[] {
  if (typeof v !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
