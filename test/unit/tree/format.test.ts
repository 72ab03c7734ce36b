import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ellipsize, formatTime, instanceDescription, joinParts, quotaDescription, snapshotDescription } from '../../../src/tree/format';

test('server description is "status · public IP" and drops the IP when there is none', () => {
  assert.equal(instanceDescription('Running', '47.96.1.2'), 'Running · 47.96.1.2');
  assert.equal(instanceDescription('Stopped', ''), 'Stopped');
});

test('snapshot description shows disk type, status (with progress while progressing) and time', () => {
  assert.equal(snapshotDescription('System', 'Accomplished', undefined, '2026-11-26 10:00'), 'System · Accomplished · 2026-11-26 10:00');
  assert.equal(snapshotDescription('Data', 'Progressing', 45.4, '2026-11-26 10:00'), 'Data · Progressing 45% · 2026-11-26 10:00');
  assert.equal(snapshotDescription('Data', 'Progressing', 140, ''), 'Data · Progressing 100%');
});

test('quota description is "used / limit"', () => {
  assert.equal(quotaDescription(2, 12), '2 / 12');
});

test('formatTime renders ISO times in the given offset and passes unparsable text through', () => {
  assert.equal(formatTime('2026-11-26T05:31:06Z', 0), '2026-11-26 05:31');
  assert.equal(formatTime('2026-11-26T20:31:06Z', 480), '2026-11-27 04:31');
  assert.equal(formatTime('not a time', 0), 'not a time');
  assert.equal(formatTime('', 0), '');
});

test('joinParts skips empty parts and ellipsize shortens long text', () => {
  assert.equal(joinParts('a', '', undefined, ' ', 'b'), 'a · b');
  assert.equal(ellipsize('abcdef', 4), 'abc…');
  assert.equal(ellipsize('abc', 4), 'abc');
});
