// The bench's round-trip count from the emulator's request log (time = response sent, ms = since arrival).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoggedRequest } from '../../bench/emulator';
import { requestStats, sequentialRoundTrips } from '../../bench/requestStats';

let seq = 0;
function req(action: string, startMs: number, durationMs: number, code = ''): LoggedRequest {
  seq += 1;
  return { seq, time: new Date(startMs + durationMs).toISOString(), action, regionId: 'cn-hangzhou', httpStatus: code ? 400 : 200, code, ms: durationMs, clientToken: '' };
}

const T = Date.parse('2026-11-26T00:00:00Z');

test('a sequential loop counts one round trip per call', () => {
  const log = [0, 1, 2, 3].map((i) => req('ListSnapshots', T + i * 51, 50));
  assert.equal(sequentialRoundTrips(log), 4);
});

test('page 1 then a parallel fan-out counts two round trips, whatever the fan-out width', () => {
  const log = [req('ListInstances', T, 50), ...[2, 3, 4, 5, 6].map(() => req('ListInstances', T + 52, 45)), req('ListCustomImages', T, 60)];
  assert.equal(sequentialRoundTrips(log), 2);
});

test('a request arriving within the clock slack of the previous response still counts as after it', () => {
  const log = [req('ListRegions', T, 50), req('ListInstances', T + 49, 50)];
  assert.equal(sequentialRoundTrips(log), 2);
});

test('overlapping requests share a round trip', () => {
  const log = [req('ListInstances', T, 50), req('ListSnapshots', T + 10, 50)];
  assert.equal(sequentialRoundTrips(log), 1);
});

test('stats count calls per action, errors and throttling', () => {
  const s = requestStats([req('ListSnapshots', T, 50), req('ListSnapshots', T + 60, 50, 'Throttling.User'), req('ListInstances', T, 50)]);
  assert.deepEqual(s.byAction, { ListSnapshots: 2, ListInstances: 1 });
  assert.equal(s.calls, 3);
  assert.equal(s.errors, 1);
  assert.equal(s.throttled, 1);
  assert.equal(s.roundTrips, 2);
});
