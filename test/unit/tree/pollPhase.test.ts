// The poller's status classification and "gone" errors; Load more's page math and merge. Pure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isGoneError, pollPhase } from '../../../src/tree/transitionPoller';
import { appendNew, nextPages } from '../../../src/core/regionLoader';
import { SwasError } from '../../../src/core/errors';

test('statuses are classified case-insensitively; unknown ones are "unknown", not transitional', () => {
  for (const s of ['Starting', 'starting', 'STOPPING', 'Pending', 'resetting']) assert.equal(pollPhase('instance', s), 'transitional', s);
  for (const s of ['Running', 'stopped', 'DISABLED']) assert.equal(pollPhase('instance', s), 'settled', s);
  assert.equal(pollPhase('instance', 'Migrating'), 'unknown');
  assert.equal(pollPhase('instance', ''), 'unknown');
  assert.equal(pollPhase('snapshot', 'progressing'), 'transitional');
  assert.equal(pollPhase('snapshot', 'Accomplished'), 'settled');
  assert.equal(pollPhase('snapshot', 'failed'), 'settled');
  assert.equal(pollPhase('image', '4'), 'transitional');
  assert.equal(pollPhase('image', '1'), 'settled');
  assert.equal(pollPhase('image', 'Available'), 'unknown');
});

test('"gone" errors (A4): InternalError from ListInstances, any *.NotFound; not a 500 elsewhere', () => {
  const e = (code: string, action: string): SwasError => new SwasError({ code, message: code, retryable: false, action });
  assert.equal(isGoneError(e('InternalError', 'ListInstances')), true);
  assert.equal(isGoneError(e('InvalidInstanceId.NotFound', 'ListSnapshots')), true);
  assert.equal(isGoneError(e('InvalidDiskId.NotFound', 'ListSnapshots')), true);
  assert.equal(isGoneError(e('InternalError', 'ListInstanceStatus')), false);
  assert.equal(isGoneError(e('ServiceUnavailable', 'ListInstances')), false);
  assert.equal(isGoneError(new Error('InternalError')), false);
});

test('Load more: the pages after the loaded cap, up to 500 more and the total', () => {
  assert.deepEqual(nextPages(620, 500, 500), [6, 7]);
  assert.deepEqual(nextPages(600, 500, 500), [6]);
  assert.deepEqual(nextPages(2000, 500, 500), [6, 7, 8, 9, 10]);
  assert.deepEqual(nextPages(2000, 1000, 500), [11, 12, 13, 14, 15]);
  assert.deepEqual(nextPages(500, 500, 500), []);
});

test('Load more: new items are appended once, in order, without the ones already loaded', () => {
  const id = (x: { id: string }): string => x.id;
  assert.deepEqual(appendNew([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }, { id: 'c' }], id).map(id), ['a', 'b', 'c']);
});
