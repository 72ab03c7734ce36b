// Pure parts of the emulator's variants and loopback IPs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { forceLoopbackIps, isLoopbackIp, loopbackIp } from '../../emulator/seeds/factory';
import { demoState } from '../../emulator/seeds/demo';
import { HOSTILE, Variants, parseVariants } from '../../emulator/variants';

describe('emulator variants and loopback IPs', () => {
  test('parseVariants expands hostile, ignores none and refuses unknown names', () => {
    assert.deepEqual(parseVariants('hostile'), [...HOSTILE]);
    assert.deepEqual(parseVariants('none'), []);
    assert.deepEqual(parseVariants(' lowercase-status , mixed-status '), ['lowercase-status', 'mixed-status']);
    assert.throws(() => parseVariants('lowercase'), /unknown variant "lowercase"/);
  });

  test('transform lowercases statuses and DiskType only where the variant says, and leaves other actions alone', () => {
    const v = new Variants(['lowercase-status', 'lowercase-disktype']);
    const body = { Instances: [{ Status: 'Running', Disks: [{ Status: 'In_use', DiskType: 'System' }] }] };
    v.transform('ListInstances', body);
    assert.deepEqual(body, { Instances: [{ Status: 'running', Disks: [{ Status: 'in_use', DiskType: 'system' }] }] });
    const images = { CustomImages: [{ Status: '1' }] };
    assert.deepEqual(v.transform('ListCustomImages', images), { CustomImages: [{ Status: '1' }] });
  });

  test('loopbackIp gives 127.x.y.z, never .0 or .255 in the last octet, unique over 200,000 servers', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200_000; n++) {
      const ip = loopbackIp(n);
      assert.ok(isLoopbackIp(ip), ip);
      const last = Number(ip.split('.')[3]);
      assert.ok(last >= 1 && last <= 254, ip);
      seen.add(ip);
    }
    assert.equal(seen.size, 200_000);
  });

  test('forceLoopbackIps rewrites routable addresses and keeps loopback ones', () => {
    const state = demoState({ snapshotSeconds: 20, imageSeconds: 30 });
    const servers = Object.values(state.accounts).flatMap((a) => Object.values(a.regions).flatMap((r) => r.instances));
    const kept = servers[1]?.publicIpAddress;
    if (servers[0]) servers[0].publicIpAddress = '47.96.0.1';
    forceLoopbackIps(state);
    assert.ok(servers.every((s) => s.publicIpAddress === '' || isLoopbackIp(s.publicIpAddress)));
    assert.equal(servers[1]?.publicIpAddress, kept);
  });
});
