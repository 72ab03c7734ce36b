// Rules that are guesses warn; only confirmed rules block (issue 10 §1). Each rule's class and
// its severity, and what that means for a whole form.
import type { SnapshotStatus } from '../../../src/core/enums';
import { snapshotStatus } from '../../../src/core/enums';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RuleCode } from '../../../src/core/rules/ruleCodes';
import { blockingIssues, RULE_CODES, RULE_SOURCES, severityOf } from '../../../src/core/rules/ruleCodes';
import type { CreateImageInput, CreateImageRuleContext } from '../../../src/core/rules/validateCreateImage';
import { validateCreateImage } from '../../../src/core/rules/validateCreateImage';
import { imageQuota, imageQuotaLimit } from '../../../src/core/rules/quota';
import { imageQuotaLimit as loaderQuotaLimit } from '../../../src/core/regionLoader';
import { validateSnapshotName } from '../../../src/commands/snapshotName';

const EXPECTED: Record<RuleCode, 'confirmed' | 'likely' | 'guess'> = {
  'server.notReady': 'guess',
  'imageName.required': 'confirmed',
  'imageName.length': 'confirmed',
  'imageName.start': 'confirmed',
  'imageName.chars': 'guess',
  'imageName.taken': 'confirmed',
  'systemSnapshot.required': 'confirmed',
  'systemSnapshot.notFound': 'confirmed',
  'systemSnapshot.notSystemDisk': 'confirmed',
  'systemSnapshot.otherServer': 'likely',
  'systemSnapshot.progressing': 'guess',
  'systemSnapshot.failed': 'guess',
  'dataSnapshot.notFound': 'confirmed',
  'dataSnapshot.notDataDisk': 'confirmed',
  'dataSnapshot.otherServer': 'likely',
  'dataSnapshot.progressing': 'guess',
  'dataSnapshot.failed': 'guess',
  'description.tooLong': 'guess',
  'description.url': 'guess',
  'tags.tooMany': 'confirmed',
  'tagKey.required': 'confirmed',
  'tagKey.tooLong': 'confirmed',
  'tagKey.url': 'confirmed',
  'tagKey.reservedPrefix': 'confirmed',
  'tagKey.duplicate': 'likely',
  'tagValue.tooLong': 'confirmed',
  'tagValue.url': 'confirmed',
  'resourceGroupId.format': 'guess',
  'quota.full': 'guess',
};

test('every rule has its evidence class and a one-line source', () => {
  for (const code of RULE_CODES) {
    assert.equal(RULE_SOURCES[code].evidence, EXPECTED[code], code);
    assert.ok(RULE_SOURCES[code].source.length > 10 && !RULE_SOURCES[code].source.includes('\n'), code);
  }
  assert.deepEqual(Object.keys(RULE_SOURCES).sort(), [...RULE_CODES].sort());
});

test('only confirmed rules block: likely and guessed ones are advice', () => {
  for (const code of RULE_CODES) assert.equal(severityOf(code), EXPECTED[code] === 'confirmed' ? 'error' : 'advice', code);
});

const snap = (id: string, status: SnapshotStatus, type: 'System' | 'Data' = 'System') => ({
  snapshotId: id,
  snapshotName: id,
  status,
  sourceDiskType: type,
  instanceId: 'i-1',
  creationTime: '2026-01-01T00:00:00Z',
});
const ctx: CreateImageRuleContext = {
  instanceId: 'i-1',
  instanceStatus: 'Running',
  snapshots: [snap('s-ok', 'Accomplished'), snap('s-prog', 'Progressing'), snap('s-data', 'Accomplished', 'Data')],
  existingImageNames: ['taken'],
  serverCount: 1,
  imageCount: 0,
};
const good: CreateImageInput = {
  imageName: 'web-1',
  systemSnapshotId: 's-ok',
  dataSnapshotId: '',
  description: '',
  resourceGroupId: '',
  tags: [],
};

const codes = (input: Partial<CreateImageInput>, c: Partial<CreateImageRuleContext> = {}): Array<[string, string]> =>
  validateCreateImage({ ...good, ...input }, { ...ctx, ...c }).map((i) => [i.code, i.severity]);

test('guessed rules give advice and leave the form submittable', () => {
  const cases: Array<[Partial<CreateImageInput>, Partial<CreateImageRuleContext>, string]> = [
    [{}, { serverCount: 1, imageCount: 3 }, 'quota.full'],
    [{}, { instanceStatus: 'Starting' }, 'server.notReady'],
    [{ imageName: 'web image' }, {}, 'imageName.chars'],
    [{ description: 'd'.repeat(300) }, {}, 'description.tooLong'],
    [{ description: 'https://example.invalid' }, {}, 'description.url'],
    [{ resourceGroupId: 'RG_1' }, {}, 'resourceGroupId.format'],
    [{ systemSnapshotId: 's-prog' }, {}, 'systemSnapshot.progressing'],
    [
      {
        tags: [
          { key: 'k', value: '1' },
          { key: 'k', value: '2' },
        ],
      },
      {},
      'tagKey.duplicate',
    ],
  ];
  for (const [input, c, code] of cases) {
    const issues = validateCreateImage({ ...good, ...input }, { ...ctx, ...c });
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity]),
      [[code, 'advice']],
      code,
    );
    assert.deepEqual(blockingIssues(issues), [], code);
  }
});

test('confirmed rules block', () => {
  assert.deepEqual(codes({ imageName: '' }), [['imageName.required', 'error']]);
  assert.deepEqual(codes({ imageName: '_x' }), [['imageName.start', 'error']]);
  assert.deepEqual(codes({ imageName: 'x'.repeat(129) }), [['imageName.length', 'error']]);
  assert.deepEqual(codes({ imageName: 'taken' }), [['imageName.taken', 'error']]);
  assert.deepEqual(codes({ systemSnapshotId: '' }), [['systemSnapshot.required', 'error']]);
  assert.deepEqual(codes({ systemSnapshotId: 's-data' }), [['systemSnapshot.notSystemDisk', 'error']]);
  assert.deepEqual(codes({ tags: [{ key: 'aliyun:x', value: '' }] }), [['tagKey.reservedPrefix', 'error']]);
  assert.deepEqual(codes({ tags: [{ key: 'k', value: 'v'.repeat(65) }] }), [['tagValue.tooLong', 'error']]);
});

test('a Chinese image name has no issue at all; a taken name wins over character advice', () => {
  assert.deepEqual(codes({ imageName: '网站镜像' }), []);
  assert.deepEqual(codes({ imageName: 'a b' }, { existingImageNames: ['a b'] }), [['imageName.taken', 'error']]);
});

test('server states are compared case-insensitively (A1): lowercase running is ready', () => {
  assert.deepEqual(codes({}, { instanceStatus: 'running' }), []);
  assert.deepEqual(codes({}, { instanceStatus: 'STOPPED' }), []);
});

test('Chinese snapshot names are accepted (A5)', () => {
  assert.equal(validateSnapshotName('系统盘快照'), undefined);
  assert.equal(validateSnapshotName('快照-2026.11'), undefined);
});

test('the image quota has one definition, used by the region loader and the rules, with its formula', () => {
  assert.equal(loaderQuotaLimit, imageQuotaLimit);
  assert.deepEqual(imageQuota(4, 4), { used: 4, limit: 12, full: false, toDelete: 0, servers: 4, perServer: 3, cap: 15 });
  assert.equal(imageQuota(6, 15).limit, 15);
});

test('snapshot statuses in any casing (A1): accomplished is usable, failed is failed', () => {
  for (const status of ['accomplished', 'ACCOMPLISHED', 'Accomplished']) {
    assert.deepEqual(codes({ systemSnapshotId: 's-x' }, { snapshots: [snap('s-x', snapshotStatus(status))] }), [], status);
  }
  assert.deepEqual(codes({ systemSnapshotId: 's-x' }, { snapshots: [snap('s-x', snapshotStatus('failed'))] }), [
    ['systemSnapshot.failed', 'advice'],
  ]);
});
