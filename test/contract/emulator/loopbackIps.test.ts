// No test, demo or benchmark may dial outside 127.0.0.0/8: every server the emulator hands out
// (demo seed, --scale, admin POST /servers, an old state file) has a unique loopback public IP.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import { REGIONS } from '../../emulator/seeds/regions';
import type { Json } from './harness';
import { admin, call, pop, start } from './harness';

const LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

async function allIps(emu: RunningEmulator): Promise<string[]> {
  const ips: string[] = [];
  for (const r of REGIONS) {
    const list = (await call(pop(emu), 'ListInstances', { RegionId: r.regionId, PageSize: 100 })).Instances as Json[];
    for (const i of list) {
      const ip = String(i.PublicIpAddress);
      const net = (i.NetworkAttributes as Json[])[0];
      if (ip !== '') {
        assert.match(ip, LOOPBACK, `${String(i.InstanceName)} in ${r.regionId}`);
        assert.equal(net?.PublicIpAddress, ip);
      }
      ips.push(ip);
    }
  }
  return ips.filter((ip) => ip !== '');
}

describe('emulator public IPs are loopback addresses', () => {
  test('the demo seed: every server with a public IP has a unique 127.x.y.z, across regions', async () => {
    const emu = await start();
    try {
      const ips = await allIps(emu);
      assert.equal(ips.length, 6, 'seven demo servers, the Disabled one has no public IP');
      assert.equal(new Set(ips).size, ips.length);
      const added = (await admin(emu, 'POST', '/servers', { regionId: 'eu-west-1' })) as Json;
      assert.match(String(added.PublicIpAddress), LOOPBACK);
      assert.ok(!ips.includes(String(added.PublicIpAddress)));
    } finally {
      await emu.stop();
    }
  });

  test('--scale: 3 regions × 50 servers, all loopback and unique', async () => {
    const emu = await start({ scale: { servers: 50, snapshots: 0, images: 0, regions: 3 } });
    try {
      const ips = await allIps(emu);
      assert.equal(ips.length, 150);
      assert.equal(new Set(ips).size, 150);
    } finally {
      await emu.stop();
    }
  });

  test('a state file written before the change (47.96.x.x) is served with loopback IPs', async () => {
    const first = await start();
    const state = (await admin(first, 'GET', '/state')) as { accounts: Record<string, { regions: Record<string, { instances: Json[] }> }> };
    await first.stop();
    const hz = state.accounts.demo?.regions['cn-hangzhou']?.instances ?? [];
    hz.forEach((i, n) => {
      if (i.publicIpAddress) i.publicIpAddress = `47.96.0.${n + 1}`;
    });
    const file = join(mkdtempSync(join(tmpdir(), 'emu-ip-')), 'old.json');
    writeFileSync(file, JSON.stringify(state));
    const emu = await start({ seed: file });
    try {
      const ips = await allIps(emu);
      assert.equal(new Set(ips).size, ips.length);
    } finally {
      await emu.stop();
    }
  });
});
