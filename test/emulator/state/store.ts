// The emulator's state with its virtual clock. Handlers run synchronously against it, so
// every check-and-commit is atomic (Node runs one handler at a time).
import type {
  AccountState,
  CredentialRecord,
  EmulatorState,
  ImageRecord,
  InstanceRecord,
  RegionState,
  ReleasedKind,
  SnapshotRecord,
} from '../types';
import { forceLoopbackIps } from '../seeds/factory';
import { advanceLifecycle } from './lifecycle';
import { diskIdFor, firewallRuleIdFor, imageIdFor, instanceIdFor, invokeIdFor, snapshotIdFor } from './ids';
import { isoSeconds } from './time';
import type { Machines } from '../machines/machines';

export interface Timings {
  snapshotSeconds: number;
  imageSeconds: number;
}

export class Store {
  private listeners: (() => void)[] = [];
  /** The servers as machines (disk folders, SSH daemons, RunCommand); set by startEmulator. */
  machines: Machines | undefined;
  /** The admin API's base URL (LoginInstance links to a page of it); set by startEmulator. */
  adminUrl: string | undefined;
  constructor(
    public state: EmulatorState,
    readonly timings: Timings,
  ) {
    forceLoopbackIps(state);
  }

  now(): number {
    return Date.now() + this.state.clockOffsetMs;
  }
  nowIso(): string {
    return isoSeconds(this.now());
  }
  advance(seconds: number): void {
    this.state.clockOffsetMs += Math.round(seconds * 1000);
    this.tick();
    this.changed();
  }
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
  changed(): void {
    for (const l of this.listeners) l();
  }
  replace(state: EmulatorState): void {
    forceLoopbackIps(state);
    this.state = state;
    this.machines?.wipe();
    this.changed();
  }

  credential(accessKeyId: string): CredentialRecord | undefined {
    return this.state.credentials.find((c) => c.accessKeyId === accessKeyId);
  }
  account(accountId: string): AccountState {
    let acc = this.state.accounts[accountId];
    if (!acc) {
      acc = { accountId, userId: String(5_000_000_000_000_000 + Object.keys(this.state.accounts).length + 1), regions: {} };
      this.state.accounts[accountId] = acc;
    }
    return acc;
  }
  /** The region's data; an empty (unsaved) one when the account has nothing there. */
  region(accountId: string, regionId: string): RegionState {
    return this.state.accounts[accountId]?.regions[regionId] ?? { instances: [], snapshots: [], images: [] };
  }
  regionForWrite(accountId: string, regionId: string): RegionState {
    const acc = this.account(accountId);
    let r = acc.regions[regionId];
    if (!r) {
      r = { instances: [], snapshots: [], images: [] };
      acc.regions[regionId] = r;
    }
    return r;
  }
  serverCount(accountId: string): number {
    const acc = this.state.accounts[accountId];
    return acc ? Object.values(acc.regions).reduce((n, r) => n + r.instances.length, 0) : 0;
  }
  imageCount(accountId: string): number {
    const acc = this.state.accounts[accountId];
    return acc ? Object.values(acc.regions).reduce((n, r) => n + r.images.length, 0) : 0;
  }
  /** Remembers released IDs (for the released-id-errors variant). */
  markReleased(ids: string[], kind: ReleasedKind): void {
    const released = (this.state.released ??= {});
    for (const id of ids) released[id] = kind;
  }
  snapshotCount(accountId: string): number {
    const acc = this.state.accounts[accountId];
    return acc ? Object.values(acc.regions).reduce((n, r) => n + r.snapshots.length, 0) : 0;
  }

  private next(): number {
    this.state.nextId += 1;
    return this.state.nextId;
  }
  newInstanceId(): string {
    return instanceIdFor(this.next());
  }
  newDiskId(): string {
    return diskIdFor(this.next());
  }
  newSnapshotId(): string {
    return snapshotIdFor(this.next());
  }
  newImageId(): string {
    return imageIdFor(this.next());
  }
  newFirewallRuleId(): string {
    return firewallRuleIdFor(this.next());
  }
  newInvokeId(): string {
    return invokeIdFor(this.next());
  }

  /** Moves async work forward to the current virtual time. */
  tick(): void {
    const now = this.now();
    for (const acc of Object.values(this.state.accounts)) {
      for (const r of Object.values(acc.regions)) {
        for (const s of r.snapshots) if (s.status === 'Progressing' && s.readyAt <= now) s.status = 'Accomplished';
        for (const i of r.images) {
          if ((i.status === '4' || i.status === '0') && i.readyAt <= now) i.status = '1';
          if (i.unshareAt !== undefined && i.unshareAt <= now) {
            i.inShare = false;
            delete i.unshareAt;
          }
        }
        advanceLifecycle(r.instances, now);
      }
    }
  }

  findInstance(accountId: string, regionId: string, instanceId: string): InstanceRecord | undefined {
    return this.region(accountId, regionId).instances.find((i) => i.instanceId === instanceId);
  }
  findSnapshot(accountId: string, regionId: string, snapshotId: string): SnapshotRecord | undefined {
    return this.region(accountId, regionId).snapshots.find((s) => s.snapshotId === snapshotId);
  }
  findImage(accountId: string, regionId: string, imageId: string): ImageRecord | undefined {
    return this.region(accountId, regionId).images.find((i) => i.imageId === imageId);
  }
}
