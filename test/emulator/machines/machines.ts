// The emulated servers as machines: a disk folder each (always), an SSH daemon each (with
// `--ssh`), and the Cloud Assistant runs (RunCommand) executed in their sandboxes (bubblewrap, or
// the built-in shell: see sandbox.ts).
// Only servers whose public IP is a loopback address (127.0.0.0/8) ever get a listener.
import { existsSync } from 'node:fs';
import { accepts, peekRules } from '../state/firewall';
import type { Store } from '../state/store';
import type { InstanceRecord, InvocationRecord } from '../types';
import { DiskFolders } from './diskFolders';
import { spawnBuiltin } from './builtinShell/process';
import { resolveSandbox, sandboxAvailable, sandboxFromEnv, spawnInSandbox } from './sandbox';
import type { SandboxChoice, SandboxKind } from './sandbox';
import { SshEndpoint } from './sshEndpoint';
import type { HostileSsh } from './sshEndpoint';

export interface MachinesOptions {
  /** Folder for the disks; default a temporary folder removed at stop. */
  disksDir?: string;
  /** Start an SSH daemon for every Linux server with a loopback public IP. */
  ssh?: boolean;
  /** Where commands run: bubblewrap, the built-in shell, or auto (default; SWAS_EMULATOR_SANDBOX). */
  sandbox?: SandboxChoice;
}

/** What Machines needs of a started command (a bubblewrap ChildProcess or the built-in shell). */
interface Running {
  stdin: NodeJS.WritableStream | null;
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
  kill(signal?: NodeJS.Signals): boolean;
  on(event: 'close', listener: (code: number | null) => void): unknown;
}

const OUTPUT_LIMIT = 24 * 1024;

export function isLoopbackIp(ip: string): boolean {
  return /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip) && ip.split('.').every((p) => Number(p) <= 255);
}

function isLinux(i: InstanceRecord): boolean {
  return i.image.osType.toLowerCase() !== 'windows';
}

export interface MachineInfo {
  accountId: string;
  regionId: string;
  instanceId: string;
  publicIp: string;
  sshPort: number | undefined;
  disk: string;
}

export class Machines {
  readonly disks: DiskFolders;
  private readonly endpoints = new Map<string, SshEndpoint>();
  private readonly processes = new Map<string, Running>();
  /** Where commands run, decided once at start. */
  readonly sandbox: SandboxKind;
  private syncing: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly finished = new Map<string, Array<() => void>>();

  constructor(
    private readonly store: Store,
    private readonly options: MachinesOptions,
  ) {
    this.sandbox = resolveSandbox(options.sandbox ?? sandboxFromEnv() ?? 'auto');
    this.disks = DiskFolders.at(options.disksDir);
  }

  private *instances(): Generator<{ accountId: string; regionId: string; instance: InstanceRecord }> {
    for (const [accountId, acc] of Object.entries(this.store.state.accounts)) {
      for (const [regionId, r] of Object.entries(acc.regions)) for (const instance of r.instances) yield { accountId, regionId, instance };
    }
  }

  /** Starts and stops SSH daemons to match the servers (runs one at a time). */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.syncNow()).catch(() => undefined);
    return this.syncing;
  }

  private async syncNow(): Promise<void> {
    if (!this.options.ssh || this.stopped) return;
    const wanted = new Map<string, { accountId: string; regionId: string; instance: InstanceRecord }>();
    for (const x of this.instances()) {
      if (isLinux(x.instance) && isLoopbackIp(x.instance.publicIpAddress))
        wanted.set(`${x.accountId}/${x.regionId}/${x.instance.instanceId}`, x);
    }
    for (const [key, ep] of this.endpoints) {
      const w = wanted.get(key);
      if (!w || w.instance.publicIpAddress !== ep.ip) {
        this.endpoints.delete(key);
        await ep.close();
      }
    }
    for (const [key, w] of wanted) {
      if (this.endpoints.has(key)) continue;
      const ep = new SshEndpoint(w.instance.publicIpAddress, () => {
        this.store.tick();
        const inst = this.store.findInstance(w.accountId, w.regionId, w.instance.instanceId);
        if (!inst) return undefined;
        const region = this.store.region(w.accountId, w.regionId);
        return {
          status: inst.status,
          hostName: inst.instanceName.replace(/[^A-Za-z0-9-]/g, '-') || inst.instanceId,
          allows: (port, ip) => accepts(peekRules(region, inst), port, ip),
          root: this.disks.server(inst.instanceId, inst.instanceName),
          sandbox: this.sandbox,
        };
      });
      this.endpoints.set(key, ep);
      await ep.listen(22);
    }
  }

  /** Gives the server's SSH daemon hostile bytes to send at login (undefined: back to normal). */
  setHostileSsh(instanceId: string, hostile: HostileSsh | undefined): boolean {
    const ep = [...this.endpoints.entries()].find(([k]) => k.endsWith(`/${instanceId}`))?.[1];
    if (ep) ep.hostile = hostile;
    return ep !== undefined;
  }

  list(): MachineInfo[] {
    const out: MachineInfo[] = [];
    for (const { accountId, regionId, instance } of this.instances()) {
      const ep = this.endpoints.get(`${accountId}/${regionId}/${instance.instanceId}`);
      out.push({
        accountId,
        regionId,
        instanceId: instance.instanceId,
        publicIp: instance.publicIpAddress,
        sshPort: ep?.port,
        disk: this.disks.server(instance.instanceId, instance.instanceName),
      });
    }
    return out;
  }

  /** Runs a RunCommand invocation in the server's sandbox and records its outcome on `inv`. */
  run(inv: InvocationRecord, instance: InstanceRecord, script: string): void {
    const root = this.disks.server(instance.instanceId, instance.instanceName);
    const finish = (status: InvocationRecord['status'], exitCode: number | null, output: Buffer, errorCode = '', errorInfo = ''): void => {
      inv.status = status;
      inv.exitCode = exitCode;
      inv.output = output.subarray(0, OUTPUT_LIMIT).toString('base64');
      inv.errorCode = errorCode;
      inv.errorInfo = errorInfo;
      inv.finishedTime = this.store.nowIso();
      this.processes.delete(inv.invokeId);
      this.store.changed();
      for (const f of this.finished.get(inv.invokeId) ?? []) f();
      this.finished.delete(inv.invokeId);
    };
    if (this.sandbox === 'bwrap' && !sandboxAvailable()) {
      finish(
        'Error',
        null,
        Buffer.alloc(0),
        'InvocationException',
        'The emulator cannot run commands: bubblewrap (Debian package "bubblewrap") is not installed.',
      );
      return;
    }
    if (!existsSync(this.disks.pathIn(instance.instanceId, inv.workingDir))) {
      finish('Failed', null, Buffer.alloc(0), 'InvalidWorkingDir', `The working directory ${inv.workingDir} does not exist.`);
      return;
    }
    inv.status = 'Running';
    inv.startTime = this.store.nowIso();
    const where = { root, cwd: inv.workingDir, user: inv.workingUser };
    let child: Running;
    try {
      child = this.sandbox === 'builtin' ? spawnBuiltin(where, script, false) : spawnInSandbox(where, ['/bin/sh', '-c', script]);
    } catch (e) {
      // E.g. a NUL byte in the script (no command line can hold one): the run ends in Error
      // instead of staying Pending (emulator choice; what the real agent does is unknown).
      finish('Error', null, Buffer.alloc(0), 'InvocationException', `The command could not be started: ${(e as Error).message}`);
      return;
    }
    this.processes.set(inv.invokeId, child);
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (d: Buffer): void => {
      if (size < OUTPUT_LIMIT) chunks.push(d);
      size += d.length;
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.stdin?.on('error', () => undefined); // a script that exits at once closes its stdin first
    child.stdin?.end();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, inv.timeoutSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (this.stopped) return;
      const out = Buffer.concat(chunks);
      if (timedOut) finish('Timeout', null, out, 'InvocationTimeout', `The command did not finish within ${inv.timeoutSeconds} seconds.`);
      else
        finish(
          code === 0 ? 'Success' : 'Failed',
          code ?? null,
          out,
          code === 0 ? '' : 'NonZeroExitCode',
          code === 0 ? '' : `The command exited with ${String(code)}.`,
        );
    });
  }

  /**
   * Forgets every disk (the state was replaced): runs still going are killed first, so that none
   * writes into a folder being removed (bubblewrap makes its mount points there as it starts).
   */
  wipe(): void {
    for (const p of this.processes.values()) p.kill('SIGKILL');
    this.disks.clear();
  }

  /** Resolves once every run that is going now has ended. */
  whenAllFinished(): Promise<void> {
    return Promise.all([...this.processes.keys()].map((id) => this.whenFinished(id))).then(() => undefined);
  }

  /** Resolves once the invocation has ended (at once when it is not running). */
  whenFinished(invokeId: string): Promise<void> {
    if (!this.processes.has(invokeId)) return Promise.resolve();
    return new Promise((resolve) => this.finished.set(invokeId, [...(this.finished.get(invokeId) ?? []), resolve]));
  }

  async stop(): Promise<void> {
    for (const fs of this.finished.values()) for (const f of fs) f();
    this.finished.clear();
    this.stopped = true;
    for (const p of this.processes.values()) p.kill('SIGKILL');
    this.processes.clear();
    await this.syncing;
    await Promise.all([...this.endpoints.values()].map((e) => e.close()));
    this.endpoints.clear();
    this.disks.dispose();
  }
}
