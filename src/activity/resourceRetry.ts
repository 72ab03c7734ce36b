// Retry of a failed Create Snapshot / Create Custom Image row. When the call itself failed,
// nothing was created: the same call goes again with the same ClientToken, on the same row.
// When the call was answered and the snapshot or image then failed, that token is used up
// (sending it again returns the failed resource): a new call with a new token, on a new row.
// A two-step row retries the step that failed.
import { randomUUID } from 'node:crypto';
import type { ActivityEntry } from '../core/activity/activityLog';
import { retryReusesToken } from '../core/activity/resourceOp';
import type { CreateCustomImageParams, RegionData } from '../core/model';
import type { SwasApi } from '../core/swasApi';
import type { ActivityStore } from './activityStore';
import type { ResourceOperations } from './resourceOperations';

export interface ResourceOpsDeps {
  api(): SwasApi | undefined;
  /** The signed-in profile: a row follows its resource only under the profile it was made for. */
  profile(): string | undefined;
  regions: {
    get(regionId: string): RegionData | undefined;
    load(regionId: string): Promise<RegionData>;
    onDidChange(listener: (regionId: string) => void): { dispose(): void };
  };
  explorer: {
    poller: { track(regionId: string): void };
    reloadRegion(regionId: string): Promise<void>;
    refreshImages(regionId: string): Promise<void>;
  };
  activity: ActivityStore;
  now(): number;
  logger: { info(m: string): void; warn(m: string): void };
  /** Is a Create Custom Image form open for this server (under the current profile)? */
  formOpen(regionId: string, instanceId: string): boolean;
}

/** The parameters an image row keeps for Retry (no secret among them). */
export function paramsOfImage(p: CreateCustomImageParams): Record<string, string> {
  const out: Record<string, string> = { instanceId: p.instanceId, imageName: p.imageName, systemSnapshotId: p.systemSnapshotId };
  if (p.dataSnapshotId) out.dataSnapshotId = p.dataSnapshotId;
  if (p.description) out.description = p.description;
  if (p.resourceGroupId) out.resourceGroupId = p.resourceGroupId;
  if (p.tags?.length) out.tags = JSON.stringify(p.tags);
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function imageParams(e: ActivityEntry, clientToken: string): CreateCustomImageParams | undefined {
  const q = e.params ?? {};
  const instanceId = str(q.instanceId);
  const imageName = str(q.imageName);
  const systemSnapshotId = str(q.systemSnapshotId);
  if (!instanceId || !imageName || !systemSnapshotId) return undefined;
  const p: CreateCustomImageParams = { regionId: e.target.regionId, instanceId, imageName, systemSnapshotId, clientToken };
  const data = str(q.dataSnapshotId);
  if (data) p.dataSnapshotId = data;
  const description = str(q.description);
  if (description) p.description = description;
  const rg = str(q.resourceGroupId);
  if (rg) p.resourceGroupId = rg;
  const tags = str(q.tags);
  if (tags) {
    try {
      const parsed: unknown = JSON.parse(tags);
      if (Array.isArray(parsed))
        p.tags = parsed.filter((t): t is { key: string; value: string } => typeof t?.key === 'string' && typeof t?.value === 'string');
    } catch {
      // a damaged stored tag list: retried without tags would be a different image; refuse
      return undefined;
    }
  }
  return p;
}

function invalid(): Error {
  return Object.assign(new Error('The row lacks what Retry needs'), { code: 'swas.retryUnavailable' });
}

export async function retryResource(deps: ResourceOpsDeps, ops: ResourceOperations, e: ActivityEntry): Promise<void> {
  if (e.outcome !== 'failed') return;
  const api = deps.api();
  if (!api) throw Object.assign(new Error('Not signed in'), { code: 'swas.notSignedIn' });
  const reuse = retryReusesToken(e) && e.clientToken !== undefined;
  const clientToken = reuse && e.clientToken ? e.clientToken : randomUUID();
  const regionId = e.target.regionId;
  const snapshotStep = e.kind === 'createSnapshot' || (e.steps.length === 2 && e.steps[0]?.state !== 'done');
  if (snapshotStep) {
    const q = e.params ?? {};
    const diskId = str(q.diskId);
    const snapshotName = str(q.snapshotName);
    const instanceId = str(q.instanceId);
    if (!diskId || !snapshotName || !instanceId) throw invalid();
    let id = e.id;
    if (reuse) {
      const steps = e.steps.map((s, i) => ({ ...s, state: i === 0 ? ('active' as const) : ('pending' as const) }));
      deps.activity.update(e.id, {
        outcome: 'running',
        finishedAt: undefined,
        errorCode: undefined,
        errorMessage: undefined,
        machine: undefined,
        steps,
      });
    } else {
      id = ops.startSnapshot({
        regionId,
        instanceId,
        instanceName: str(q.instanceName) ?? instanceId,
        diskId,
        snapshotName,
        clientToken,
        forImage: e.kind === 'createImage',
      }).id;
    }
    try {
      const res = await api.createSnapshot({ regionId, diskId, snapshotName, clientToken });
      deps.logger.info(`Snapshot ${res.snapshotId} requested again (RequestId ${res.requestId}, ${reuse ? 'same' : 'new'} ClientToken)`);
      ops.requested(id, 'snapshot', res.snapshotId, res.requestId);
    } catch (err) {
      ops.callFailed(id, err);
      throw err;
    }
    await deps.explorer
      .reloadRegion(regionId)
      .catch((err: unknown) => deps.logger.warn(`Reading ${regionId} after CreateSnapshot failed: ${String(err)}`));
    return;
  }
  const p = imageParams(e, clientToken);
  if (!p) throw invalid();
  const row = ops.imageSubmitting(p, str(e.params?.instanceName) ?? p.instanceId);
  try {
    const res = await api.createCustomImage(p);
    deps.logger.info(`Custom image ${res.imageId} requested again (RequestId ${res.requestId}, ${reuse ? 'same' : 'new'} ClientToken)`);
    ops.imageCreated(row, res.imageId, res.requestId);
  } catch (err) {
    ops.imageFailed(row, err);
    throw err;
  }
  await deps.explorer
    .refreshImages(regionId)
    .catch((err: unknown) => deps.logger.warn(`Reading the images of ${regionId} failed: ${String(err)}`));
}
