// Child processes in their own process group (setsid), stopped by killing the whole group, so
// code-server's extension host, file watcher and helpers never outlive a test (HARNESS §4.3).
// Groups still alive when this process exits are SIGKILLed by an exit hook.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ProcessGroup {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the leader's exit code when it exits. */
  readonly exited: Promise<number | null>;
  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves when no member is left. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<number>();
const exitCleanups = new Set<() => void>();
let hooked = false;

/** Runs `fn` (synchronous) if this process exits before the returned function is called. */
export function onExit(fn: () => void): () => void {
  hookExit();
  exitCleanups.add(fn);
  return () => exitCleanups.delete(fn);
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    // the group is gone
  }
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const pid of live) signalGroup(pid, 'SIGKILL');
    for (const fn of exitCleanups) {
      try {
        fn();
      } catch {
        // best effort while exiting
      }
    }
  });
  // A test process killed by a signal (e.g. the test runner's timeout) must not orphan a group.
  // Programs that handle signals themselves (npm start) register their handlers first.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    if (process.listenerCount(sig) > 0) continue;
    process.once(sig, () => {
      for (const pid of live) signalGroup(pid, 'SIGKILL');
      process.exit(130);
    });
  }
}

export interface SpawnGroupOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr are appended to this file (else ignored). */
  logFile?: string;
  /** Called with each chunk of stdout (after logging). */
  onStdout?: (text: string) => void;
}

export function spawnGroup(cmd: string, args: readonly string[], opts: SpawnGroupOptions = {}): ProcessGroup {
  hookExit();
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${cmd}`);
  live.add(pid);
  const log = opts.logFile ? createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  child.stdout.on('data', (b: Buffer) => {
    log?.write(b);
    opts.onStdout?.(b.toString('utf8'));
  });
  child.stderr.on('data', (b: Buffer) => log?.write(b));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 3000): Promise<void> => {
    stopping ??= (async () => {
      signalGroup(pid, 'SIGTERM');
      const deadline = Date.now() + graceMs;
      while (groupAlive(pid) && Date.now() < deadline) await sleep(50);
      if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
      while (groupAlive(pid)) await sleep(50);
      live.delete(pid);
      await new Promise<void>((res) => (log ? log.end(res) : res()));
    })();
    return stopping;
  };
  return { pid, child, exited, stop };
}
