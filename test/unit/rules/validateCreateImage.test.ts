import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CreateImageInput, CreateImageRuleContext } from '../../../src/core/rules/validateCreateImage';
import { validateCreateImage } from '../../../src/core/rules/validateCreateImage';
import { snapshotChoices } from '../../../src/core/rules/snapshots';
import { validateDescription } from '../../../src/core/rules/description';
import { validateResourceGroupId } from '../../../src/core/rules/resourceGroupId';
import type { SnapshotLike } from '../../../src/core/rules/snapshots';

const snap = (id: string, type: 'System' | 'Data', status: SnapshotLike['status'], time: string, instanceId = 'i-1'): SnapshotLike => ({
  snapshotId: id,
  snapshotName: id,
  status,
  sourceDiskType: type,
  instanceId,
  creationTime: time,
});

const snapshots = [
  snap('s-old', 'System', 'Accomplished', '2026-01-01T00:00:00Z'),
  snap('s-new', 'System', 'Accomplished', '2026-03-01T00:00:00Z'),
  snap('s-prog', 'System', 'Progressing', '2026-04-01T00:00:00Z'),
  snap('s-fail', 'System', 'Failed', '2026-02-01T00:00:00Z'),
  snap('s-data', 'Data', 'Accomplished', '2026-03-02T00:00:00Z'),
  snap('s-other', 'System', 'Accomplished', '2026-05-01T00:00:00Z', 'i-2'),
];
const ctx: CreateImageRuleContext = {
  instanceId: 'i-1',
  instanceStatus: 'Running',
  snapshots,
  existingImageNames: ['taken'],
  serverCount: 2,
  imageCount: 1,
};
const good: CreateImageInput = {
  imageName: 'web-1',
  systemSnapshotId: 's-new',
  dataSnapshotId: '',
  description: '',
  resourceGroupId: '',
  tags: [],
};

test('a complete valid input has no issues', () => {
  assert.deepEqual(validateCreateImage(good, ctx), []);
  assert.deepEqual(validateCreateImage({ ...good, dataSnapshotId: 's-data', resourceGroupId: 'rg-aek2bti7cf7abcd' }, ctx), []);
});

test('an empty form reports the name first, then the system snapshot', () => {
  const issues = validateCreateImage({ ...good, imageName: '', systemSnapshotId: '' }, ctx);
  assert.deepEqual(
    issues.map((i) => i.code),
    ['imageName.required', 'systemSnapshot.required'],
  );
});

test('a name already used in the region is reported as taken', () => {
  assert.deepEqual(validateCreateImage({ ...good, imageName: 'taken' }, ctx), [
    { field: 'imageName', code: 'imageName.taken', severity: 'error' },
  ]);
});

test('system snapshot: progressing, failed, data-disk, other server and unknown are each rejected with their code', () => {
  const codeFor = (id: string): string | undefined => validateCreateImage({ ...good, systemSnapshotId: id }, ctx)[0]?.code;
  assert.equal(codeFor('s-prog'), 'systemSnapshot.progressing');
  assert.equal(codeFor('s-fail'), 'systemSnapshot.failed');
  assert.equal(codeFor('s-data'), 'systemSnapshot.notSystemDisk');
  assert.equal(codeFor('s-other'), 'systemSnapshot.otherServer');
  assert.equal(codeFor('s-none'), 'systemSnapshot.notFound');
});

test('data snapshot must be a data-disk snapshot of the server', () => {
  assert.equal(validateCreateImage({ ...good, dataSnapshotId: 's-new' }, ctx)[0]?.code, 'dataSnapshot.notDataDisk');
  assert.equal(validateCreateImage({ ...good, dataSnapshotId: 's-gone' }, ctx)[0]?.code, 'dataSnapshot.notFound');
});

test('a full quota is reported on the quota line', () => {
  assert.deepEqual(validateCreateImage(good, { ...ctx, serverCount: 1, imageCount: 3 }), [
    { field: 'quota', code: 'quota.full', severity: 'advice' },
  ]);
});

test('description allows 256 characters, not 257, and must not start with a URL scheme', () => {
  assert.equal(validateDescription('d'.repeat(256)), undefined);
  assert.equal(validateDescription('d'.repeat(257)), 'description.tooLong');
  assert.equal(validateDescription('HTTPS://x'), 'description.url');
  assert.equal(validateDescription('see http://x'), undefined);
});

test('a server that is neither Running nor Stopped is reported first', () => {
  for (const status of ['Starting', 'Disabled', 'Stopping', 'Resetting']) {
    assert.deepEqual(validateCreateImage(good, { ...ctx, instanceStatus: status })[0], {
      field: 'server',
      code: 'server.notReady',
      severity: 'advice',
    });
  }
  assert.deepEqual(validateCreateImage(good, { ...ctx, instanceStatus: 'Stopped' }), []);
});

test('resource group id is optional and must look like rg-<lowercase alnum>', () => {
  assert.equal(validateResourceGroupId(''), undefined);
  assert.equal(validateResourceGroupId('rg-acfmzabc123'), undefined);
  assert.equal(validateResourceGroupId('rg-a'), undefined);
  for (const bad of ['rg-', 'rg-ABC123', 'acfm123', 'rg-abc def', 'rg_abc123'])
    assert.equal(validateResourceGroupId(bad), 'resourceGroupId.format', bad);
});

test('snapshot choices list this server’s system snapshots, usable first and newest first', () => {
  const choices = snapshotChoices(snapshots, 'system', 'i-1');
  assert.deepEqual(
    choices.map((c) => [c.snapshot.snapshotId, c.reason]),
    [
      ['s-new', undefined],
      ['s-old', undefined],
      ['s-prog', 'systemSnapshot.progressing'],
      ['s-fail', 'systemSnapshot.failed'],
    ],
  );
  assert.deepEqual(
    snapshotChoices(snapshots, 'data', 'i-1').map((c) => c.snapshot.snapshotId),
    ['s-data'],
  );
});
