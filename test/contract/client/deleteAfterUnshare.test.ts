// A14: an unshare that takes effect later (the emulator's async-unshare variant, on its virtual
// clock) — the delete right after it is tried again until the image is no longer shared.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteAfterUnshare } from '../../../src/core/imageDelete';
import { SwasError } from '../../../src/core/errors';
import { startHarness } from './harness';
import type { Harness } from './harness';

let h: Harness;
before(async () => {
  h = await startHarness({ variants: 'async-unshare', unshareSeconds: 30 });
});
after(() => h.stop());

test('a delete right after an unshare that is not done yet waits for it, with one ClientToken', async () => {
  const api = h.client();
  const shared = (await api.listCustomImages('cn-hangzhou')).items.find((i) => i.inShare);
  assert.ok(shared);
  await api.modifyImageShareStatus({ regionId: 'cn-hangzhou', imageId: shared.imageId, operation: 'UnShare', clientToken: 'tok-un' });
  let now = 0;
  const waits: number[] = [];
  const res = await deleteAfterUnshare(
    api,
    { regionId: 'cn-hangzhou', imageId: shared.imageId, clientToken: 'tok-del' },
    {
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
        await h.admin('POST', '/clock/advance', { seconds: ms / 1000 });
      },
    },
  );
  assert.ok(res.requestId);
  assert.ok(waits.length >= 2, `waited ${waits.join(', ')} ms`);
  const tokens = (await h.requests('DeleteCustomImage')).map((r) => r.clientToken);
  assert.ok(tokens.length >= 2 && tokens.every((t) => t === 'tok-del'));
  assert.equal(
    (await api.listCustomImages('cn-hangzhou', {}, { fresh: true })).items.some((i) => i.imageId === shared.imageId),
    false,
  );
});

test("a delete that stays refused gives up after its patience with the API's error", async () => {
  const api = h.client();
  await h.admin('POST', '/reset');
  const shared = (await api.listCustomImages('cn-hangzhou', {}, { fresh: true })).items.find((i) => i.inShare);
  assert.ok(shared);
  let now = 0;
  await assert.rejects(
    deleteAfterUnshare(
      api,
      { regionId: 'cn-hangzhou', imageId: shared.imageId, clientToken: 'tok-never' },
      { now: () => now, sleep: async (ms) => void (now += ms) },
      10_000,
    ),
    (e: unknown) => e instanceof SwasError && e.code === 'CustomImageInShare',
  );
});
