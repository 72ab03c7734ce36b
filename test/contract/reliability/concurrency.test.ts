// Part 5, short: two processes (two client stacks) create images in one region of one account at
// the same moment, beyond its quota, some with the same names, under 20 % faults.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runConcurrency } from '../../reliability/concurrencyCampaign';

describe('two windows, one quota (short)', () => {
  it('never exceeds the quota and tells each submission the truth', async () => {
    const r = await runConcurrency({ rounds: 2, perWindow: 8, errorRate: 0.2 });
    assert.deepEqual(
      r.details.flatMap((d) => d.lies),
      [],
    );
    assert.equal(r.quotaExceeded, 0);
    assert.equal(r.unclear, 0);
    for (const d of r.details) {
      assert.equal(d.images, d.quota, 'the demand exceeds the quota, so it is reached');
      assert.equal(d.created, d.quota);
      assert.ok(d.refusedQuota > 0 && d.refusedName > 0, JSON.stringify(d));
    }
  });
});
