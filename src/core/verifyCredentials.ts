// Checks credentials with one cheap signed call (ListRegions) before they are saved. No retries
// (a wrong key must fail fast), no cache, no shared limiter. Throws SwasError: wrong key, disabled
// key, expired token, clock skew (InvalidTimeStamp.Expired) and no network each keep their code.
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { Credentials } from './model';
import { createSwasClient } from './swasClient';

export async function verifyCredentials(
  creds: Credentials,
  endpointTemplate: string,
  timeoutMs: number,
  logger: Logger = silentLogger,
): Promise<void> {
  const client = createSwasClient({
    endpointTemplate,
    credentials: { getCredentials: () => Promise.resolve(creds) },
    timeoutMs,
    logger,
    limiter: { rules: {} },
    retry: { maxAttempts: 1 },
    cache: { ttlMs: 0, ttlByAction: {} },
  });
  await client.listRegions('en-US');
}
