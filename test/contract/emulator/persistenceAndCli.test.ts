// The state file, --scale data and the CLI's first-line contract.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { startEmulator } from '../../emulator/index';
import type { Json } from './harness';
import { call, pop } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'swas-emu-'));
const cli = resolve(__dirname, '../../emulator/cli.js');

interface CliRun {
  first: Promise<string>;
  exit: Promise<{ code: number | null; stderr: string }>;
  kill(): void;
}

function runCli(args: string[]): CliRun {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const first = new Promise<string>((res, rej) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl >= 0) res(out.slice(0, nl));
    });
    child.on('exit', () => rej(new Error(`cli exited before printing: ${err}`)));
  });
  first.catch(() => undefined);
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exit = new Promise<{ code: number | null; stderr: string }>((res) => child.on('exit', (code) => res({ code, stderr: err })));
  return { first, exit, kill: () => child.kill('SIGTERM') };
}

describe('persistence, scale and CLI', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--state keeps what was created across restarts and writes atomically', async () => {
    const file = join(dir, 'state.json');
    const a = await startEmulator({ seed: 'demo', statePath: file, snapshotSeconds: 0 });
    const inst = ((await call(pop(a), 'ListInstances', { RegionId: 'cn-shanghai' })).Instances as Json[])[1] as Json;
    const snap = await call(pop(a), 'CreateSnapshot', {
      RegionId: 'cn-shanghai',
      DiskId: ((inst.Disks as Json[])[0] as Json).DiskId,
      SnapshotName: 'kept',
    });
    await a.stop();
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('state')),
      ['state.json'],
    );
    const b = await startEmulator({ seed: 'empty', statePath: file });
    try {
      const snaps = (await call(pop(b), 'ListSnapshots', { RegionId: 'cn-shanghai' })).Snapshots as Json[];
      assert.ok(snaps.some((s) => s.SnapshotId === snap.SnapshotId && s.SnapshotName === 'kept'));
    } finally {
      await b.stop();
    }
  });

  test('a corrupt state file is refused with a clear message and left untouched', async () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"version":1, "accounts": {');
    await assert.rejects(startEmulator({ statePath: file }), /not valid JSON.*refusing/);
    writeFileSync(join(dir, 'wrong.json'), '{"hello":"world"}');
    await assert.rejects(startEmulator({ statePath: join(dir, 'wrong.json') }), /not an emulator state file/);
    assert.equal(readFileSync(file, 'utf8'), '{"version":1, "accounts": {');
  });

  test('--scale builds deterministic large data per region', async () => {
    await assert.rejects(startEmulator({ scale: { servers: 51 } }), /at most 50 servers in a region.*allowUnrealistic/);
    const scale = { servers: 300, snapshots: 900, images: 12, regions: 2, allowUnrealistic: true };
    const a = await startEmulator({ scale });
    const b = await startEmulator({ scale });
    try {
      const c = pop(a);
      const first = await call(c, 'ListInstances', { RegionId: 'cn-hangzhou', PageSize: 100 });
      assert.equal(first.TotalCount, 300);
      assert.equal((await call(c, 'ListSnapshots', { RegionId: 'cn-hangzhou', PageSize: 100 })).TotalCount, 900);
      assert.equal((await call(c, 'ListCustomImages', { RegionId: 'cn-hangzhou' })).TotalCount, '12');
      assert.equal((await call(c, 'ListInstances', { RegionId: 'cn-qingdao' })).TotalCount, 300);
      assert.equal((await call(c, 'ListInstances', { RegionId: 'cn-beijing' })).TotalCount, 0);
      const other = await call(pop(b), 'ListInstances', { RegionId: 'cn-hangzhou', PageSize: 100 });
      assert.deepEqual(
        (other.Instances as Json[]).map((i) => i.InstanceId),
        (first.Instances as Json[]).map((i) => i.InstanceId),
      );
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  test('the CLI prints one JSON line first and serves the demo', async () => {
    const run = runCli(['--port', '0', '--seed', 'demo', '--quiet']);
    try {
      const info = JSON.parse(await run.first) as { endpoint: string; accessKeyId: string; accessKeySecret: string; admin: string };
      assert.match(info.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(info.admin, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(info.accessKeyId, 'EMULdemo0000000000000001');
      const r = await call(pop({ ...info, stop: () => Promise.resolve() }), 'ListInstances', { RegionId: 'cn-hangzhou' });
      assert.equal(r.TotalCount, 4);
    } finally {
      run.kill();
    }
    assert.equal((await run.exit).code, 0);
  });

  test('the CLI refuses a corrupt state file, a bad --scale and an unknown --limits with exit code 1', async () => {
    const file = join(dir, 'cli-corrupt.json');
    writeFileSync(file, 'nope');
    const bad = await runCli(['--state', file]).exit;
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /not valid JSON/);
    assert.equal(readFileSync(file, 'utf8'), 'nope');
    const scale = await runCli(['--scale', 'servers=lots']).exit;
    assert.equal(scale.code, 1);
    assert.match(scale.stderr, /--scale/);
    const limits = await runCli(['--limits', 'fastest-possible']).exit;
    assert.equal(limits.code, 1);
    assert.match(limits.stderr, /--limits.*neither a preset/);
  });
});
