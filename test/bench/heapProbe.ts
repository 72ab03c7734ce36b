// Child process for row 6 (Node, not the extension host): heap growth retained after loading a
// region with the extension's core code. Run with --expose-gc; prints one JSON line.
// argv: endpoint accessKeyId accessKeySecret regionId
import { createSwasClient } from '../../src/core/swasClient';
import { silentLogger } from '../../src/core/logger';
import { loadRegion } from '../../src/core/regionLoader';

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

async function main(): Promise<void> {
  const [endpoint = '', accessKeyId = '', accessKeySecret = '', regionId = 'cn-hangzhou'] = process.argv.slice(2);
  // The limiter only delays calls; it holds no data. It is off here so the probe takes seconds.
  const api = createSwasClient({
    endpointTemplate: endpoint,
    credentials: { getCredentials: () => Promise.resolve({ accessKeyId, accessKeySecret }) },
    timeoutMs: 15_000,
    logger: silentLogger,
    limiter: { rules: {} },
  });
  // Warm up the code paths (pop-core, converters) on a tiny call so that their one-time cost
  // is not counted as growth.
  await api.listCustomImages(regionId, { pageNumber: 1, pageSize: 1 }, { fresh: true });
  const before = heapMb();
  const data = await loadRegion(api, regionId, { maxItems: Infinity });
  const after = heapMb();
  let snapshots = 0;
  for (const l of data.snapshotsByInstance.values()) snapshots += l.length;
  process.stdout.write(`${JSON.stringify({ before, after, growth: after - before, servers: data.instances.length, snapshots })}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
