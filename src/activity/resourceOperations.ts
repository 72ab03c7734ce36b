// The Activity rows of Create Snapshot and Create Custom Image: running from the call until the
// snapshot is Accomplished / the image is available (or failed, gone, or "still being created —
// see the tree" when following ends), with the RequestId. The row follows the tree's own data
// (the transition poller polls what is progressing; no call of its own) and whatever Create
// Snapshot's wait reads. The form's "Create a system disk snapshot" makes ONE row with two
// steps, snapshot → image; the image step starts when the form is submitted with that snapshot.
// After a window reload the unfinished rows are followed again by ID.
import { randomUUID } from 'node:crypto';
import type { ActivityEntry, ActivityStep } from '../core/activity/activityLog';
import type { ResourceKind, ResourceOpState } from '../core/activity/resourceOp';
import { awaitImage, beginResourceOp, observeResource, restoreResourceState, tickResource } from '../core/activity/resourceOp';
import type { CreateCustomImageParams, RegionData } from '../core/model';
import type { ActivityStore } from './activityStore';
import { paramsOfImage, retryResource } from './resourceRetry';
import type { ResourceOpsDeps } from './resourceRetry';

interface ErrorLike {
  code?: string;
  message?: string;
  requestId?: string;
}

export interface SnapshotRow {
  regionId: string;
  instanceId: string;
  instanceName: string;
  diskId: string;
  snapshotName: string;
  clientToken: string;
  /** Started from the Create Custom Image form: one row, snapshot → image. */
  forImage?: boolean;
}

const SNAP = 'createSnapshot';
const IMAGE = 'createImage';
const isResourceRow = (e: ActivityEntry): boolean => e.kind === SNAP || e.kind === IMAGE;

function findItem(data: RegionData, s: ResourceOpState): { status: string; progress?: number } | undefined {
  if (s.resource === 'image') return data.images.find((i) => i.imageId === s.id);
  for (const list of data.snapshotsByInstance.values()) {
    const found = list.find((x) => x.snapshotId === s.id);
    if (found) return found;
  }
  return undefined;
}

export class ResourceOperations {
  constructor(private readonly deps: ResourceOpsDeps) {
    deps.regions.onDidChange((regionId) => this.regionChanged(regionId));
  }

  private get activity(): ActivityStore {
    return this.deps.activity;
  }

  /** A Create Snapshot call is about to be sent. */
  startSnapshot(r: SnapshotRow): ActivityEntry {
    const steps: ActivityStep[] = r.forImage
      ? [
          { label: SNAP, state: 'active' },
          { label: IMAGE, state: 'pending' },
        ]
      : [{ label: SNAP, state: 'active' }];
    const params: Record<string, string | boolean> = {
      profile: this.deps.profile() ?? '',
      instanceId: r.instanceId,
      instanceName: r.instanceName,
      diskId: r.diskId,
      snapshotName: r.snapshotName,
    };
    if (r.forImage) params.forImage = true;
    return this.activity.add({
      id: randomUUID(),
      kind: r.forImage ? IMAGE : SNAP,
      target: { regionId: r.regionId, kind: 'snapshot', id: '', name: r.snapshotName },
      startedAt: this.deps.now(),
      outcome: 'running',
      steps,
      clientToken: r.clientToken,
      params,
    });
  }

  /** The create call was answered: follow the snapshot or image by its ID. */
  requested(entryId: string, resource: ResourceKind, id: string, requestId: string): void {
    const e = this.activity.get(entryId);
    if (!e) return;
    this.activity.update(entryId, {
      target: { ...e.target, kind: resource, id },
      requestId,
      machine: { ...beginResourceOp(resource, id, this.deps.now()) },
    });
    const data = this.deps.regions.get(e.target.regionId);
    if (data) this.check(entryId, data);
  }

  callFailed(entryId: string, e: unknown): void {
    const err = e as ErrorLike;
    this.activity.fail(entryId, this.deps.now(), { code: err.code ?? 'Transport.Failed', message: err.message, requestId: err.requestId });
  }

  /** What Create Snapshot's own wait read (undefined: not listed yet; that alone is not "gone"). */
  observe(entryId: string, item: { status: string; progress?: number } | undefined): void {
    const e = this.activity.get(entryId);
    const s = restoreResourceState(e?.machine);
    if (e && s && item) this.settle(e, observeResource(s, item));
  }

  /** Create Snapshot's wait ended without an answer: "still being created — see the tree". */
  stopFollowing(entryId: string): void {
    const e = this.activity.get(entryId);
    const s = restoreResourceState(e?.machine);
    if (e && s?.phase === 'waiting') this.settle(e, tickResource(s, Number.POSITIVE_INFINITY));
  }

  // ── the form's image submission (CreateImageDeps.activity) ──

  /** A CreateCustomImage call is about to be sent; returns its row (the same row for the same ClientToken). */
  imageSubmitting(p: CreateCustomImageParams, serverName: string): string {
    const params = { ...paramsOfImage(p), profile: this.deps.profile() ?? '', instanceName: serverName };
    const all = this.activity.all();
    const same = all.find((e) => e.kind === IMAGE && e.clientToken === p.clientToken && e.outcome !== 'succeeded');
    const awaiting = all.find(
      (e) =>
        e.kind === IMAGE &&
        e.outcome === 'running' &&
        e.steps.length === 2 &&
        restoreResourceState(e.machine)?.phase === 'awaitingImage' &&
        e.target.id === p.systemSnapshotId,
    );
    const row = same ?? awaiting;
    const target = { regionId: p.regionId, kind: 'image' as const, id: '', name: p.imageName };
    if (row) {
      const steps = row.steps.map((s, i): ActivityStep =>
        i === row.steps.length - 1 ? { ...s, state: 'active' } : { ...s, state: 'done' },
      );
      this.activity.update(row.id, {
        outcome: 'running',
        finishedAt: undefined,
        errorCode: undefined,
        errorMessage: undefined,
        steps,
        clientToken: p.clientToken,
        params: { ...row.params, ...params },
        target,
      });
      return row.id;
    }
    return this.activity.add({
      id: randomUUID(),
      kind: IMAGE,
      target,
      startedAt: this.deps.now(),
      outcome: 'running',
      steps: [{ label: IMAGE, state: 'active' }],
      clientToken: p.clientToken,
      params,
    }).id;
  }

  imageCreated(entryId: string, imageId: string, requestId: string): void {
    this.requested(entryId, 'image', imageId, requestId);
  }

  imageFailed(entryId: string, e: unknown): void {
    this.callFailed(entryId, e);
  }

  /** The form of a server closed: a snapshot made for it that was never used is a snapshot row. */
  formClosed(regionId: string, instanceId: string): void {
    for (const e of this.activity.unfinished()) {
      if (
        e.kind === IMAGE &&
        e.target.regionId === regionId &&
        e.params?.instanceId === instanceId &&
        restoreResourceState(e.machine)?.phase === 'awaitingImage'
      )
        this.asSnapshotOnly(e);
    }
  }

  private asSnapshotOnly(e: ActivityEntry): void {
    const s = restoreResourceState(e.machine);
    this.activity.update(e.id, { kind: SNAP, steps: [{ label: SNAP, state: 'done' }] });
    this.activity.succeed(e.id, this.deps.now(), { machine: s ? { ...s, phase: 'succeeded' } : e.machine });
  }

  // ── following ──

  private followed(regionId?: string): ActivityEntry[] {
    const profile = this.deps.profile() ?? '';
    return this.activity.all().filter((e) => {
      if (!isResourceRow(e) || (regionId !== undefined && e.target.regionId !== regionId)) return false;
      if ((e.params?.profile ?? '') !== profile) return false;
      return e.outcome === 'running' || e.errorCode === 'swas.stillCreating';
    });
  }

  private regionChanged(regionId: string): void {
    const data = this.deps.regions.get(regionId);
    if (!data) return;
    for (const e of this.followed(regionId)) this.check(e.id, data);
  }

  private check(entryId: string, data: RegionData): void {
    const e = this.activity.get(entryId);
    const s = restoreResourceState(e?.machine);
    if (!e || !s || s.phase === 'awaitingImage') return;
    const item = findItem(data, s);
    // Absent from a truncated read proves nothing.
    if (!item && data.truncated) return;
    this.settle(e, observeResource(s, item));
  }

  private settle(e: ActivityEntry, next: ResourceOpState): void {
    const prev = restoreResourceState(e.machine);
    if (prev && JSON.stringify(prev) === JSON.stringify(next)) return;
    const now = this.deps.now();
    const machine = { ...next };
    const last = e.steps.length - 1;
    if (next.phase === 'succeeded' && e.kind === IMAGE && e.steps.length === 2 && next.resource === 'snapshot') {
      // The snapshot for the form is ready: the row waits for the form's submit (if the form is still open).
      const open = this.deps.formOpen(e.target.regionId, String(e.params?.instanceId ?? ''));
      if (!open) return this.asSnapshotOnly({ ...e, machine });
      this.activity.update(e.id, {
        outcome: 'running',
        finishedAt: undefined,
        errorCode: undefined,
        machine: { ...awaitImage(next) },
        steps: [
          { label: SNAP, state: 'done' },
          { label: IMAGE, state: 'pending' },
        ],
      });
    } else if (next.phase === 'succeeded') {
      this.activity.succeed(e.id, now, { machine, errorCode: undefined, errorMessage: undefined });
    } else if (next.phase === 'failed') {
      const steps = e.steps.map((s, i): ActivityStep =>
        i === (next.resource === 'snapshot' ? 0 : last) ? { ...s, state: next.reason === 'stillCreating' ? 'active' : 'failed' } : s,
      );
      this.activity.fail(e.id, now, { code: `swas.${next.reason ?? 'failed'}` }, { machine, steps });
    } else {
      this.activity.update(e.id, { machine });
    }
  }

  /** Time passing (the Activity view's slow ticker): following ends at the deadline. */
  tickAll(): void {
    const now = this.deps.now();
    for (const e of this.followed()) {
      const s = restoreResourceState(e.machine);
      if (s && e.outcome === 'running') this.settle(e, tickResource(s, now));
    }
  }

  /**
   * After a window reload: rows whose call was answered follow their snapshot or image again
   * (the region is read, the tree's poller follows it); a snapshot made for a form (gone with the
   * reload) is a snapshot row; rows whose call was never answered are interrupted.
   */
  async resume(entries: ActivityEntry[]): Promise<void> {
    const regions = new Set<string>();
    for (const e of entries) {
      const s = restoreResourceState(e.machine);
      if (!isResourceRow(e) || !s) this.activity.fail(e.id, this.deps.now(), { code: 'swas.interrupted' });
      else if (s.phase === 'awaitingImage') this.asSnapshotOnly(e);
      else regions.add(e.target.regionId);
    }
    await Promise.all(
      [...regions].map(async (regionId) => {
        const data = await this.deps.regions
          .load(regionId)
          .catch((err: unknown) => void this.deps.logger.warn(`Activity: could not load ${regionId}: ${String(err)}`));
        if (!data) return;
        this.regionChanged(regionId);
        this.deps.explorer.poller.track(regionId);
      }),
    );
  }

  /** Retry of a failed row (see resourceRetry.ts). */
  async retry(entryId: string): Promise<void> {
    const e = this.activity.get(entryId);
    if (e && isResourceRow(e)) await retryResource(this.deps, this, e);
  }
}
