// The lifecycle writes through the real client and pop-core: one plural call per region, the
// same ClientToken on every retry (so a lost response never starts or stops a server twice),
// typed errors, and ListImages for Reset System.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, startHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;
const HZ = 'cn-hangzhou';
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin('POST', '/reset', { seed: 'demo' });
  await h.admin('DELETE', '/faults');
  await h.clearRequests();
});

async function serversByName(): Promise<Map<string, { instanceId: string; status: string; imageId: string; instanceName: string }>> {
  const page = await h.client().listInstances(HZ, {}, { fresh: true });
  return new Map(page.items.map((i) => [i.instanceName, i]));
}

test('StopInstances with a lost response: retried with the same ClientToken, the server stops once', async () => {
  const api = h.client();
  const web = (await serversByName()).get('web-prod-1');
  assert.ok(web);
  await h.faults({ script: [{ action: 'StopInstances', kind: 'ResetAfterCommit' }] });
  const r = await api.stopInstances({ regionId: HZ, instanceIds: [web.instanceId], clientToken: 'tok-stop-1' });
  assert.ok(r.requestId);
  const calls = await h.requests('StopInstances');
  assert.equal(calls.length, 2);
  assert.deepEqual(
    calls.map((c) => c.clientToken),
    ['tok-stop-1', 'tok-stop-1'],
  );
  assert.deepEqual(
    calls.map((c) => c.code),
    ['ResetAfterCommit', ''],
  );
  const statuses = await api.listInstanceStatus(HZ, [web.instanceId]);
  assert.equal(statuses.get(web.instanceId), 'Stopping');
});

test('StartInstances starts two servers in one call; ForceStop and ForceReboot are sent only when asked', async () => {
  const api = h.client();
  const added = (await h.admin('POST', '/servers', { regionId: HZ, instanceName: 'two', status: 'Stopped' })) as { InstanceId: string };
  const db = (await serversByName()).get('db-staging');
  assert.ok(db);
  await api.startInstances({ regionId: HZ, instanceIds: [db.instanceId, added.InstanceId], clientToken: 'tok-start-2' });
  assert.equal((await h.requests('StartInstances')).length, 1);
  const st = await api.listInstanceStatus(HZ, [db.instanceId, added.InstanceId]);
  assert.deepEqual([...st.values()], ['Starting', 'Starting']);
  await h.admin('POST', '/clock/advance', { seconds: 10 });
  await api.rebootInstances({ regionId: HZ, instanceIds: [db.instanceId], force: true, clientToken: 'tok-reboot' });
  await api.stopInstances({ regionId: HZ, instanceIds: [added.InstanceId], clientToken: 'tok-stop' });
  assert.equal((await api.listInstanceStatus(HZ, [db.instanceId])).get(db.instanceId), 'Stopping');
});

test('a wrong status is a typed, non-retried IncorrectInstanceStatus with its RequestId', async () => {
  const web = (await serversByName()).get('web-prod-1');
  assert.ok(web);
  const err = await failure(h.client().startInstances({ regionId: HZ, instanceIds: [web.instanceId], clientToken: 'tok-bad' }));
  assert.deepEqual([err.code, err.httpStatus], ['IncorrectInstanceStatus', 403]);
  assert.ok(err.requestId);
  assert.equal((await h.requests('StartInstances')).length, 1);
});

test('UpdateInstanceAttribute renames, and the next list shows the new name', async () => {
  const api = h.client();
  const web = (await serversByName()).get('web-prod-1');
  assert.ok(web);
  await api.listInstances(HZ);
  await api.updateInstanceAttribute({ regionId: HZ, instanceId: web.instanceId, instanceName: 'web-renamed', clientToken: 'tok-rename' });
  const page = await api.listInstances(HZ);
  assert.ok(
    page.items.some((i) => i.instanceName === 'web-renamed'),
    'the write dropped the cached list',
  );
  const bad = await failure(
    api.updateInstanceAttribute({ regionId: HZ, instanceId: web.instanceId, instanceName: 'has space', clientToken: 'tok-rename-bad' }),
  );
  assert.equal(bad.code, 'InvalidInstanceName.Malformed');
});

test('ListImages lists public and custom images; ResetSystem applies one; custom images carry their disk needs', async () => {
  const api = h.client();
  const images = await api.listImages(HZ);
  assert.ok(images.some((i) => i.imageType === 'system' && i.platform === 'Linux'));
  const customs = (await api.listCustomImages(HZ)).items;
  const base = customs.find((i) => i.name === 'db-staging-base');
  assert.equal(base?.requiredDataDiskSizeGiB, 200);
  const golden = customs.find((i) => i.name === 'web-prod-golden');
  const db = (await serversByName()).get('db-staging');
  assert.ok(golden && db);
  await api.resetSystem({ regionId: HZ, instanceId: db.instanceId, imageId: golden.imageId, clientToken: 'tok-reset' });
  const after = (await serversByName()).get('db-staging');
  assert.deepEqual([after?.status, after?.imageId], ['Resetting', golden.imageId]);
  const same = await failure(
    api.resetSystem({ regionId: HZ, instanceId: db.instanceId, imageId: base?.imageId, clientToken: 'tok-reset-2' }),
  );
  assert.equal(same.code, 'IncorrectInstanceStatus');
});
