// A1/A10/A11 end to end: the emulator's own answers, re-sent with every status and type in
// lowercase (the casing the live service likely uses at least sometimes), go through pop-core
// and the real client and give the same region as the documented casing: the same statuses,
// the same usable snapshots, the same form verdict (Create is not blocked), the same polling.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness';
import type { Harness } from './harness';
import { createPopTransport } from '../../../src/core/popTransport';
import { loadRegion } from '../../../src/core/regionLoader';
import { snapshotChoices } from '../../../src/core/rules/snapshots';
import { validateCreateImage } from '../../../src/core/rules/validateCreateImage';
import { transitionalIds } from '../../../src/tree/transitionPoller';
import type { RegionData } from '../../../src/core/model';

const REGION = 'cn-hangzhou';
let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.stop());

type Json = Record<string, unknown>;
const IMAGE_WORDS: Record<string, string> = { '0': 'copying', '1': 'available', '2': 'unavailable', '3': 'createfailed', '4': 'creating' };

/** Lower-cases every enum field the client reads (custom image digits become lowercase words). */
function lowercased(action: string, body: Json): Json {
  const low = (v: unknown): unknown => (typeof v === 'string' ? v.toLowerCase() : v);
  const list = (key: string, f: (o: Json) => Json): Json => ({ ...body, [key]: (body[key] as Json[]).map(f) });
  switch (action) {
    case 'ListInstances':
      return list('Instances', (i) => ({
        ...i,
        Status: low(i.Status),
        Image: { ...(i.Image as Json), OsType: low((i.Image as Json | undefined)?.OsType) },
        Disks: ((i.Disks as Json[] | undefined) ?? []).map((d) => ({ ...d, DiskType: low(d.DiskType), Status: low(d.Status) })),
      }));
    case 'ListSnapshots':
      return list('Snapshots', (s) => ({ ...s, Status: low(s.Status), SourceDiskType: low(s.SourceDiskType) }));
    case 'ListCustomImages':
      return list('CustomImages', (m) => ({ ...m, Status: IMAGE_WORDS[String(m.Status)] ?? m.Status, OsType: low(m.OsType) }));
    default:
      return body;
  }
}

const comparable = (d: RegionData): unknown => ({
  instances: d.instances,
  snapshots: [...d.snapshotsByInstance.entries()],
  images: d.images,
  quota: d.quota,
});

test('a region sent in lowercase reads exactly like the documented casing, and Create is not blocked', async () => {
  const api = h.client({ limiter: { rules: {} } });
  const documented = await loadRegion(api, REGION, { fresh: true });
  assert.ok(documented.instances.length > 0);

  const transport = createPopTransport({ credentials: { getCredentials: () => Promise.resolve(h.creds) }, timeoutMs: 5000 });
  const responses: { action: string; body: string; times: number }[] = [];
  for (const [action, params] of [
    ['ListInstances', { RegionId: REGION, PageNumber: 1, PageSize: 100 }],
    ['ListSnapshots', { RegionId: REGION, PageNumber: 1, PageSize: 100 }],
    ['ListCustomImages', { RegionId: REGION, PageNumber: 1, PageSize: 100 }],
  ] as const) {
    const { body } = await transport.call({ endpoint: h.em.endpoint, action, params });
    const plain = JSON.parse(JSON.stringify(body)) as Json;
    responses.push({ action, body: JSON.stringify({ ...lowercased(action, plain), RequestId: '{RequestId}' }), times: 10 });
  }
  assert.ok(responses[1]?.body.includes('"accomplished"') && responses[1].body.includes('"system"'), 'the re-sent snapshots are lowercase');
  await h.faults({ responses });
  try {
    const lower = await loadRegion(api, REGION, { fresh: true });
    assert.deepStrictEqual(comparable(lower), comparable(documented));
    assert.deepStrictEqual(transitionalIds(lower), transitionalIds(documented));

    // The headline of A1: a server with an "accomplished" system snapshot can be imaged.
    const server = lower.instances.find((i) => i.status === 'Running' || i.status === 'Stopped');
    assert.ok(server);
    const own = [...lower.snapshotsByInstance.values()].flat();
    const usable = snapshotChoices(own, 'system', server.instanceId).filter((c) => c.reason === undefined);
    assert.ok(usable.length > 0, 'lowercase accomplished system snapshots are usable');
    const first = usable[0];
    assert.ok(first);
    const issues = validateCreateImage(
      {
        imageName: 'lowercase-ok',
        systemSnapshotId: first.snapshot.snapshotId,
        dataSnapshotId: '',
        description: '',
        resourceGroupId: '',
        tags: [],
      },
      {
        instanceId: server.instanceId,
        instanceStatus: server.status,
        snapshots: own,
        existingImageNames: lower.images.map((i) => i.name),
        serverCount: lower.instances.length,
        imageCount: lower.images.length,
      },
    );
    assert.deepEqual(
      issues.filter((i) => i.field !== 'quota'),
      [],
    );
  } finally {
    await h.faults({});
  }
});
