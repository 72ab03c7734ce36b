import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityEntry } from '../../../src/core/activity/activityLog';
import { ActivityLog, formatElapsed, initialSteps, stepsAt } from '../../../src/core/activity/activityLog';

const entry = (id: string, o: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id,
  kind: 'stop',
  target: { regionId: 'cn-hangzhou', kind: 'instance', id: `i-${id}`, name: `srv-${id}` },
  startedAt: 0,
  outcome: 'running',
  steps: initialSteps(['Stopping', 'Stopped']),
  ...o,
});

test('newest first; succeed marks every step done; fail marks the active step failed and keeps the RequestId', () => {
  const log = new ActivityLog();
  log.add(entry('a'));
  log.add(entry('b', { requestId: 'R1' }));
  assert.deepEqual(
    log.all().map((e) => e.id),
    ['b', 'a'],
  );
  log.succeed('a', 10);
  assert.deepEqual(
    log.get('a')?.steps.map((s) => s.state),
    ['done', 'done'],
  );
  log.fail('b', 20, { code: 'IncorrectInstanceStatus', message: 'no' });
  const b = log.get('b');
  assert.deepEqual(
    [b?.outcome, b?.finishedAt, b?.errorCode, b?.requestId, b?.steps[0]?.state],
    ['failed', 20, 'IncorrectInstanceStatus', 'R1', 'failed'],
  );
});

test('the cap drops the oldest finished entries, never a running one', () => {
  const log = new ActivityLog(3);
  log.add(entry('run1'));
  for (const id of ['f1', 'f2', 'f3']) log.add(entry(id, { outcome: 'succeeded' }));
  log.add(entry('run2'));
  assert.deepEqual(
    log.all().map((e) => e.id),
    ['run2', 'f3', 'run1'],
  );
});

test('Clear finished keeps the running entries', () => {
  const log = new ActivityLog();
  log.add(entry('a'));
  log.add(entry('b', { outcome: 'failed' }));
  assert.equal(log.clearFinished(), 1);
  assert.deepEqual(
    log.unfinished().map((e) => e.id),
    ['a'],
  );
});

test('a stored log round-trips; malformed stored entries are dropped', () => {
  const log = new ActivityLog();
  log.add(entry('a', { machine: { kind: 'stop', since: 0, seen: [], phase: 'waiting' }, params: { force: true }, clientToken: 't' }));
  const back = ActivityLog.from(JSON.parse(JSON.stringify(log.toJSON())));
  assert.deepEqual(back.toJSON(), log.toJSON());
  const junk = [
    null,
    1,
    'x',
    { ...entry('k'), kind: 'formatDisk' },
    { ...entry('o'), outcome: 'maybe' },
    { ...entry('s'), steps: [{ label: 1 }] },
    { ...entry('p'), params: { x: {} } },
    entry('ok'),
  ];
  assert.deepEqual(
    ActivityLog.from(junk)
      .all()
      .map((e) => e.id),
    ['ok'],
  );
  assert.equal(ActivityLog.from({ not: 'an array' }).all().length, 0);
});

test('steps and elapsed time', () => {
  assert.deepEqual(
    stepsAt(['A', 'B', 'C'], 1).map((s) => s.state),
    ['done', 'active', 'pending'],
  );
  assert.deepEqual([formatElapsed(0), formatElapsed(65_400), formatElapsed(3_725_000)], ['0:00', '1:05', '1:02:05']);
});
