import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GRACE_MS,
  TIMEOUT_MS,
  beginOp,
  canRun,
  currentStep,
  keepOptimistic,
  observe,
  optimisticStatus,
  restoreOpState,
  tick,
} from '../../../src/core/operations/serverOperation';

test('stop: Stopping then Stopped succeeds; the steps follow', () => {
  let s = beginOp('stop', 0);
  s = observe(s, 'Stopping', 1000);
  assert.deepEqual([s.phase, currentStep(s)], ['waiting', 0]);
  s = observe(s, 'STOPPED', 2000);
  assert.deepEqual([s.phase, currentStep(s)], ['succeeded', 1]);
});

test('start: the old status is "not yet" during the grace period, then a failure', () => {
  let s = beginOp('start', 0);
  s = observe(s, 'Stopped', GRACE_MS - 1);
  assert.equal(s.phase, 'waiting');
  assert.equal(keepOptimistic(s, 'Stopped'), true);
  s = observe(s, 'stopped', GRACE_MS);
  assert.deepEqual([s.phase, s.reason], ['failed', 'unchanged']);
});

test('reboot: Running right after the call is not done; after a transitional status it is', () => {
  let s = beginOp('reboot', 0);
  s = observe(s, 'Running', 1000);
  assert.equal(s.phase, 'waiting');
  s = observe(s, 'Stopping', 2000);
  s = observe(s, 'Starting', 3000);
  assert.equal(currentStep(s), 1);
  s = observe(s, 'Running', 4000);
  assert.equal(s.phase, 'succeeded');
});

test('reboot or reset seen only at the end status: done after the grace period (finished between polls)', () => {
  const s = observe(beginOp('reset', 0), 'Running', GRACE_MS);
  assert.equal(s.phase, 'succeeded');
  const r = observe(observe(beginOp('reset', 0), 'Resetting', 10), 'Stopped', 20);
  assert.equal(r.phase, 'succeeded', 'a reset of a stopped server may end Stopped');
});

test('Disabled fails at once; silence fails after the timeout of the kind', () => {
  assert.deepEqual(observe(beginOp('start', 0), 'Disabled', 1).reason, 'disabled');
  assert.equal(tick(beginOp('reset', 0), TIMEOUT_MS.reset - 1).phase, 'waiting');
  assert.deepEqual(tick(beginOp('reset', 0), TIMEOUT_MS.reset).reason, 'timeout');
});

test('a finished state ignores later observations', () => {
  const done = observe(beginOp('stop', 0), 'Stopped', 1);
  assert.equal(observe(done, 'Running', 2), done);
});

test('what is offered in which status, and what the node shows at once', () => {
  assert.deepEqual(
    ['start', 'stop', 'reboot', 'reset'].map((k) => canRun(k as 'start', 'running')),
    [false, true, true, true],
  );
  assert.deepEqual(
    ['start', 'stop', 'reboot', 'reset'].map((k) => canRun(k as 'start', 'Stopped')),
    [true, false, false, true],
  );
  assert.equal(canRun('reset', 'Starting'), false);
  assert.deepEqual(
    ['start', 'stop', 'reboot', 'reset'].map((k) => optimisticStatus(k as 'start')),
    ['Starting', 'Stopping', 'Stopping', 'Resetting'],
  );
});

test('restoreOpState accepts what it wrote and rejects anything else', () => {
  const s = observe(beginOp('reboot', 5), 'Stopping', 6);
  assert.deepEqual(restoreOpState(JSON.parse(JSON.stringify(s))), s);
  for (const bad of [null, 1, {}, { ...s, kind: 'explode' }, { ...s, seen: [1] }, { ...s, phase: 'x' }, { ...s, since: '1' }])
    assert.equal(restoreOpState(bad), undefined);
});
