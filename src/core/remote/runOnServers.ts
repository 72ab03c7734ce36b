// Run one script on several servers through Cloud Assistant and follow each run until it ends.
// One RunCommand per server (the API takes one InstanceId), then DescribeInvocationResult per run
// with a backoff (1 s, ×1.5, at most 10 s) until a final status or the deadline (the command's own
// timeout + 60 s). Clock and sleep are injected, so tests run on a virtual clock.
import type { OsType } from '../enums';
import { toSwasError } from '../errorMapping';
import { CLIENT_CODES, SwasError } from '../errors';
import { COMMAND_CONTENT_LIMIT, commandTooLong } from './commandText';
import type { RemoteAccessApi } from './remoteAccessClient';
import type { CommandType, InvocationResult } from './remoteModel';
import { FINISHED_INVOCATION } from './remoteModel';

export interface RunTarget {
  regionId: string;
  instanceId: string;
  instanceName: string;
  /** 'linux' | 'windows' | 'unknown' (normalised). */
  osType: OsType;
}

export interface RunOutcome {
  target: RunTarget;
  invokeId?: string;
  requestId?: string;
  result?: InvocationResult;
  /** The run could not be started, or its result could not be read in time. */
  error?: SwasError;
  /** The deadline passed while the run was still going. */
  stillRunning?: boolean;
}

export interface RunDeps {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface RunOptions {
  timeoutSeconds: number;
  workingUser: string;
  signal?: AbortSignal;
  onUpdate?(outcome: RunOutcome): void;
}

export function commandTypeFor(osType: OsType): CommandType {
  return osType === 'Windows' ? 'RunPowerShellScript' : 'RunShellScript';
}

async function follow(api: RemoteAccessApi, out: RunOutcome, opts: RunOptions, deps: RunDeps): Promise<void> {
  const deadline = deps.now() + (opts.timeoutSeconds + 60) * 1000;
  let wait = 1000;
  let lastError: SwasError | undefined;
  while (deps.now() < deadline) {
    await deps.sleep(wait, opts.signal);
    wait = Math.min(10_000, Math.round(wait * 1.5));
    try {
      const r = await api.invocationResult(out.target.regionId, out.target.instanceId, out.invokeId ?? '', { signal: opts.signal });
      out.result = r;
      lastError = undefined;
      opts.onUpdate?.(out);
      if (FINISHED_INVOCATION.has(r.status)) return;
    } catch (e) {
      const err = toSwasError(e);
      if (err.code === CLIENT_CODES.cancelled) throw err;
      lastError = err;
    }
  }
  out.stillRunning = true;
  if (lastError) out.error = lastError;
}

/** Starts the script on every target, then follows every run; never throws for one server's failure. */
export async function runOnServers(
  api: RemoteAccessApi,
  targets: readonly RunTarget[],
  script: string,
  opts: RunOptions,
  deps: RunDeps,
): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = targets.map((target) => ({ target }));
  const size = commandTooLong(script);
  if (size !== undefined) {
    // Documented limit (commandText.ts): refused before any call, on every server alike.
    const message = `The script is ${size} bytes after Base64 encoding; Cloud Assistant takes at most ${COMMAND_CONTENT_LIMIT}.`;
    for (const o of outcomes) o.error = new SwasError({ code: CLIENT_CODES.commandTooLong, message, retryable: false });
    return outcomes;
  }
  await Promise.all(
    outcomes.map(async (out) => {
      try {
        const started = await api.runCommand(
          {
            regionId: out.target.regionId,
            instanceId: out.target.instanceId,
            commandContent: script,
            type: commandTypeFor(out.target.osType),
            timeoutSeconds: opts.timeoutSeconds,
            workingUser: opts.workingUser,
          },
          { signal: opts.signal },
        );
        out.invokeId = started.invokeId;
        out.requestId = started.requestId;
        opts.onUpdate?.(out);
      } catch (e) {
        out.error = toSwasError(e);
        if (out.error.code === CLIENT_CODES.cancelled) throw out.error;
        opts.onUpdate?.(out);
        return;
      }
      await follow(api, out, opts, deps);
    }),
  );
  return outcomes;
}

/** Valid Cloud Assistant timeout (documented: 10–86400 s). */
export function validTimeout(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= 10 && seconds <= 86_400;
}
