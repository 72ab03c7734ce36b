// The admin API and fault injection, observed through the real pop-core.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import { OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET } from '../../emulator/seeds/credentials';
import type { Json } from './harness';
import { admin, call, pop, raw, rejects, start, useDemoEmulator } from './harness';

describe('admin API and faults', () => {
  let emu: RunningEmulator;
  useDemoEmulator({ faults: true, requests: true }, (started) => {
    emu = started;
  });

  test('GET /health answers ok', async () => {
    assert.deepEqual(await admin(emu, 'GET', '/health'), { ok: true });
  });

  test('the admin API is not reachable through the signed API port', async () => {
    const r = await raw(`${emu.endpoint}/health`);
    assert.equal(r.status, 404);
    assert.equal((JSON.parse(r.text) as Json).Code, 'InvalidApi.NotFound');
  });

  test('GET /state returns the whole state and POST /reset empty clears it', async () => {
    const state = await admin(emu, 'GET', '/state');
    assert.ok((state.accounts as Json).demo);
    await admin(emu, 'POST', '/reset', { seed: 'empty' });
    assert.equal((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).TotalCount, 0);
  });

  test('GET /clock and POST /clock/advance move the virtual clock', async () => {
    const before_ = Date.parse(String((await admin(emu, 'GET', '/clock')).now));
    const after_ = Date.parse(String((await admin(emu, 'POST', '/clock/advance', { seconds: 3600 })).now));
    assert.ok(after_ - before_ >= 3600_000 && after_ - before_ < 3660_000);
    const snaps = (await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-hangzhou' })).Snapshots as Json[];
    assert.ok(
      snaps.every((s) => s.Status !== 'Progressing'),
      'the demo progressing snapshot finished',
    );
  });

  test('GET /requests logs action, key, region, status, code and ClientToken; DELETE clears it', async () => {
    await call(pop(emu), 'ListInstances', { RegionId: 'cn-shanghai' });
    await rejects(pop(emu).request('CreateCustomImage', { RegionId: 'cn-hangzhou', ClientToken: 'abc' }), 'MissingParameter', 400);
    const log = (await admin(emu, 'GET', '/requests')).requests as Json[];
    assert.equal(log.length, 2);
    assert.deepEqual(
      log.map((r) => [r.seq, r.action, r.accessKeyId, r.regionId, r.httpStatus, r.code, r.clientToken]),
      [
        [log[0]?.seq, 'ListInstances', emu.accessKeyId, 'cn-shanghai', 200, '', ''],
        [Number(log[0]?.seq) + 1, 'CreateCustomImage', emu.accessKeyId, 'cn-hangzhou', 400, 'MissingParameter', 'abc'],
      ],
    );
    assert.equal(typeof log[0]?.ms, 'number');
    await admin(emu, 'DELETE', '/requests');
    assert.deepEqual((await admin(emu, 'GET', '/requests')).requests, []);
  });

  test('POST /servers adds a server, /status changes it, DELETE releases it', async () => {
    const added = await admin(emu, 'POST', '/servers', { regionId: 'eu-west-1', instanceName: 'added-1', status: 'Stopped' });
    assert.equal(added.InstanceName, 'added-1');
    const list = async (): Promise<Json[]> => (await call(pop(emu), 'ListInstances', { RegionId: 'eu-west-1' })).Instances as Json[];
    assert.equal((await list())[0]?.Status, 'Stopped');
    await admin(emu, 'POST', `/servers/${String(added.InstanceId)}/status`, { status: 'Running' });
    assert.equal((await list())[0]?.Status, 'Running');
    await admin(emu, 'DELETE', `/servers/${String(added.InstanceId)}`);
    assert.equal((await list()).length, 0);
  });

  test('state is kept per account', async () => {
    await admin(emu, 'POST', '/servers', { regionId: 'cn-hangzhou', instanceName: 'theirs', accessKeyId: OTHER_ACCESS_KEY_ID });
    const other = pop(emu, { accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET });
    const theirs = (await call(other, 'ListInstances', { RegionId: 'cn-hangzhou' })).Instances as Json[];
    assert.deepEqual(
      theirs.map((i) => i.InstanceName),
      ['theirs'],
    );
    assert.equal((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).TotalCount, 4);
  });

  test('PUT /faults rejects an unknown kind; GET returns the config', async () => {
    const bad = await raw(`${emu.admin}/faults`, { method: 'PUT', body: JSON.stringify({ kinds: ['Boom'] }) });
    assert.equal(bad.status, 400);
    await admin(emu, 'PUT', '/faults', { latencyMs: 5 });
    assert.equal((await admin(emu, 'GET', '/faults')).latencyMs, 5);
  });

  test('scripted faults are consumed by the next matching requests, first matching entry first', async () => {
    await admin(emu, 'PUT', '/faults', {
      script: [{ action: 'ListInstances', kind: 'InternalError', times: 2 }, { kind: 'ServiceUnavailable' }],
    });
    await rejects(pop(emu).request('ListInstances', { RegionId: 'cn-hangzhou' }), 'InternalError', 500);
    await rejects(pop(emu).request('ListRegions', {}), 'ServiceUnavailable', 503);
    await call(pop(emu), 'ListRegions');
    await rejects(pop(emu).request('ListInstances', { RegionId: 'cn-hangzhou' }), 'InternalError', 500);
    await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
    assert.deepEqual((await admin(emu, 'GET', '/faults')).script, []);
  });

  test('Throttling.User fault carries x-acs-retry-after', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ kind: 'Throttling.User' }] });
    const err = await pop(emu)
      .request('ListRegions', {})
      .then(
        () => assert.fail('expected throttling'),
        (e: { code?: string; entry?: { response?: { statusCode?: number; headers?: Json } } }) => e,
      );
    assert.equal(err.code, 'Throttling.User');
    assert.equal(err.entry?.response?.statusCode, 400);
    assert.match(String(err.entry?.response?.headers?.['x-acs-retry-after']), /^\d+$/);
  });

  test('throttlePerMinute limits calls per account and action', async () => {
    await admin(emu, 'PUT', '/faults', { throttlePerMinute: 2, throttleActions: ['ListRegions'] });
    await call(pop(emu), 'ListRegions');
    await call(pop(emu), 'ListRegions');
    await rejects(pop(emu).request('ListRegions', {}), 'Throttling.User', 400);
    await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
    const other = pop(emu, { accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET });
    await call(other, 'ListRegions');
  });

  test('--realistic-limits (documented-2021) throttles ListRegions at 10 calls a minute', async () => {
    const limited = await start({ realisticLimits: true });
    try {
      for (let i = 0; i < 10; i++) await call(pop(limited), 'ListRegions');
      await rejects(pop(limited).request('ListRegions', {}), 'Throttling.User', 400);
      for (let i = 0; i < 12; i++) await call(pop(limited), 'ListInstances', { RegionId: 'cn-hangzhou' });
    } finally {
      await limited.stop();
    }
  });

  test('POST /reset without a seed restores the start-up data', async () => {
    await admin(emu, 'POST', '/servers', { regionId: 'cn-hangzhou', instanceName: 'extra' });
    assert.equal((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).TotalCount, 5);
    await admin(emu, 'POST', '/reset');
    assert.equal((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).TotalCount, 4);
  });

  test('errorRate 1 with chosen kinds fails every matching call; seed makes it repeatable', async () => {
    await admin(emu, 'PUT', '/faults', { errorRate: 1, kinds: ['ServiceUnavailable'], actions: ['ListSnapshots'], seed: 7 });
    await rejects(pop(emu).request('ListSnapshots', { RegionId: 'cn-hangzhou' }), 'ServiceUnavailable', 503);
    await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' });
    const pattern = async (): Promise<string[]> => {
      await admin(emu, 'PUT', '/faults', { errorRate: 0.5, seed: 42 });
      const out: string[] = [];
      for (let i = 0; i < 12; i++)
        out.push(
          await pop(emu)
            .request('ListRegions', {})
            .then(
              () => 'ok',
              (e: { code?: string }) => String(e.code),
            ),
        );
      return out;
    };
    const a = await pattern();
    assert.deepEqual(await pattern(), a);
    assert.ok(a.includes('ok') && a.some((x) => x !== 'ok'), a.join(','));
  });

  test('ResetBefore destroys the socket and changes nothing', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ action: 'CreateSnapshot', kind: 'ResetBefore' }] });
    const inst = ((await call(pop(emu), 'ListInstances', { RegionId: 'cn-shanghai' })).Instances as Json[])[0] as Json;
    const diskId = ((inst.Disks as Json[])[0] as Json).DiskId;
    await assert.rejects(pop(emu).request('CreateSnapshot', { RegionId: 'cn-shanghai', DiskId: diskId, SnapshotName: 'lost' }));
    assert.equal((await call(pop(emu), 'ListSnapshots', { RegionId: 'cn-shanghai' })).TotalCount, 1);
    const log = (await admin(emu, 'GET', '/requests')).requests as Json[];
    assert.ok(log.some((r) => r.code === 'ResetBefore' && r.httpStatus === 0));
  });

  test('BadGateway answers a non-JSON 502 that pop-core cannot parse', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ kind: 'BadGateway' }] });
    await assert.rejects(
      pop(emu).request('ListRegions', {}),
      (e: Error & { data?: unknown }) => e.data === undefined && /Unexpected|JSON|</.test(`${e.name} ${e.message}`),
    );
  });

  test('Timeout holds the response longer than the client waits', async () => {
    await admin(emu, 'PUT', '/faults', { script: [{ kind: 'Timeout' }], timeoutMs: 1500 });
    const started = Date.now();
    await assert.rejects(pop(emu).request('ListRegions', {}, { timeout: 300 }), (e: Error) => /timeout/i.test(`${e.name} ${e.message}`));
    assert.ok(Date.now() - started < 1400);
  });

  test('latency with jitter delays responses', async () => {
    await admin(emu, 'PUT', '/faults', { latencyMs: 120, jitterMs: 20 });
    const started = Date.now();
    await call(pop(emu), 'ListRegions');
    assert.ok(Date.now() - started >= 95);
  });
});
