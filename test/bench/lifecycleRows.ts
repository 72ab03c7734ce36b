// Rows `stop-20-calls` and `reset-journey-calls`: the calls one server operation costs until the
// tree shows its end, counted from the emulator's request log, next to the minimum. The path is
// the extension's own: the core client, the tree's RegionStore and TransitionPoller (default
// first poll 3 s, ×1.5, ≤ 60 s; one ListInstanceStatus for every transitional server of the
// region, ListInstances only for servers whose status changed), fed as ServerOperations feeds
// it (one plural call per region, the transition status shown at once). The region was loaded
// before the operation (the view is open); that load is not counted.
import { randomUUID } from 'node:crypto';
import type { Instance } from '../../src/core/model';
import { optimisticStatus } from '../../src/core/operations/serverOperation';
import { silentLogger } from '../../src/core/logger';
import type { SwasApi } from '../../src/core/swasApi';
import { RegionStore } from '../../src/tree/regionStore';
import { TransitionPoller } from '../../src/tree/transitionPoller';
import { startBenchEmulator } from './emulator';
import type { BenchEmulator } from './emulator';
import { extensionClient } from './ours';
import { requestStats } from './requestStats';
import type { RequestStats } from './requestStats';
import { row } from './results';
import type { Row } from './results';

const REGION = 'cn-hangzhou';
const POLL_FIRST_SECONDS = 3;

type Operate = (api: SwasApi, store: RegionStore) => Promise<{ ids: string[]; done: (i: Instance) => boolean }>;

/** Runs the operation, then polls as the tree does until every watched server is done. */
async function measure(emu: BenchEmulator, operate: Operate): Promise<{ stats: RequestStats; seconds: number; settled: Instance[] }> {
  const api = extensionClient(emu);
  const store = new RegionStore(() => api, () => 'en-US');
  await store.load(REGION);
  await emu.clearRequests();
  const t0 = Date.now();
  const settled = await new Promise<Instance[]>((resolve, reject) => {
    let watch: { ids: string[]; done: (i: Instance) => boolean } | undefined;
    const poller = new TransitionPoller(() => api, store, {
      applyInstance: (regionId, instance) => {
        store.replaceInstance(regionId, instance);
        const list = store.get(REGION)?.instances.filter((i) => watch?.ids.includes(i.instanceId)) ?? [];
        if (watch && list.length === watch.ids.length && list.every(watch.done)) {
          poller.dispose();
          resolve(list);
        }
      },
      applySnapshot: () => undefined,
      applyImage: () => undefined,
    }, { firstSeconds: () => POLL_FIRST_SECONDS, canCallNow: () => true }, silentLogger);
    operate(api, store).then((w) => {
      watch = w;
      poller.track(REGION);
    }).catch(reject);
  });
  return { stats: requestStats(await emu.requests()), seconds: (Date.now() - t0) / 1000, settled };
}

async function stop20(root: string, log: (s: string) => void): Promise<Row> {
  const emu = await startBenchEmulator(root, { seed: 'empty' });
  try {
    for (let n = 1; n <= 20; n++) await emu.call('POST', '/servers', { regionId: REGION, instanceName: `srv-${n}`, status: 'Running' });
    const m = await measure(emu, async (api, store) => {
      const servers = store.get(REGION)?.instances ?? [];
      const ids = servers.map((i) => i.instanceId);
      await api.stopInstances({ regionId: REGION, instanceIds: ids, clientToken: randomUUID() });
      for (const i of servers) store.replaceInstance(REGION, { ...i, status: optimisticStatus('stop') });
      return { ids, done: (i) => i.status === 'Stopped' };
    });
    if (m.settled.length !== 20) throw new Error(`expected 20 servers, saw ${m.settled.length}`);
    log(`stop-20: ${m.stats.calls} calls ${JSON.stringify(m.stats.byAction)} in ${m.seconds.toFixed(1)} s`);
    return row('stop-20-calls', m.stats.calls, 'calls',
      `stop 20 Running servers of one region until all show Stopped (emulator stop: 10 s, real time); ${JSON.stringify(m.stats.byAction)}; baseline = the minimum: 1 StopInstances + 1 ListInstanceStatus that sees them Stopped`, 2);
  } finally {
    await emu.stop();
  }
}

async function resetJourney(root: string, log: (s: string) => void): Promise<Row> {
  const emu = await startBenchEmulator(root, { seed: 'empty', snapshotSeconds: 0, imageSeconds: 0 });
  try {
    const source = await emu.call<{ InstanceId: string; Disks: { DiskId: string; DiskType: string }[] }>('POST', '/servers', { regionId: REGION, instanceName: 'source', status: 'Running' });
    await emu.call('POST', '/servers', { regionId: REGION, instanceName: 'target', status: 'Running' });
    const setup = extensionClient(emu);
    const disk = source.Disks.find((d) => d.DiskType.toLowerCase() === 'system')?.DiskId ?? '';
    const snap = await setup.createSnapshot({ regionId: REGION, diskId: disk, snapshotName: 'bench-sys', clientToken: randomUUID() });
    const { imageId } = await setup.createCustomImage({ regionId: REGION, instanceId: source.InstanceId, imageName: 'bench-image', systemSnapshotId: snap.snapshotId, clientToken: randomUUID() });
    const m = await measure(emu, async (api, store) => {
      const target = store.get(REGION)?.instances.find((i) => i.instanceName === 'target');
      if (!target) throw new Error('no target server');
      await api.resetSystem({ regionId: REGION, instanceId: target.instanceId, imageId, clientToken: randomUUID() });
      store.replaceInstance(REGION, { ...target, status: optimisticStatus('reset') });
      // The emulator's reset takes 60 virtual seconds; 45 are skipped so the row runs in ~15 s.
      await emu.call('POST', '/clock/advance', { seconds: 45 });
      return { ids: [target.instanceId], done: (i) => i.status === 'Running' };
    });
    if (m.settled[0]?.imageId !== imageId || m.settled[0]?.imageName !== 'bench-image') throw new Error('the reset server does not show the new image');
    log(`reset-journey: ${m.stats.calls} calls ${JSON.stringify(m.stats.byAction)} in ${m.seconds.toFixed(1)} s`);
    return row('reset-journey-calls', m.stats.calls, 'calls',
      `apply a custom image to a server until it shows Running with the new image (reset 15 s left after a 45 s clock skip); ${JSON.stringify(m.stats.byAction)}; baseline = the minimum: 1 ResetSystem + 1 ListInstanceStatus that sees Running + 1 ListInstances for the new image`, 3);
  } finally {
    await emu.stop();
  }
}

export async function lifecycleRows(root: string, log: (s: string) => void): Promise<Row[]> {
  return [await stop20(root, log), await resetJourney(root, log)];
}
