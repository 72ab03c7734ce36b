// The lifecycle writes under 20 % faults: every server stopped and started exactly once, every
// submission told the truth, one ClientToken per submission across all its retries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAST_RETRY as FAST } from '../client/harness';
import { runLifecycleCampaign } from '../../reliability/lifecycleCampaign';

describe('lifecycle fault campaign (short)', () => {
  it('stops and starts 30 servers under 20 % faults: 0 duplicate side effects, 0 unclear outcomes', async () => {
    const r = await runLifecycleCampaign({
      servers: 30,
      errorRate: 0.2,
      concurrency: 6,
      userRetries: 5,
      clientTimeoutMs: 2000,
      retry: FAST,
      seed: 3,
    });
    assert.deepEqual(r.problems, []);
    assert.equal(r.duplicates, 0);
    assert.equal(r.unclear, 0);
    assert.equal(r.succeeded, 60);
    assert.ok(r.faultsInjected >= 5, `only ${r.faultsInjected} faults injected`);
    assert.equal(r.distinctTokens, 60, 'one ClientToken per submission, across every retry');
    assert.equal(r.writeRequests, 60 + r.faultsInjected);
  });
});
