// The form tests' start of each test: the emulator back at the demo seed, no faults, an empty
// request log, and the demo's web-prod-1 with its accomplished system snapshot (read through the
// real client, as the tree would).
import assert from 'node:assert/strict';
import { loadRegion } from '../../../src/core/regionLoader';
import type { Harness } from '../client/harness';
import { NO_LIMITS } from './formHost';

export interface DemoServer {
  instanceId: string;
  systemSnapshotId: string;
}

export async function resetToDemoServer(h: Harness, regionId: string): Promise<DemoServer> {
  await h.admin('POST', '/reset', { seed: 'demo' });
  await h.admin('DELETE', '/faults');
  const data = await loadRegion(h.client(NO_LIMITS), regionId, { fresh: true });
  const inst = data.instances.find((i) => i.instanceName === 'web-prod-1');
  assert.ok(inst, 'demo seed has web-prod-1');
  const snap = (data.snapshotsByInstance.get(inst.instanceId) ?? []).find(
    (s) => s.sourceDiskType === 'System' && s.status === 'Accomplished',
  );
  assert.ok(snap, 'web-prod-1 has an accomplished system snapshot');
  await h.clearRequests();
  return { instanceId: inst.instanceId, systemSnapshotId: snap.snapshotId };
}
