// Part 1, short: 40 create-image submissions and 24 region loads with 20 % faults of every kind
// (npm run soak runs 200 and more). Fast retry delays; the shape of the policy is what is tested.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAST_RETRY as FAST } from '../client/harness';
import { runCreateCampaign } from '../../reliability/createCampaign';
import { runTreeCampaign } from '../../reliability/treeCampaign';

describe('fault campaign (short)', () => {
  it('creates exactly one image per submission under 20 % faults of every kind, each submission told the truth', async () => {
    const r = await runCreateCampaign({
      submissions: 40,
      errorRate: 0.2,
      concurrency: 8,
      clientTimeoutMs: 600,
      userRetries: 5,
      retry: FAST,
      seed: 2,
    });
    assert.deepEqual(r.problems, []);
    assert.equal(r.duplicates, 0);
    assert.equal(r.unclear, 0);
    assert.equal(r.created, 40);
    assert.equal(r.imagesCreated, 40);
    // Faults really happened, and each cost one more request (the same ClientToken every time).
    const injected = Object.values(r.faultsInjected).reduce((a, b) => a + b, 0);
    assert.ok(injected >= 4, JSON.stringify(r.faultsInjected));
    assert.equal(r.createRequests, 40 + injected);
    assert.equal(r.distinctTokens, 40);
    assert.ok(r.clientRetries + r.userRetries >= injected);
  });

  it('through the form: 30 submissions at 50 % faults end with one image each, the user Retry resending the same ClientToken', async () => {
    // Two client attempts only, so that the user's Retry button is needed often.
    const r = await runCreateCampaign({
      via: 'form',
      submissions: 30,
      errorRate: 0.5,
      concurrency: 10,
      clientTimeoutMs: 600,
      userRetries: 10,
      retry: { ...FAST, maxAttempts: 2 },
      seed: 5,
    });
    assert.deepEqual(r.problems, []);
    assert.equal(r.duplicates, 0);
    assert.equal(r.unclear, 0);
    assert.equal(r.imagesCreated, 30);
    assert.ok(r.userRetries > 0, 'the storm is strong enough to need the Retry button');
    const injected = Object.values(r.faultsInjected).reduce((a, b) => a + b, 0);
    assert.equal(r.createRequests, 30 + injected);
    assert.equal(r.distinctTokens, 30, 'one ClientToken per submission, across every retry');
  });

  it('loads every region complete or fails it with a clear error under 20 % faults on list calls, never a partial list as complete', async () => {
    const r = await runTreeCampaign({
      loads: 24,
      regions: 3,
      servers: 120,
      snapshots: 230,
      errorRate: 0.2,
      clientTimeoutMs: 600,
      concurrency: 3,
      retry: FAST,
      seed: 4,
    });
    assert.deepEqual(r.problems, []);
    assert.equal(r.partialAsComplete, 0);
    assert.equal(r.complete + r.clearErrors, 24);
    assert.ok(r.faultsInjected >= 10, `${r.faultsInjected} faults in ${r.listCalls} list calls`);
  });
});
