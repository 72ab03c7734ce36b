// One "window" of the concurrency campaign, as its own process: its own client stack (pop-core
// clients, limiter, cache, retry), submitting images like the form does (one ClientToken per
// submission, the user pressing Retry after a retryable failure). Input: one JSON argument.
// Output: one JSON line on stdout with what each submission was told.
import { randomUUID } from 'node:crypto';
import { isSwasError } from '../../src/core/errors';
import { silentLogger } from '../../src/core/logger';
import { createSwasClient } from '../../src/core/swasClient';

export interface WorkerInput {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  startAt: number;
  concurrency: number;
  /** The extension's own limiter (10/min) and retry policy, against an emulator with its real limits. */
  realistic?: boolean;
  submissions: { regionId: string; instanceId: string; systemSnapshotId: string; imageName: string }[];
}

export interface WorkerOutcome {
  imageName: string;
  outcome: 'created' | 'rejected' | 'unclear';
  imageId?: string;
  code?: string;
  retries: number;
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
  const api = createSwasClient({
    endpointTemplate: input.endpoint,
    credentials: { getCredentials: () => Promise.resolve({ accessKeyId: input.accessKeyId, accessKeySecret: input.accessKeySecret }) },
    timeoutMs: input.realistic ? 5000 : 1000,
    logger: silentLogger,
    ...(input.realistic
      ? {}
      : { limiter: { rules: {} }, retry: { baseDelayMs: 20, throttleBaseDelayMs: 50, maxDelayMs: 200, maxTotalMs: 10_000 } }),
  });
  await new Promise((r) => setTimeout(r, Math.max(0, input.startAt - Date.now())));
  const out: WorkerOutcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < input.submissions.length) {
      const s = input.submissions[next++];
      if (!s) break;
      const params = { ...s, clientToken: randomUUID() };
      for (let press = 0; ; press++) {
        try {
          const res = await api.createCustomImage(params);
          out.push({ imageName: s.imageName, outcome: 'created', imageId: res.imageId, retries: press });
          break;
        } catch (e) {
          const code = isSwasError(e) ? e.code : 'NotASwasError';
          if (!(isSwasError(e) && e.retryable)) {
            out.push({ imageName: s.imageName, outcome: 'rejected', code, retries: press });
            break;
          }
          if (press >= 5) {
            out.push({ imageName: s.imageName, outcome: 'unclear', code, retries: press });
            break;
          }
          // The form says "wait a minute and try again" on throttling: the user waits, then retries.
          if (input.realistic) await new Promise((r) => setTimeout(r, Math.min(65_000, e.retryAfterMs ?? 10_000)));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
