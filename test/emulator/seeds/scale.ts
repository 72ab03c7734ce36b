// Large deterministic data for benchmarks: in each of the first R regions (cn-hangzhou first),
// N servers, M snapshots spread round-robin over the servers' disks, K custom images.
// Per-server limits may be exceeded on purpose.
import { Store } from '../state/store';
import type { Timings } from '../state/store';
import type { EmulatorState } from '../types';
import { DEMO_ACCOUNT } from './credentials';
import { emptyState } from './demo';
import { makeImage, makeInstance, makeSnapshot } from './factory';
import { REGIONS } from './regions';

export interface ScaleSpec {
  servers: number;
  snapshots: number;
  images: number;
  regions: number;
  /** Stress data: more than MAX_SERVERS_PER_REGION servers in a region (never a real account). */
  allowUnrealistic?: boolean;
}

/** A12 (confirmed): by default an account has at most 50 servers in a region. */
export const MAX_SERVERS_PER_REGION = 50;

const T0 = Date.parse('2026-01-10T00:00:00Z');

export function parseScale(text: string): ScaleSpec {
  const spec: ScaleSpec = { servers: 0, snapshots: 0, images: 0, regions: 1 };
  for (const part of text.split(',')) {
    if (part === 'allowUnrealistic') {
      spec.allowUnrealistic = true;
      continue;
    }
    const [k, v] = part.split('=');
    const n = Number(v);
    if (!k || !['servers', 'snapshots', 'images', 'regions'].includes(k) || !Number.isInteger(n) || n < 0) {
      throw new Error(`bad --scale part "${part}" (expected servers=N,snapshots=M,images=K,regions=R[,allowUnrealistic])`);
    }
    spec[k as 'servers' | 'snapshots' | 'images' | 'regions'] = n;
  }
  return spec;
}

export function scaleRegionIds(count: number): string[] {
  const ids = ['cn-hangzhou', ...REGIONS.map((r) => r.regionId).filter((id) => id !== 'cn-hangzhou')];
  return ids.slice(0, Math.max(1, Math.min(count, ids.length)));
}

export function scaleState(spec: ScaleSpec, timings: Timings): EmulatorState {
  if (spec.servers > MAX_SERVERS_PER_REGION && !spec.allowUnrealistic) {
    throw new Error(
      `--scale servers=${spec.servers}: a real account has at most ${MAX_SERVERS_PER_REGION} servers in a region (A12); add allowUnrealistic for stress data`,
    );
  }
  const store = new Store(emptyState(), timings);
  store.account(DEMO_ACCOUNT).userId = '1234567890123456';
  let index = 0;
  for (const regionId of scaleRegionIds(spec.regions)) {
    const r = store.regionForWrite(DEMO_ACCOUNT, regionId);
    for (let i = 0; i < spec.servers; i++) {
      index += 1;
      const status = i % 10 === 9 ? 'Stopped' : 'Running';
      r.instances.push(
        makeInstance(store, {
          regionId,
          instanceName: `srv-${String(i + 1).padStart(4, '0')}`,
          status,
          index,
          createdMs: T0 + i * 60_000,
          dataDiskGiB: i % 2 === 0 ? 100 : undefined,
        }),
      );
    }
    if (r.instances.length === 0) continue;
    for (let s = 0; s < spec.snapshots; s++) {
      const inst = r.instances[s % r.instances.length];
      if (!inst) continue;
      const round = Math.floor(s / r.instances.length);
      const d = inst.disks[round % inst.disks.length] ?? inst.disks[0];
      if (!d) continue;
      r.snapshots.push(
        makeSnapshot(store, inst, d, { name: `${inst.instanceName}-snap-${round + 1}`, createdMs: T0 + 86_400_000 + s * 1000 }),
      );
    }
    const systemSnaps = r.snapshots.filter((s) => s.sourceDiskType === 'System');
    for (let k = 0; k < spec.images && systemSnaps.length > 0; k++) {
      const snap = systemSnaps[k % systemSnaps.length];
      const inst = r.instances.find((i) => i.instanceId === snap?.instanceId);
      if (!snap || !inst) continue;
      r.images.push(
        makeImage(store, inst, snap, undefined, {
          name: `image-${String(k + 1).padStart(4, '0')}`,
          createdMs: T0 + 2 * 86_400_000 + k * 1000,
        }),
      );
    }
  }
  return store.state;
}
