// Sign-in verifies what matters (issue 10 §1, swas-api-2.md A8): through pop-core against the
// emulator's permission accounts. ListRegions needs no RAM authorization, so a key with no SWAS
// permission passes it; verifyCredentials then makes one call that needs `swas-open:`
// (ListInstances, PageSize 1) and refuses such a key with Credentials.NoSwasPermission, before
// anything could be saved. A read-only key verifies, browses, and gets Forbidden.RAM (403, not
// retried) on a write, which the form shows in its banner with the policy sentence.
// The emulator's permission model (test/emulator/permissions.ts) is itself partly a guess: that
// a write by a read-only key answers Forbidden.RAM rather than NoPermission (A7 says both exist).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, recordingLogger, startHarness } from './harness';
import type { Harness } from './harness';
import type { Credentials } from '../../../src/core/model';
import { verifyCredentials } from '../../../src/core/verifyCredentials';
import { loadRegion } from '../../../src/core/regionLoader';
import { FORM_STRINGS_EN } from '../../../src/protocol/formStrings';
import { sentenceOf } from '../../../src/platform/errorSentences';
import {
  DISABLED_ACCESS_KEY_ID,
  DISABLED_ACCESS_KEY_SECRET,
  NOPERM_ACCESS_KEY_ID,
  NOPERM_ACCESS_KEY_SECRET,
  READONLY_ACCESS_KEY_ID,
  READONLY_ACCESS_KEY_SECRET,
} from '../../emulator/seeds/credentials';
import { NO_LIMITS, openFormHost } from '../form/formHost';

const READONLY: Credentials = { accessKeyId: READONLY_ACCESS_KEY_ID, accessKeySecret: READONLY_ACCESS_KEY_SECRET };
const NOPERM: Credentials = { accessKeyId: NOPERM_ACCESS_KEY_ID, accessKeySecret: NOPERM_ACCESS_KEY_SECRET };
const REGION = 'cn-hangzhou';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin('DELETE', '/faults');
  await h.clearRequests();
});

const as = (c: Credentials): ReturnType<Harness['client']> =>
  h.client({ ...NO_LIMITS, retry: { maxAttempts: 3 }, credentials: { getCredentials: () => Promise.resolve(c) } });

test('a key without SWAS permission passes ListRegions but is refused by verifyCredentials, naming no secret', async () => {
  // The gap A8 describes: the signature check alone would accept this key.
  const regions = await as(NOPERM).listRegions('en-US');
  assert.ok(regions.length > 0);
  await h.clearRequests();
  const logger = recordingLogger();
  const e = await failure(verifyCredentials(NOPERM, h.em.endpoint, 3000, logger));
  assert.equal(e.code, 'Credentials.NoSwasPermission');
  assert.equal(e.httpStatus, 403);
  assert.equal(e.retryable, false);
  assert.match(e.requestId ?? '', /^[0-9A-F-]{20,}$/);
  assert.match(e.message, /Forbidden\.RAM/);
  // What the user reads (errorMessages.ts → this sentence, localized) names the policies to grant.
  assert.match(sentenceOf(e.code) ?? '', /AliyunSWASReadOnlyAccess.*AliyunSWASFullAccess/);
  assert.ok(!e.message.includes(NOPERM_ACCESS_KEY_ID) && !e.message.includes(NOPERM_ACCESS_KEY_SECRET));
  const log = await h.requests();
  assert.deepEqual(
    log.map((r) => [r.action, r.httpStatus, r.code]),
    [
      ['ListRegions', 200, ''],
      ['ListInstances', 403, 'Forbidden.RAM'],
    ],
  );
  // The permission call goes to a region of the ListRegions answer (the first one).
  assert.equal(log[1]?.regionId, regions[0]?.regionId);
});

test('a read-only key verifies with one ListRegions and one ListInstances, and browses a whole region', async () => {
  await verifyCredentials(READONLY, h.em.endpoint, 3000);
  assert.deepEqual(
    (await h.requests()).map((r) => [r.action, r.httpStatus]),
    [
      ['ListRegions', 200],
      ['ListInstances', 200],
    ],
  );
  const data = await loadRegion(as(READONLY), REGION, { fresh: true });
  assert.ok(data.instances.length > 0, 'the read-only key sees the demo account');
  assert.ok(data.images.length >= 0 && data.snapshotsByInstance.size > 0);
});

test('a full-access key still verifies, and a disabled key keeps its own code (no permission call)', async () => {
  await verifyCredentials(h.creds, h.em.endpoint, 3000);
  assert.deepEqual(
    (await h.requests()).map((r) => r.action),
    ['ListRegions', 'ListInstances'],
  );
  await h.clearRequests();
  const e = await failure(
    verifyCredentials({ accessKeyId: DISABLED_ACCESS_KEY_ID, accessKeySecret: DISABLED_ACCESS_KEY_SECRET }, h.em.endpoint, 3000),
  );
  assert.equal(e.code, 'InvalidAccessKeyId.Inactive');
  assert.deepEqual(
    (await h.requests()).map((r) => r.action),
    ['ListRegions'],
  );
});

test('a transient failure of the permission call does not refuse a key whose signature was accepted', async () => {
  await h.faults({ script: [{ action: 'ListInstances', kind: 'InternalError' }] });
  const logger = recordingLogger();
  await verifyCredentials(READONLY, h.em.endpoint, 3000, logger);
  assert.ok(
    logger.lines.some((l) => /permission check .* InternalError/.test(l)),
    logger.lines.join('\n'),
  );
});

test('writes by a read-only key answer Forbidden.RAM (403), not retried', async () => {
  const api = as(READONLY);
  const data = await loadRegion(api, REGION, { fresh: true });
  const server = data.instances[0];
  assert.ok(server);
  const disk = server.disks[0];
  assert.ok(disk);
  await h.clearRequests();
  const e = await failure(
    api.createSnapshot({ regionId: REGION, diskId: disk.diskId, snapshotName: 'ro-attempt', clientToken: 'ro-token-1' }),
  );
  assert.equal(e.code, 'Forbidden.RAM');
  assert.equal(e.httpStatus, 403);
  assert.equal(e.retryable, false);
  assert.deepEqual(
    (await h.requests()).map((r) => r.action),
    ['CreateSnapshot'],
    'one attempt only',
  );
});

test('Create Custom Image with a read-only key: Forbidden.RAM goes to the banner, without Retry, with the policy sentence', async () => {
  const full = await loadRegion(h.client(NO_LIMITS), REGION, { fresh: true });
  const server = full.instances.find(
    (i) =>
      (full.snapshotsByInstance.get(i.instanceId) ?? []).some((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished') &&
      (i.status === 'Running' || i.status === 'Stopped'),
  );
  assert.ok(server, 'the demo seed has a server with a usable system snapshot');
  const snap = (full.snapshotsByInstance.get(server.instanceId) ?? []).find(
    (s) => s.sourceDiskType === 'System' && s.status === 'Accomplished',
  );
  assert.ok(snap);
  const f = await openFormHost(
    h,
    { regionId: REGION, instanceId: server.instanceId },
    { credentials: { getCredentials: () => Promise.resolve(READONLY) } },
  );
  await f.controller.handle({ type: 'ready' });
  await f.controller.handle({
    type: 'submit',
    draft: {
      imageName: 'readonly-try',
      systemSnapshotId: snap.snapshotId,
      dataSnapshotId: '',
      description: '',
      resourceGroupId: '',
      tags: [],
    },
  });
  const failed = f.lastSubmit();
  assert.ok(failed?.phase === 'failed', JSON.stringify(failed));
  assert.equal(failed.code, 'Forbidden.RAM');
  assert.equal(failed.placement, 'banner');
  assert.equal(failed.retryable, false);
  assert.equal(failed.message, FORM_STRINGS_EN['error.Forbidden.RAM']);
  assert.match(failed.message, /AliyunSWASFullAccess/);
  assert.ok(failed.requestId.length > 0);
});
