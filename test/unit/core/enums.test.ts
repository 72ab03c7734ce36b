// Enums once, at the boundary (issue 10 §1, swas-api-2.md A1/A10/A11): every status and type is
// read case-insensitively by src/core/enums.ts through the converters, and every rule and
// predicate behind them (snapshot eligibility, transitional checks, contextValue tokens, the
// server-state rule) gives the same answer for upper, lower and mixed-case spellings of every
// value as for the documented one. Values that match nothing are 'unknown', keep their text for
// display, are never usable, and are still polled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CUSTOM_IMAGE_STATUSES,
  DISK_STATUSES,
  DISK_TYPES,
  INSTANCE_STATUSES,
  OS_TYPES,
  SNAPSHOT_STATUSES,
  parseCustomImageStatus,
  parseDiskStatus,
  parseDiskType,
  parseInstanceStatus,
  parseOsType,
  parseSnapshotStatus,
} from '../../../src/core/enums';
import type { CustomImageStatus, InstanceStatus, Parsed, SnapshotStatus } from '../../../src/core/enums';
import { imagePhase, instancePhase, snapshotPhase } from '../../../src/core/enums';
import { toCustomImage, toDisk, toInstance, toSnapshot } from '../../../src/core/convert';
import { snapshotChoices, snapshotIneligibility } from '../../../src/core/rules/snapshots';
import { validateCreateImage } from '../../../src/core/rules/validateCreateImage';
import {
  imageContext,
  instanceContext,
  isTransitionalImage,
  isTransitionalInstance,
  isTransitionalSnapshot,
  snapshotContext,
} from '../../../src/tree/contextValue';

/** The same letters, each one upper- or lower-cased as `flips` says (plus optional padding). */
function recase(word: string, flips: readonly boolean[], pad: boolean): string {
  const s = [...word].map((c, i) => (flips[i % Math.max(1, flips.length)] ? c.toUpperCase() : c.toLowerCase())).join('');
  return pad ? ` ${s} ` : s;
}
const variants = (word: string): string[] => [
  word,
  word.toUpperCase(),
  word.toLowerCase(),
  recase(word, [false, true], false),
  recase(word, [true, false, false], true),
];
const caseArb = fc.tuple(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), fc.boolean());

const ENUMS: { name: string; known: readonly string[]; parse: (v: unknown) => Parsed<string> }[] = [
  { name: 'instance status', known: INSTANCE_STATUSES, parse: parseInstanceStatus },
  { name: 'disk status', known: DISK_STATUSES, parse: parseDiskStatus },
  { name: 'snapshot status', known: SNAPSHOT_STATUSES, parse: parseSnapshotStatus },
  { name: 'custom image status', known: CUSTOM_IMAGE_STATUSES, parse: parseCustomImageStatus },
  { name: 'disk type', known: DISK_TYPES, parse: parseDiskType },
  { name: 'OS type', known: OS_TYPES, parse: parseOsType },
];
const ALL_KEYS = new Set(ENUMS.flatMap((e) => e.known.map((k) => k.toLowerCase().replace(/[\s_-]+/g, ''))));

test('every known value of every enum is recognised in any casing', () => {
  for (const e of ENUMS) {
    for (const k of e.known) {
      for (const v of variants(k)) assert.equal(e.parse(v).value, k, `${e.name} ${JSON.stringify(v)}`);
      fc.assert(fc.property(caseArb, ([flips, pad]) => e.parse(recase(k, flips, pad)).value === k));
    }
  }
});

test('word forms of custom image statuses read as the API digit codes', () => {
  const words: [string, string][] = [
    ['Copying', '0'],
    ['available', '1'],
    ['UnAvailable', '2'],
    ['CreateFailed', '3'],
    ['failed', '3'],
    ['CREATING', '4'],
  ];
  for (const [w, code] of words) assert.equal(parseCustomImageStatus(w).value, code, w);
  assert.equal(parseCustomImageStatus(1).value, '1', 'a number, as json-bigint may give it');
  assert.equal(parseDiskStatus('In_Use').value, 'In_use');
  assert.equal(parseDiskStatus('inuse').value, 'In_use');
});

test('anything else is unknown, with the API text kept (trimmed) for display', () => {
  for (const e of ENUMS) {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        fc.pre(
          !ALL_KEYS.has(
            s
              .trim()
              .toLowerCase()
              .replace(/[\s_-]+/g, ''),
          ),
        );
        fc.pre(
          e.name !== 'custom image status' ||
            !['copying', 'available', 'unavailable', 'failed', 'createfailed', 'creationfailed', 'creating'].includes(
              s.trim().toLowerCase(),
            ),
        );
        fc.pre(
          e.name !== 'disk status' ||
            s
              .trim()
              .toLowerCase()
              .replace(/[\s_-]+/g, '') !== 'inuse',
        );
        const p = e.parse(s);
        return p.value === 'unknown' && p.raw === s.trim();
      }),
    );
    for (const odd of [undefined, null, {}, [], '']) assert.equal(e.parse(odd).value, 'unknown', `${e.name} ${JSON.stringify(odd)}`);
  }
});

test('converters keep raw text only for unknown values', () => {
  assert.deepEqual(toInstance({ InstanceId: 'i', Status: 'Hibernating', Image: { OsType: 'freebsd' } }).raw, {
    status: 'Hibernating',
    osType: 'freebsd',
  });
  assert.equal(toInstance({ InstanceId: 'i', Status: 'running', Image: { OsType: 'linux' } }).raw, undefined);
  const s = toSnapshot({ SnapshotId: 's', Status: 'Weird', SourceDiskType: 'Boot' });
  assert.equal(s.status, 'unknown');
  assert.equal(s.sourceDiskType, 'unknown');
  assert.deepEqual(s.raw, { status: 'Weird', sourceDiskType: 'Boot' });
  assert.deepEqual(toCustomImage({ ImageId: 'm', Status: '9' }).raw, { status: '9' });
  assert.deepEqual(toDisk({ DiskId: 'd', Status: 'Melting', DiskType: 'SYSTEM' }).raw, { status: 'Melting' });
  assert.equal(toDisk({ DiskId: 'd', Status: 'in_use', DiskType: 'data' }).diskType, 'Data');
  assert.equal(toInstance({ InstanceId: 'i' }).raw, undefined, 'a missing value is unknown with nothing to show');
});

const rawSnapshot = (status: string, type: string) =>
  toSnapshot({
    SnapshotId: 's-1',
    SnapshotName: 'n',
    Status: status,
    SourceDiskType: type,
    InstanceId: 'i-1',
    CreationTime: '2026-01-01T00:00:00Z',
  });

test('snapshot eligibility, tokens and polling are the same in every casing', () => {
  for (const status of SNAPSHOT_STATUSES) {
    for (const type of DISK_TYPES) {
      const want = rawSnapshot(status, type);
      const expected = {
        system: snapshotIneligibility(want, 'system', 'i-1'),
        data: snapshotIneligibility(want, 'data', 'i-1'),
        token: snapshotContext(want),
        polled: isTransitionalSnapshot(want),
        choices: snapshotChoices([want], 'system', 'i-1').length,
      };
      const check = (sv: string, tv: string): boolean => {
        const got = rawSnapshot(sv, tv);
        assert.deepEqual(
          {
            system: snapshotIneligibility(got, 'system', 'i-1'),
            data: snapshotIneligibility(got, 'data', 'i-1'),
            token: snapshotContext(got),
            polled: isTransitionalSnapshot(got),
            choices: snapshotChoices([got], 'system', 'i-1').length,
          },
          expected,
          `${sv} / ${tv}`,
        );
        return true;
      };
      for (const sv of variants(status)) for (const tv of variants(type)) check(sv, tv);
      fc.assert(fc.property(caseArb, caseArb, ([f1, p1], [f2, p2]) => check(recase(status, f1, p1), recase(type, f2, p2))));
    }
  }
  // The headline case of A1: a lowercase "accomplished" system snapshot is usable.
  assert.equal(snapshotIneligibility(rawSnapshot('accomplished', 'system'), 'system', 'i-1'), undefined);
  assert.equal(snapshotContext(rawSnapshot('accomplished', 'system')), 'snapshot system accomplished');
  assert.equal(snapshotContext(rawSnapshot('FAILED', 'DATA')), 'snapshot data failed');
});

test('an unknown snapshot status or disk type is never usable, is polled, and has its own token', () => {
  const odd = rawSnapshot('Weird', 'System');
  assert.equal(snapshotIneligibility(odd, 'system', 'i-1'), 'systemSnapshot.progressing');
  assert.equal(isTransitionalSnapshot(odd), true);
  assert.equal(snapshotContext(odd), 'snapshot system unknown');
  const oddDisk = rawSnapshot('Accomplished', 'Boot');
  assert.equal(snapshotIneligibility(oddDisk, 'system', 'i-1'), 'systemSnapshot.notSystemDisk');
  assert.equal(snapshotIneligibility(oddDisk, 'data', 'i-1'), 'dataSnapshot.notDataDisk');
  assert.equal(snapshotChoices([oddDisk], 'system', 'i-1').length, 0);
  assert.equal(snapshotContext(oddDisk), 'snapshot unknown accomplished');
});

const rawInstance = (status: string) => toInstance({ InstanceId: 'i-1', Status: status, PublicIpAddress: '127.0.0.5' });
const EMPTY_INPUT = { imageName: 'img-1', systemSnapshotId: '', dataSnapshotId: '', description: '', resourceGroupId: '', tags: [] };
const serverRule = (status: ReturnType<typeof rawInstance>['status']): boolean =>
  validateCreateImage(EMPTY_INPUT, {
    instanceId: 'i-1',
    instanceStatus: status,
    snapshots: [],
    existingImageNames: [],
    serverCount: 1,
    imageCount: 0,
  }).some((i) => i.code === 'server.notReady');

test('server tokens, transitional checks and the server-state rule are the same in every casing', () => {
  for (const status of INSTANCE_STATUSES) {
    const want = rawInstance(status);
    const expected = { token: instanceContext(want), polled: isTransitionalInstance(want), notReady: serverRule(want.status) };
    const check = (v: string): boolean => {
      const got = rawInstance(v);
      assert.deepEqual({ token: instanceContext(got), polled: isTransitionalInstance(got), notReady: serverRule(got.status) }, expected, v);
      return true;
    };
    for (const v of variants(status)) check(v);
    fc.assert(fc.property(caseArb, ([f, p]) => check(recase(status, f, p))));
  }
  assert.equal(instanceContext(rawInstance('RUNNING')), 'instance running hasIp');
  assert.equal(instanceContext(rawInstance('disabled')), 'instance disabled hasIp');
  assert.equal(isTransitionalInstance(rawInstance('STARTING')), true);
  assert.equal(isTransitionalInstance(rawInstance('stopped')), false);
  assert.equal(serverRule(rawInstance('stopped').status), false);
});

test('an unknown server status is "unknown", polled, and not ready for an image', () => {
  const odd = rawInstance('Hibernating');
  assert.equal(instanceContext(odd), 'instance unknown hasIp');
  assert.equal(isTransitionalInstance(odd), true);
  assert.equal(serverRule(odd.status), true);
});

test('image tokens and polling are the same for digit codes and word forms in every casing', () => {
  const words: Record<string, string> = { '0': 'Copying', '1': 'Available', '2': 'UnAvailable', '3': 'CreateFailed', '4': 'Creating' };
  for (const code of CUSTOM_IMAGE_STATUSES) {
    const want = toCustomImage({ ImageId: 'm-1', Status: code, InShare: false });
    const expected = { token: imageContext(want), polled: isTransitionalImage(want) };
    const word = words[code] ?? '';
    for (const v of [code, ` ${code} `, ...variants(word)]) {
      const got = toCustomImage({ ImageId: 'm-1', Status: v, InShare: false });
      assert.deepEqual({ token: imageContext(got), polled: isTransitionalImage(got) }, expected, v);
    }
  }
  assert.equal(imageContext(toCustomImage({ ImageId: 'm', Status: 'available', InShare: true })), 'image available shared');
  const odd = toCustomImage({ ImageId: 'm', Status: 'Zombie', InShare: false });
  assert.equal(imageContext(odd), 'image unknown unshared');
  assert.equal(isTransitionalImage(odd), true);
});

test('one response may mix casings: each item is read on its own', () => {
  const items = ['Accomplished', 'accomplished', 'ACCOMPLISHED', 'progressing', 'Failed'].map((s) =>
    rawSnapshot(s, s === 'Failed' ? 'data' : 'System'),
  );
  assert.deepEqual(
    items.map((s) => s.status),
    ['Accomplished', 'Accomplished', 'Accomplished', 'Progressing', 'Failed'],
  );
  assert.equal(snapshotChoices(items, 'system', 'i-1').filter((c) => c.reason === undefined).length, 3);
});

test('a value that bypassed the converters (a cast) is treated as unknown at run time', () => {
  assert.equal(instancePhase('running' as InstanceStatus), 'unknown');
  assert.equal(snapshotPhase('accomplished' as SnapshotStatus), 'unknown');
  assert.equal(imagePhase('available' as CustomImageStatus), 'unknown');
});
