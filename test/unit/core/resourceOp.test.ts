import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityEntry } from '../../../src/core/activity/activityLog';
import { ActivityLog } from '../../../src/core/activity/activityLog';
import {
  beginResourceOp,
  canRetry,
  classify,
  observeResource,
  restoreResourceState,
  retryReusesToken,
  tickResource,
} from '../../../src/core/activity/resourceOp';

test('snapshot statuses in any casing: Progressing waits, Accomplished succeeds, Failed fails', () => {
  assert.deepEqual(classify('snapshot', 'Progressing'), { phase: 'waiting' });
  assert.deepEqual(classify('snapshot', 'accomplished'), { phase: 'succeeded' });
  assert.deepEqual(classify('snapshot', 'FAILED'), { phase: 'failed', reason: 'failed' });
  assert.deepEqual(classify('snapshot', 'Weird'), { phase: 'waiting' });
});

test('image status codes: 4 and 0 wait, 1 succeeds, 2 unavailable, 3 failed; word forms too', () => {
  assert.deepEqual(
    ['4', '0', '1', '2', '3'].map((s) => classify('image', s)),
    [
      { phase: 'waiting' },
      { phase: 'waiting' },
      { phase: 'succeeded' },
      { phase: 'failed', reason: 'unavailable' },
      { phase: 'failed', reason: 'failed' },
    ],
  );
  assert.deepEqual(classify('image', 'Available'), { phase: 'succeeded' });
  assert.deepEqual(classify('image', 'CreateFailed'), { phase: 'failed', reason: 'failed' });
});

test('absent before it was ever listed is "not yet"; absent after it was listed is gone', () => {
  const s = beginResourceOp('snapshot', 's-1', 0);
  assert.equal(observeResource(s, undefined).phase, 'waiting');
  const seen = observeResource(s, { status: 'Progressing', progress: 40 });
  assert.deepEqual([seen.seen, seen.progress, seen.status], [true, 40, 'Progressing']);
  assert.deepEqual([observeResource(seen, undefined).phase, observeResource(seen, undefined).reason], ['failed', 'gone']);
});

test('following ends at the deadline with "still being created"; a later settled status still counts', () => {
  const s = beginResourceOp('image', 'm-1', 1000, 60_000);
  assert.equal(tickResource(s, 60_999).phase, 'waiting');
  const ended = tickResource(s, 61_000);
  assert.deepEqual([ended.phase, ended.reason], ['failed', 'stillCreating']);
  const later = observeResource(ended, { status: '1' });
  assert.deepEqual([later.phase, later.reason], ['succeeded', undefined]);
  // A real failure is final: nothing changes it.
  const failed = observeResource(s, { status: '3' });
  assert.equal(observeResource(failed, { status: '1' }).phase, 'failed');
});

test('the stored state round-trips; malformed ones are refused; a server machine is not one', () => {
  const s = observeResource(beginResourceOp('snapshot', 's-1', 5), { status: 'Progressing', progress: 10 });
  const back = restoreResourceState(JSON.parse(JSON.stringify(s)));
  assert.deepEqual(back, s);
  assert.equal(restoreResourceState({ ...s, id: '' }), undefined);
  assert.equal(restoreResourceState({ ...s, phase: 'nope' }), undefined);
  assert.equal(restoreResourceState({ kind: 'stop', since: 0, seen: [], phase: 'waiting' }), undefined);
  assert.equal(restoreResourceState(null), undefined);
});

const row = (o: Partial<ActivityEntry>): ActivityEntry => ({
  id: 'r',
  kind: 'createSnapshot',
  target: { regionId: 'cn-hangzhou', kind: 'snapshot', id: 's-1', name: 'n' },
  startedAt: 0,
  outcome: 'failed',
  steps: [{ label: 'createSnapshot', state: 'failed' }],
  clientToken: 'T',
  ...o,
});

test('Retry: offered for failed creates and server operations, not for "still being created", interrupted, gone or share rows', () => {
  assert.equal(canRetry(row({})), true);
  assert.equal(canRetry(row({ kind: 'stop' })), true);
  assert.equal(canRetry(row({ outcome: 'running' })), false);
  assert.equal(canRetry(row({ errorCode: 'swas.stillCreating' })), false);
  assert.equal(canRetry(row({ errorCode: 'swas.interrupted' })), false);
  assert.equal(canRetry(row({ errorCode: 'swas.gone' })), false);
  assert.equal(canRetry(row({ kind: 'share' })), false);
});

test('Retry reuses the ClientToken only while nothing was created', () => {
  assert.equal(retryReusesToken(row({})), true, 'the call failed: no machine');
  const failedSnapshot = observeResource(beginResourceOp('snapshot', 's-1', 0), { status: 'Failed' });
  assert.equal(retryReusesToken(row({ machine: { ...failedSnapshot } })), false, 'a snapshot was created and failed: the token is used up');
  const awaiting = { ...observeResource(beginResourceOp('snapshot', 's-1', 0), { status: 'Accomplished' }), phase: 'awaitingImage' };
  assert.equal(retryReusesToken(row({ kind: 'createImage', machine: awaiting })), true, 'the image call of a two-step row failed');
});

test('old stored entries (kinds of earlier versions) still load next to the new rows', () => {
  const old = [
    row({ kind: 'stop', target: { regionId: 'r', kind: 'instance', id: 'i', name: 'x' } }),
    row({ machine: { ...beginResourceOp('snapshot', 's-1', 0) } }),
  ];
  assert.equal(ActivityLog.from(JSON.parse(JSON.stringify(old))).all().length, 2);
});
