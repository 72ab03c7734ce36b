// Transport failures and retries through the real client and pop-core against the emulator's
// faults: refused port, timeout, reset, non-JSON 502, 5xx, throttling, and the lost response of a
// committed write (same ClientToken on retry → done once).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { failure, startHarness } from './harness';
import type { Harness } from './harness';
import type { SwasError } from '../../../src/core/errors';
import { createSwasClient } from '../../../src/core/swasClient';
import { silentLogger } from '../../../src/core/logger';
import { loadRegion } from '../../../src/core/regionLoader';
import { verifyCredentials } from '../../../src/core/verifyCredentials';

let h: Harness;
before(async () => {
  h = await startHarness({ seed: 'demo' });
});
after(() => h.stop());
beforeEach(async () => {
  await h.faults({});
  await h.clearRequests();
});

function clean(e: SwasError): void {
  for (const bit of ['http', '127.0.0.1', h.creds.accessKeyId, 'Signature'])
    assert.ok(!e.message.includes(bit), `"${bit}" in "${e.message}"`);
}

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test('a refused port gives Transport.ConnectionRefused after bounded retries', async () => {
  const port = await closedPort();
  const api = createSwasClient({
    endpointTemplate: `http://127.0.0.1:${port}`,
    credentials: { getCredentials: () => Promise.resolve(h.creds) },
    timeoutMs: 2000,
    logger: silentLogger,
    retry: { maxAttempts: 3, baseDelayMs: 10 },
  });
  const e = await failure(api.listInstances('cn-hangzhou'));
  assert.equal(e.code, 'Transport.ConnectionRefused');
  assert.equal(e.retryable, true);
  clean(e);
  const v = await failure(verifyCredentials(h.creds, `http://127.0.0.1:${port}`, 2000));
  assert.equal(v.code, 'Transport.ConnectionRefused');
});

test('a response slower than the timeout gives Transport.Timeout, on time', async () => {
  await h.faults({ script: [{ action: 'ListInstances', kind: 'Timeout', times: 5 }], timeoutMs: 3000 });
  const api = h.client({ timeoutMs: 300, retry: { maxAttempts: 2, baseDelayMs: 10 } });
  const started = Date.now();
  const e = await failure(api.listInstances('cn-hangzhou'));
  const took = Date.now() - started;
  assert.equal(e.code, 'Transport.Timeout');
  clean(e);
  assert.ok(took >= 600 && took < 2500, `two attempts of 300 ms, took ${took} ms`);
});

test('a connection reset before handling gives Transport.ConnectionReset, and a retry recovers', async () => {
  await h.faults({ script: [{ action: 'ListInstances', kind: 'ResetBefore', times: 1 }] });
  const api = h.client();
  const page = await api.listInstances('cn-hangzhou');
  assert.ok(page.items.length > 0);
  assert.deepStrictEqual(
    (await h.requests('ListInstances')).map((r) => r.code),
    ['ResetBefore', ''],
  );
  await h.faults({ script: [{ action: 'ListInstances', kind: 'ResetBefore', times: 10 }] });
  const e = await failure(h.client({ retry: { maxAttempts: 2, baseDelayMs: 10 } }).listInstances('cn-hangzhou', { pageNumber: 2 }));
  assert.equal(e.code, 'Transport.ConnectionReset');
  clean(e);
});

test('an HTML 502 from a gateway gives Transport.BadResponse without the HTML', async () => {
  await h.faults({ script: [{ action: 'ListSnapshots', kind: 'BadGateway', times: 10 }] });
  const e = await failure(h.client({ retry: { maxAttempts: 3, baseDelayMs: 10 } }).listSnapshots('cn-hangzhou'));
  assert.equal(e.code, 'Transport.BadResponse');
  assert.ok(!e.message.includes('<'));
  assert.equal((await h.requests('ListSnapshots')).length, 3, 'retried up to maxAttempts');
});

test('500 and 503 are retried with backoff until the call succeeds', async () => {
  await h.faults({
    script: [
      { action: 'ListCustomImages', kind: 'InternalError' },
      { action: 'ListCustomImages', kind: 'ServiceUnavailable' },
    ],
  });
  const page = await h.client().listCustomImages('cn-hangzhou');
  assert.ok(page.items.length > 0);
  assert.deepStrictEqual(
    (await h.requests('ListCustomImages')).map((r) => r.httpStatus),
    [500, 503, 200],
  );
});

test('non-retryable errors are not retried', async () => {
  await failure(h.client().listSnapshots('xx-nowhere-1'));
  assert.equal((await h.requests('ListSnapshots')).length, 1);
});

test('throttling: the region still loads, only slower', async () => {
  await h.faults({ script: [{ action: 'ListSnapshots', kind: 'Throttling.User', times: 2 }] });
  const api = h.client({ retry: { throttleBaseDelayMs: 200, maxDelayMs: 1000 } });
  const started = Date.now();
  const data = await loadRegion(api, 'cn-hangzhou');
  assert.ok(Date.now() - started >= 200, 'waited before retrying');
  assert.ok([...data.snapshotsByInstance.values()].flat().length > 0);
  assert.deepStrictEqual(
    (await h.requests('ListSnapshots')).map((r) => r.code),
    ['Throttling.User', 'Throttling.User', ''],
  );
});

test('a write whose response was lost is retried with the same ClientToken and done once', async () => {
  const api = h.client();
  const region = await loadRegion(api, 'cn-hangzhou');
  const server = region.instances.find((i) => i.status === 'Running');
  assert.ok(server);
  const system = region.snapshotsByInstance
    .get(server.instanceId)
    ?.find((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished');
  assert.ok(system);
  const before = (await api.listCustomImages('cn-hangzhou')).totalCount;
  await h.faults({ script: [{ action: 'CreateCustomImage', kind: 'ResetAfterCommit', times: 1 }] });
  const token = 'tok-lost-response-1';
  const res = await api.createCustomImage({
    regionId: 'cn-hangzhou',
    instanceId: server.instanceId,
    imageName: 'lost-response',
    systemSnapshotId: system.snapshotId,
    clientToken: token,
  });
  assert.match(res.imageId, /^m-/);
  const creates = await h.requests('CreateCustomImage');
  assert.equal(creates.length, 2);
  assert.ok(creates.every((r) => r.clientToken === token));
  const after = await api.listCustomImages('cn-hangzhou');
  assert.equal(after.totalCount, before + 1, 'exactly one image, and the write dropped the cached list');
  assert.equal(after.items.filter((i) => i.name === 'lost-response').length, 1);
});

test('a mutating call without a ClientToken is not retried', async () => {
  await h.faults({ script: [{ action: 'CreateSnapshot', kind: 'InternalError', times: 1 }] });
  const api = h.client();
  const server = (await api.listInstances('cn-hangzhou')).items[0];
  const e = await failure(
    api.createSnapshot({ regionId: 'cn-hangzhou', diskId: server?.disks[0]?.diskId ?? 'd-x', snapshotName: 'no-token', clientToken: '' }),
  );
  assert.equal(e.code, 'InternalError');
  assert.equal((await h.requests('CreateSnapshot')).length, 1);
});

test('an aborted call stops waiting and says Client.Cancelled', async () => {
  await h.faults({ latencyMs: 2000 });
  const ac = new AbortController();
  const p = h.client().listInstances('cn-hangzhou', {}, { signal: ac.signal });
  setTimeout(() => ac.abort(), 50);
  const e = await failure(p);
  assert.equal(e.code, 'Client.Cancelled');
});
