// Row 6 (Node fallback): heap growth after loading the 1,000/3,000 region, measured in a separate
// Node process running the same core code (client with its cache, loadRegion), data kept alive
// as the tree keeps it. The extension-host figure, when measured, comes from exthostRows.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startBenchEmulator } from './emulator';
import { row } from './results';
import type { Row } from './results';

const run = promisify(execFile);

export interface HeapProbe {
  before: number;
  after: number;
  growth: number;
  servers: number;
  snapshots: number;
}

export async function nodeHeapProbe(root: string): Promise<HeapProbe> {
  const emu = await startBenchEmulator(root, { scale: { servers: 1000, snapshots: 3000, images: 5 } }, { latencyMs: 0, jitterMs: 0 });
  try {
    const { stdout } = await run(process.execPath, ['--expose-gc', join(root, 'out/test/bench/heapProbe.js'), emu.endpoint, emu.accessKeyId, emu.accessKeySecret, 'cn-hangzhou']);
    return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as HeapProbe;
  } finally {
    await emu.stop();
  }
}

export async function heapRows(root: string, log: (s: string) => void): Promise<Row[]> {
  const p = await nodeHeapProbe(root);
  log(`heap (node): ${p.before.toFixed(1)} → ${p.after.toFixed(1)} MB for ${p.servers}/${p.snapshots}`);
  return [
    row(
      'heap-mb-1000-node',
      p.growth,
      'MB',
      `heapUsed growth after gc, retained after loading ${p.servers}/${p.snapshots} (RegionData + the client's 20 s response cache), in a Node ${process.version} process running the same core code`,
    ),
  ];
}
