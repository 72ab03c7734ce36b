import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSnapshotName, validateSnapshotName } from '../../../src/commands/snapshotName';

test('snapshot names follow CreateSnapshot rules: 2–50 chars, a letter first, limited characters', () => {
  assert.equal(validateSnapshotName('backup-1'), undefined);
  assert.equal(validateSnapshotName('a:b_c.d-e'), undefined);
  assert.equal(validateSnapshotName('快照1'), undefined);
  assert.equal(validateSnapshotName('a'), 'length');
  assert.equal(validateSnapshotName(`a${'b'.repeat(50)}`), 'length');
  assert.equal(validateSnapshotName('1backup'), 'start');
  assert.equal(validateSnapshotName('-backup'), 'start');
  assert.equal(validateSnapshotName('back up'), 'chars');
  assert.equal(validateSnapshotName('back/up'), 'chars');
  assert.equal(validateSnapshotName('http://x'), 'url');
  assert.equal(validateSnapshotName('HTTPS://x'), 'url');
});

test('the default snapshot name is itself valid', () => {
  const name = defaultSnapshotName('System', new Date(2026, 10, 26, 19, 5));
  assert.equal(name, 'system-20261126-1905');
  assert.equal(validateSnapshotName(name), undefined);
  assert.equal(validateSnapshotName(defaultSnapshotName('Data', new Date())), undefined);
});
