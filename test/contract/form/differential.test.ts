// The DIFFERENTIAL test: for many generated form inputs, the form's rules (src/core/rules)
// agree with the emulator (an independent implementation of the API's rules): an input with a
// blocking issue (a confirmed rule) is rejected by the emulator, and an input with no issue at
// all is accepted. An input with advice only (a guessed rule) may go either way: that is what
// "the API decides" means; the tally says how often each happened. Each case goes through the
// real core client over HTTP; an accepted image is deleted again so every case sees the same
// region.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { isSwasError } from '../../../src/core/errors';
import type { RegionData } from '../../../src/core/model';
import { loadRegion } from '../../../src/core/regionLoader';
import { blockingIssues } from '../../../src/core/rules/ruleCodes';
import { validateCreateImage } from '../../../src/core/rules/validateCreateImage';
import type { CreateImageInput } from '../../../src/core/rules/validateCreateImage';
import type { SwasApi } from '../../../src/core/swasApi';
import { draftToParams } from '../../../src/panels/createImageController';
import type { Harness } from '../client/harness';
import { startHarness } from '../client/harness';
import { NO_LIMITS } from './formHost';

const RUNS = Number(process.env.SWAS_DIFF_RUNS ?? 1000);
const REGIONS = ['cn-hangzhou', 'ap-southeast-1'];

let h: Harness;
let api: SwasApi;
const seeded = new Map<string, RegionData>();

before(async () => {
  h = await startHarness({ imageSeconds: 0 });
  api = h.client({ ...NO_LIMITS, retry: { maxAttempts: 1 } });
  for (const r of REGIONS) seeded.set(r, await loadRegion(api, r, { fresh: true }));
});
after(async () => {
  await h.stop();
});

const ALNUM = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const NAME_CHARS = [...ALNUM, ':', '_', '-'];
const chars = (alphabet: string[], min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));
const anyText = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'grapheme', maxLength: max }),
    chars([...ALNUM, ' ', '.', '/', '镜', 'é', '\t', ':'], 0, max),
  );

const validName = fc.tuple(fc.constantFrom(...ALNUM), chars(NAME_CHARS, 1, 40)).map(([a, b]) => a + b);
const imageName = (existing: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 10, arbitrary: validName },
    { weight: 1, arbitrary: existing.length ? fc.constantFrom(...existing) : validName },
    { weight: 1, arbitrary: fc.constantFrom('', 'a', 'ab', 'a'.repeat(128), 'a'.repeat(129), '-ab', '_x', 'a b', 'a.b', 'ab镜像') },
    { weight: 1, arbitrary: anyText(140) },
  );

const urlish = fc.constantFrom('http://x', 'https://y', 'HTTP://Z', 'a http://b', 'xhttps://');
const description = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: anyText(60) },
  { weight: 1, arbitrary: fc.constantFrom('d'.repeat(256), 'd'.repeat(257), 'é'.repeat(256)) },
  { weight: 1, arbitrary: urlish },
);
const resourceGroupId = fc.oneof(
  { weight: 8, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: chars([...'abcdefghijklmnopqrstuvwxyz0123456789'], 1, 60).map((s) => `rg-${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('rg-', 'rg-ABC', 'rg_abc', 'abc', `rg-${'a'.repeat(61)}`, 'rg-a b', 'RG-abc') },
);
const tagKey = fc.oneof(
  { weight: 8, arbitrary: chars([...ALNUM, '-', '_', '.', ' '], 1, 20).filter((k) => !/^(acs:|aliyun)/i.test(k)) },
  { weight: 2, arbitrary: fc.constantFrom('env', 'team', 'Env') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', 'acs:x', 'ACS:y', 'aliyunTeam', 'Aliyun', 'k'.repeat(64), 'k'.repeat(65), 'see http://x', 'https://'),
  },
  { weight: 1, arbitrary: anyText(70) },
);
const tagValue = fc.oneof(
  { weight: 8, arbitrary: chars([...ALNUM, ' ', '-'], 0, 20) },
  { weight: 1, arbitrary: fc.constantFrom('v'.repeat(64), 'v'.repeat(65), 'http://v', 'acs:fine') },
  { weight: 1, arbitrary: anyText(70) },
);
const tags = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.record({ key: tagKey, value: tagValue }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.record({ key: tagKey, value: tagValue }), { minLength: 18, maxLength: 22 }) },
);

interface Case {
  regionId: string;
  instanceId: string;
  input: CreateImageInput;
}

function caseArb(): fc.Arbitrary<Case> {
  // Mostly cn-hangzhou (room in the quota); sometimes ap-southeast-1 (quota full).
  const region = fc.oneof(
    { weight: 6, arbitrary: fc.constant(REGIONS[0] as string) },
    { weight: 1, arbitrary: fc.constant(REGIONS[1] as string) },
  );
  return region.chain((regionId) => {
    const data = seeded.get(regionId) as RegionData;
    const ids = [...data.snapshotsByInstance.values()].flat().map((s) => s.snapshotId);
    const ready = data.instances.filter((i) => i.status === 'Running' || i.status === 'Stopped').map((i) => i.instanceId);
    const all = data.instances.map((i) => i.instanceId);
    const instance = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...(ready.length ? ready : all)) },
      { weight: 1, arbitrary: fc.constantFrom(...all) },
    );
    return instance.chain((instanceId) => {
      const own = (data.snapshotsByInstance.get(instanceId) ?? []).filter((s) => s.status === 'Accomplished');
      const ownSys = own.filter((s) => s.sourceDiskType === 'System').map((s) => s.snapshotId);
      const ownData = own.filter((s) => s.sourceDiskType === 'Data').map((s) => s.snapshotId);
      const pick = (preferred: string[], emptyWeight: number): fc.Arbitrary<string> =>
        fc.oneof(
          { weight: preferred.length ? 8 : 0, arbitrary: preferred.length ? fc.constantFrom(...preferred) : fc.constant('') },
          { weight: emptyWeight, arbitrary: fc.constant('') },
          { weight: 1, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant('') },
          { weight: 1, arbitrary: fc.constant('s-doesnotexist0001') },
        );
      return fc
        .record({
          imageName: imageName(data.images.map((i) => i.name)),
          systemSnapshotId: pick(ownSys, 1),
          dataSnapshotId: pick(ownData, 8),
          description,
          resourceGroupId,
          tags,
        })
        .map((input) => ({ regionId, instanceId, input }));
    });
  });
}

async function emulatorAccepts(c: Case): Promise<{ accepted: boolean; code: string }> {
  try {
    const res = await api.createCustomImage(draftToParams(c.regionId, c.instanceId, c.input, randomUUID()));
    await api.deleteCustomImage({ regionId: c.regionId, imageId: res.imageId, clientToken: randomUUID() });
    return { accepted: true, code: '' };
  } catch (e) {
    if (!isSwasError(e)) throw e;
    if (e.code.startsWith('Transport.') || e.code === 'InternalError' || e.code.startsWith('Throttling')) throw e;
    return { accepted: false, code: e.code };
  }
}

/** Chinese in a name: accepted by the rules (A6, Terraform); the emulator may still predate A6. */
const CJK = /[\u4e00-\u9fa5]/;

test(`differential: blocking rules never pass what the emulator rejects… and never block what it accepts (${RUNS} generated inputs)`, async (t) => {
  const tally = { accepted: 0, rejected: 0, adviceOnly: 0, adviceAccepted: 0, codes: new Map<string, number>() };
  await fc.assert(
    fc.asyncProperty(caseArb(), async (c) => {
      const data = await loadRegion(api, c.regionId, { fresh: true });
      const server = data.instances.find((i) => i.instanceId === c.instanceId);
      const issues = validateCreateImage(c.input, {
        instanceId: c.instanceId,
        instanceStatus: server?.status ?? '',
        snapshots: [...data.snapshotsByInstance.values()].flat(),
        existingImageNames: data.images.map((i) => i.name),
        serverCount: data.instances.length,
        imageCount: data.images.length,
      });
      const emu = await emulatorAccepts(c);
      if (emu.accepted) tally.accepted++;
      else {
        tally.rejected++;
        tally.codes.set(emu.code, (tally.codes.get(emu.code) ?? 0) + 1);
      }
      const blocking = blockingIssues(issues);
      const verdict = `rules ${issues.length ? `say ${issues.map((i) => `${i.code}/${i.severity}`).join(', ')}` : 'accept'} but the emulator ${emu.accepted ? 'accepts' : `rejects (${emu.code})`}: ${JSON.stringify(c)}`;
      if (blocking.length) assert.equal(emu.accepted, false, verdict);
      else if (issues.length) {
        tally.adviceOnly++;
        if (emu.accepted) tally.adviceAccepted++;
      } else if (!CJK.test(c.input.imageName)) assert.equal(emu.accepted, true, verdict);
    }),
    { numRuns: RUNS, seed: Number(process.env.SWAS_DIFF_SEED ?? 20261126) },
  );
  t.diagnostic(
    `cases: ${RUNS}; emulator accepted ${tally.accepted}, rejected ${tally.rejected}: ${JSON.stringify(Object.fromEntries(tally.codes))}; advice only: ${tally.adviceOnly} (accepted ${tally.adviceAccepted})`,
  );
  assert.ok(tally.accepted >= RUNS * 0.15, `enough accepted cases (${tally.accepted})`);
  assert.ok(tally.rejected >= RUNS * 0.15, `enough rejected cases (${tally.rejected})`);
});
