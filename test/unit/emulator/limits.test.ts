import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMIT_PRESETS, Limits, loadLimits, parseLimitTable } from '../../emulator/limits';
import { ApiError } from '../../emulator/apiError';

const throttled = (f: () => void): number => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof ApiError && e.code === 'Throttling.User');
    return Number(e.headers?.['x-acs-retry-after']);
  }
  return -1;
};

test('documented-2021 counts 10 a minute per account across regions, for the old list only', () => {
  const l = new Limits(loadLimits('documented-2021'));
  for (let i = 0; i < 10; i++) l.check('acct', `r${i}`, 'ListSnapshots', 1000 + i);
  assert.equal(throttled(() => l.check('acct', 'r99', 'ListSnapshots', 2000)), 59_000);
  l.check('other', 'r1', 'ListSnapshots', 2000);
  for (let i = 0; i < 50; i++) l.check('acct', 'r1', 'ListInstances', 2000);
  l.check('acct', 'r1', 'ListSnapshots', 61_001);
});

test('quota-2025 counts per region, operation and account, with the published figures', () => {
  const t = loadLimits('quota-2025');
  assert.equal(t.scope, 'region');
  assert.equal(t.limits.ListSnapshots, 1000);
  assert.equal(t.limits.RebootInstances, 100);
  const l = new Limits(t);
  for (let i = 0; i < 1000; i++) l.check('a', 'cn-hangzhou', 'ListSnapshots', 0);
  assert.ok(throttled(() => l.check('a', 'cn-hangzhou', 'ListSnapshots', 1)) > 0);
  l.check('a', 'cn-shanghai', 'ListSnapshots', 1);
  for (let i = 0; i < 50; i++) l.check('a', 'cn-hangzhou', 'CreateSnapshot', 0);
  assert.ok(throttled(() => l.check('a', 'cn-hangzhou', 'CreateSnapshot', 0)) > 0, 'an operation the table does not show: the default');
});

test('a bad table or spec is refused with a clear message', () => {
  assert.throws(() => parseLimitTable({ windowSeconds: 0, scope: 'region', limits: {} }), /windowSeconds/);
  assert.throws(() => parseLimitTable({ windowSeconds: 60, scope: 'world', limits: {} }), /scope/);
  assert.throws(() => parseLimitTable({ windowSeconds: 60, scope: 'region', limits: { A: -1 } }), /limits\.A/);
  assert.throws(() => parseLimitTable({ windowSeconds: 60, scope: 'region', limits: {}, extra: 1 }), /unknown field/);
  assert.throws(() => loadLimits('no-such-preset'), /neither a preset/);
  assert.deepStrictEqual(Object.keys(LIMIT_PRESETS).sort(), ['documented-2021', 'quota-2025']);
});
