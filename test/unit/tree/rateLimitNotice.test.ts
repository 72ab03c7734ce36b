import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimitNotice } from '../../../src/tree/rateLimitNotice';

test('the view says which wait is the longest while any lasts, and clears after the last', () => {
  let t = 0;
  const shown: (string | undefined)[] = [];
  const n = new RateLimitNotice(
    (m) => shown.push(m),
    (s, a, r) => `wait ${s} s ${a} ${r}`,
    () => t,
  );
  n.update({ regionId: 'cn-hangzhou', action: 'ListSnapshots', waitMs: 12_000 });
  n.update({ regionId: 'cn-hangzhou', action: 'ListSnapshots', waitMs: 5_000 });
  n.update({ regionId: 'cn-shanghai', action: 'CreateSnapshot', waitMs: 30_000 });
  assert.deepStrictEqual(shown, [
    'wait 12 s ListSnapshots cn-hangzhou',
    'wait 12 s ListSnapshots cn-hangzhou',
    'wait 30 s CreateSnapshot cn-shanghai',
  ]);
  t = 10_000;
  n.update({ regionId: 'cn-shanghai', action: 'CreateSnapshot', waitMs: 0 });
  assert.equal(shown.at(-1), 'wait 2 s ListSnapshots cn-hangzhou');
  n.update({ regionId: 'cn-hangzhou', action: 'ListSnapshots', waitMs: 0 });
  assert.equal(shown.at(-1), 'wait 2 s ListSnapshots cn-hangzhou', 'one of two waits there is still going');
  n.update({ regionId: 'cn-hangzhou', action: 'ListSnapshots', waitMs: 0 });
  assert.equal(shown.at(-1), undefined);
  // An end without a start (a wait announced to another subscriber) changes nothing.
  n.update({ regionId: 'x', action: 'y', waitMs: 0 });
  assert.equal(n.message(), undefined);
});
