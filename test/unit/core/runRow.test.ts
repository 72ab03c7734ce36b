import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActivityLog } from '../../../src/core/activity/activityLog';
import { runRowPatch } from '../../../src/core/activity/runRow';
import { SwasError } from '../../../src/core/errors';
import type { RunOutcome } from '../../../src/core/remote/runOnServers';
import type { InvocationResult } from '../../../src/core/remote/remoteModel';

const target = { regionId: 'cn-hangzhou', instanceId: 'i-1', instanceName: 'web', osType: 'Linux' as const };
const result = (o: Partial<InvocationResult>): InvocationResult => ({
  invokeId: 't-1',
  instanceId: 'i-1',
  status: 'Running',
  rawStatus: 'Running',
  exitCode: undefined,
  output: '',
  errorCode: '',
  errorInfo: '',
  ...o,
});

test('a started run is running with its InvokeId and RequestId; Success succeeds with the exit code', () => {
  const started: RunOutcome = { target, invokeId: 't-1', requestId: 'R1' };
  assert.deepEqual(runRowPatch(started), { outcome: 'running', patch: { params: { invokeId: 't-1' }, requestId: 'R1' } });
  const ok = runRowPatch({ ...started, result: result({ status: 'Success', exitCode: 0 }) });
  assert.equal(ok.outcome, 'succeeded');
  assert.deepEqual(ok.patch.params, { invokeId: 't-1', exitCode: '0' });
});

test('any other final status fails the row with that status and the exit code; a run not started fails with the API code', () => {
  const bad = runRowPatch({
    target,
    invokeId: 't-1',
    requestId: 'R1',
    result: result({ status: 'Failed', exitCode: 2, errorInfo: 'exit 2' }),
  });
  assert.equal(bad.outcome, 'failed');
  if (bad.outcome === 'failed')
    assert.deepEqual([bad.error.code, bad.error.message, bad.patch.params?.exitCode], ['Failed', 'exit 2', '2']);
  const timeout = runRowPatch({ target, invokeId: 't-1', result: result({ status: 'Timeout' }) });
  assert.equal(timeout.outcome === 'failed' && timeout.error.code, 'Timeout');
  const notStarted = runRowPatch({
    target,
    error: new SwasError({ code: 'InvalidInstance.NotRunning', message: 'no', requestId: 'R9', httpStatus: 400, retryable: false }),
  });
  assert.equal(notStarted.outcome === 'failed' && notStarted.error.requestId, 'R9');
});

test('still running when the wait ended: the row ends "still running", not as a failure of the script', () => {
  const r = runRowPatch({ target, invokeId: 't-1', stillRunning: true, result: result({ status: 'Running' }) });
  assert.equal(r.outcome === 'failed' && r.error.code, 'swas.stillRunning');
});

test('a Run Command row (a kind added later) is kept through globalState next to the older kinds', () => {
  const rows = [
    {
      id: 'a',
      kind: 'runCommand',
      target: { regionId: 'r', kind: 'instance', id: 'i-1', name: 'web' },
      startedAt: 1,
      outcome: 'succeeded',
      steps: [{ label: 'runCommand', state: 'done' }],
      params: { exitCode: '0', invokeId: 't-1' },
    },
    {
      id: 'b',
      kind: 'stop',
      target: { regionId: 'r', kind: 'instance', id: 'i-2', name: 'db' },
      startedAt: 2,
      outcome: 'running',
      steps: [{ label: 'Stopping', state: 'active' }],
    },
    {
      id: 'c',
      kind: 'hibernate',
      target: { regionId: 'r', kind: 'instance', id: 'i-3', name: 'x' },
      startedAt: 3,
      outcome: 'running',
      steps: [],
    },
  ];
  assert.deepEqual(
    ActivityLog.from(JSON.parse(JSON.stringify(rows)))
      .all()
      .map((e) => e.id),
    ['a', 'b'],
    'an unknown kind is dropped, the rest load',
  );
});
