// Pure state rules of the emulator: quotas, names, tags, paging, idempotence, faults, clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFaultConfig } from '../../emulator/faults';
import { jsonIds, page, paginate, tags } from '../../emulator/params';
import { toJson, RawNumber, snapshotProgress } from '../../emulator/render';
import { demoState } from '../../emulator/seeds/demo';
import { RateLimits, parseLimitTable, resolveLimits } from '../../emulator/limits';
import { parseScale, scaleRegionIds } from '../../emulator/seeds/scale';
import { fingerprint } from '../../emulator/state/idempotency';
import { validateState } from '../../emulator/state/persist';
import { imageQuota, isValidImageName, isValidSnapshotName, snapshotQuota } from '../../emulator/state/rules';
import { Store } from '../../emulator/state/store';
import type { SnapshotRecord } from '../../emulator/types';

const timings = { snapshotSeconds: 20, imageSeconds: 30 };

describe('quotas and names', () => {
  test('image and snapshot quotas are 3 per server, capped at 15', () => {
    assert.deepEqual([0, 1, 4, 5, 6, 100].map(imageQuota), [0, 3, 12, 15, 15, 15]);
    assert.deepEqual([0, 2, 9].map(snapshotQuota), [0, 6, 15]);
  });

  test('image names: 2-128 chars of letters, Chinese (A6, likely), digits, : _ -, starting with a letter, Chinese or digit', () => {
    for (const ok of ['ab', '9lives', 'a:b_c-d', 'x'.repeat(128), '镜像', '镜像-v1', 'ab镜像'])
      assert.equal(isValidImageName(ok), true, ok);
    for (const bad of ['a', '_a', '-a', ':a', 'a b', 'a.b', 'x'.repeat(129), '', '镜', 'abé', '。句号'])
      assert.equal(isValidImageName(bad), false, bad);
  });

  test('snapshot names: 2-50 chars starting with a letter or Chinese (A5, confirmed), dots allowed', () => {
    for (const ok of ['ab', 'a.b:c_d-e', 'x'.repeat(50), '快照1', '快照.每日-01', 'a快照']) assert.equal(isValidSnapshotName(ok), true, ok);
    for (const bad of ['1a', 'a', 'x'.repeat(51), 'http://x', 'a b', '1快照', '快', '快'.repeat(51)])
      assert.equal(isValidSnapshotName(bad), false, bad);
  });
});

describe('parameters', () => {
  test('paging defaults to 1/10 and refuses PageSize over 100', () => {
    assert.deepEqual(page({}), { pageNumber: 1, pageSize: 10 });
    assert.throws(() => page({ PageSize: '101' }), { code: 'InvalidParameter' });
    assert.throws(() => page({ PageNumber: '0' }), { code: 'InvalidParameter' });
    assert.deepEqual(paginate([1, 2, 3, 4, 5], { pageNumber: 2, pageSize: 2 }), [3, 4]);
  });

  test('ID lists are JSON arrays of strings', () => {
    assert.deepEqual(jsonIds({ X: '["a","b"]' }, 'X', 100), ['a', 'b']);
    assert.equal(jsonIds({}, 'X', 100), undefined);
    assert.throws(() => jsonIds({ X: 'a,b' }, 'X', 100), { code: 'InvalidParameter' });
    assert.throws(() => jsonIds({ X: '[1]' }, 'X', 100), { code: 'InvalidParameter' });
  });

  test('tags are read in index order with their rules', () => {
    assert.deepEqual(tags({ 'Tag.2.Key': 'b', 'Tag.2.Value': '', 'Tag.1.Key': 'a', 'Tag.1.Value': '1' }), [
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '' },
    ]);
    assert.throws(() => tags({ 'Tag.21.Key': 'a' }), { code: 'InvalidTagCount' });
    assert.throws(() => tags({ 'Tag.1.Value': 'v' }), { code: 'InvalidTagKey.Malformed' });
    assert.throws(() => tags({ 'Tag.1.Key': 'Aliyun-x' }), { code: 'InvalidTagKey.Malformed' });
  });

  test('the ClientToken fingerprint ignores the token and key order', () => {
    assert.equal(fingerprint({ A: '1', B: '2', ClientToken: 'x' }), fingerprint({ B: '2', A: '1', ClientToken: 'y' }));
    assert.notEqual(fingerprint({ A: '1' }), fingerprint({ A: '2' }));
  });
});

describe('rendering and clock', () => {
  test('a RawNumber is written as a bare JSON number', () => {
    assert.equal(toJson({ UserId: new RawNumber('1234567890123456'), A: 'x' }), '{"UserId":1234567890123456,"A":"x"}');
  });

  test('Progress rises with the virtual clock and stops at 99% until Accomplished', () => {
    const s = { status: 'Progressing', startedAt: 0, readyAt: 20_000, failedProgress: 0 } as SnapshotRecord;
    assert.deepEqual(
      [0, 10_000, 19_999, 50_000].map((t) => snapshotProgress(s, t)),
      ['0%', '50%', '99%', '99%'],
    );
    assert.equal(snapshotProgress({ ...s, status: 'Failed', failedProgress: 37 }, 0), '37%');
  });

  test('advancing the clock finishes progressing snapshots and creating images', () => {
    const store = new Store(demoState(timings), timings);
    const hz = store.region('demo', 'cn-hangzhou');
    assert.ok(hz.snapshots.some((s) => s.status === 'Progressing'));
    store.advance(600);
    assert.ok(hz.snapshots.every((s) => s.status !== 'Progressing'));
  });

  test('the demo seed is deterministic apart from the progressing snapshot times', () => {
    const a = demoState(timings);
    const b = demoState(timings);
    const ids = (s: typeof a): string[] =>
      Object.values(s.accounts).flatMap((acc) => Object.values(acc.regions).flatMap((r) => r.instances.map((i) => i.instanceId)));
    assert.deepEqual(ids(a), ids(b));
    assert.equal(ids(a).length, 7);
  });
});

describe('faults, scale and state files', () => {
  test('fault configs are validated', () => {
    assert.deepEqual(parseFaultConfig({ errorRate: 0.2, kinds: ['Timeout'] }).kinds, ['Timeout']);
    assert.throws(() => parseFaultConfig({ errorRate: 2 }), /errorRate/);
    assert.throws(() => parseFaultConfig({ kinds: ['Nope'] }), /kinds/);
    assert.throws(() => parseFaultConfig({ script: [{ kind: 'Nope' }] }), /script\[0\]/);
    assert.throws(() => parseFaultConfig({ surprise: 1 }), /unknown field/);
  });

  test('documented-2021 limits throttle the documented actions at 10 per minute per account, all regions together', () => {
    const f = new RateLimits(resolveLimits('documented-2021'));
    for (let i = 0; i < 10; i++) f.check('acc', i % 2 ? 'cn-hangzhou' : 'cn-beijing', 'CreateCustomImage', 1000 + i);
    assert.throws(() => f.check('acc', 'ap-southeast-1', 'CreateCustomImage', 2000), { code: 'Throttling.User' });
    f.check('other', 'cn-hangzhou', 'CreateCustomImage', 2000);
    f.check('acc', 'cn-hangzhou', 'ListInstances', 2000);
    f.check('acc', 'cn-hangzhou', 'CreateCustomImage', 62_000);
  });

  test('quota-2025 counts per (region, operation, account) with the table figures and 10/min for the rest', () => {
    const f = new RateLimits(resolveLimits('quota-2025'));
    for (let i = 0; i < 1000; i++) f.check('acc', 'cn-hangzhou', 'ListSnapshots', 1000);
    assert.throws(() => f.check('acc', 'cn-hangzhou', 'ListSnapshots', 1000), { code: 'Throttling.User' });
    f.check('acc', 'cn-beijing', 'ListSnapshots', 1000);
    for (let i = 0; i < 10; i++) f.check('acc', 'cn-hangzhou', 'ListInstances', 1000);
    assert.throws(() => f.check('acc', 'cn-hangzhou', 'ListInstances', 1000), { code: 'Throttling.User' });
    f.check('acc', 'cn-hangzhou', 'ListInstances', 61_001);
    assert.deepEqual(f.ruleFor('AllocatePublicConnection'), { calls: 50, seconds: 60 });
  });

  test('limit tables are validated', () => {
    assert.equal(parseLimitTable({ operations: { ListRegions: { calls: 5, seconds: 10 } } }).per, 'region');
    assert.throws(() => parseLimitTable({ operations: { ListRegions: { calls: -1, seconds: 10 } } }), /calls/);
    assert.throws(() => parseLimitTable({ per: 'planet', operations: {} }), /per/);
    assert.throws(() => parseLimitTable({ operations: {}, extra: 1 }), /unknown field/);
    assert.throws(() => resolveLimits('no-such-preset'), /neither a preset/);
  });

  test('--scale parses and picks cn-hangzhou first', () => {
    assert.deepEqual(parseScale('servers=10,snapshots=20'), { servers: 10, snapshots: 20, images: 0, regions: 1 });
    assert.throws(() => parseScale('servers=-1'), /--scale/);
    assert.equal(parseScale('servers=300,allowUnrealistic').allowUnrealistic, true);
    assert.throws(() => parseScale('allowUnrealistic=1'), /--scale/);
    assert.deepEqual(scaleRegionIds(2), ['cn-hangzhou', 'cn-qingdao']);
  });

  test('state files must have the emulator shape', () => {
    assert.throws(() => validateState({ version: 2 }, 'x.json'), /not an emulator state file/);
    const ok = validateState(JSON.parse(JSON.stringify(demoState(timings))), 'x.json');
    assert.equal(ok.version, 1);
  });
});
