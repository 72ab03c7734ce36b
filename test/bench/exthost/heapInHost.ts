// Loaded by code-server's real Node extension host as `extensionTestsPath` (payload URL, as the
// integration driver does): heap growth retained after loading the 1,000/3,000 region with the
// extension's core code (client + loadRegion), measured with gc inside the extension host.
// Environment (inherited from code-server): SWAS_BENCH_HEAP_ENDPOINT, SWAS_BENCH_KEY_ID,
// SWAS_BENCH_KEY_SECRET, SWAS_BENCH_HEAP_OUT (JSON result file).
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { silentLogger } from '../../../src/core/logger';
import { loadRegion } from '../../../src/core/regionLoader';
import { createSwasClient } from '../../../src/core/swasClient';

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function run(): Promise<void> {
  const out = process.env.SWAS_BENCH_HEAP_OUT ?? '';
  try {
    const gc = gcFunction();
    const heapMb = (): number => {
      gc();
      gc();
      return process.memoryUsage().heapUsed / (1024 * 1024);
    };
    const accessKeyId = process.env.SWAS_BENCH_KEY_ID ?? '';
    const accessKeySecret = process.env.SWAS_BENCH_KEY_SECRET ?? '';
    const api = createSwasClient({
      endpointTemplate: process.env.SWAS_BENCH_HEAP_ENDPOINT ?? '',
      credentials: { getCredentials: () => Promise.resolve({ accessKeyId, accessKeySecret }) },
      timeoutMs: 15_000,
      logger: silentLogger,
      limiter: { rules: {} }, // the limiter only delays calls; off so the probe takes seconds
    });
    await api.listCustomImages('cn-hangzhou', { pageNumber: 1, pageSize: 1 }, { fresh: true });
    const before = heapMb();
    const data = await loadRegion(api, 'cn-hangzhou', { maxItems: Infinity });
    const after = heapMb();
    let snapshots = 0;
    for (const l of data.snapshotsByInstance.values()) snapshots += l.length;
    writeFileSync(out, JSON.stringify({ before, after, growth: after - before, servers: data.instances.length, snapshots, node: process.version }));
  } catch (e) {
    writeFileSync(out, JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
  }
}
