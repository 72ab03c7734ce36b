// A second SWAS client for tests (the project's own core client over real HTTP to the emulator),
// used to change the cloud "behind the extension's back", e.g. an image created by someone else.
import { randomUUID } from 'node:crypto';
import { silentLogger } from '../../../src/core/logger';
import { createSwasClient } from '../../../src/core/swasClient';
import type { SwasApi } from '../../../src/core/swasApi';

export function apiFor(emu: { endpoint: string; accessKeyId: string; accessKeySecret: string }): SwasApi {
  const creds = { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret };
  return createSwasClient({
    endpointTemplate: emu.endpoint,
    credentials: { getCredentials: () => Promise.resolve(creds) },
    timeoutMs: 10_000,
    logger: silentLogger,
  });
}

/** Finds a snapshot by name and creates a custom image from it; returns the image id. */
export async function createImageFromSnapshot(api: SwasApi, regionId: string, snapshotName: string, imageName: string): Promise<string> {
  const snaps = await api.listSnapshots(regionId, { pageSize: 100 });
  const snap = snaps.items.find((x) => x.snapshotName === snapshotName);
  if (!snap) throw new Error(`no snapshot ${snapshotName} in ${regionId}`);
  const r = await api.createCustomImage({
    regionId,
    instanceId: snap.instanceId,
    imageName,
    systemSnapshotId: snap.snapshotId,
    clientToken: randomUUID(),
  });
  return r.imageId;
}
