import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { imageQuota, imageQuotaLimit } from '../../../src/core/rules/quota';

test('limit is three per server, capped at fifteen', () => {
  assert.equal(imageQuotaLimit(0), 0);
  assert.equal(imageQuotaLimit(1), 3);
  assert.equal(imageQuotaLimit(4), 12);
  assert.equal(imageQuotaLimit(5), 15);
  assert.equal(imageQuotaLimit(100), 15);
});

test('one server with three images is full and says to delete one', () => {
  assert.deepEqual(imageQuota(1, 3), { used: 3, limit: 3, full: true, toDelete: 1, servers: 1, perServer: 3, cap: 15 });
});

test('property: limit = min(3 × servers, 15) and full iff used ≥ limit', () => {
  fc.assert(
    fc.property(fc.nat(1000), fc.nat(100), (servers, images) => {
      const q = imageQuota(servers, images);
      return q.limit === Math.min(3 * servers, 15) && q.full === images >= q.limit && q.limit <= 15;
    }),
  );
});

test('property: deleting toDelete images makes room for exactly one more', () => {
  fc.assert(
    fc.property(fc.nat(50), fc.nat(100), (servers, images) => {
      const q = imageQuota(servers, images);
      if (!q.full || q.limit === 0) return true;
      return !imageQuota(servers, images - q.toDelete).full && imageQuota(servers, images - q.toDelete + 1).full;
    }),
  );
});
