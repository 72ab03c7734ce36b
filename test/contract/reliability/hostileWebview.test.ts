// Part 3, short: 2,000 generated hostile messages posted to the real panel controller (npm run
// soak posts 10,000). No crash, no API call, each invalid message logged exactly once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runHostileWebview } from '../../reliability/hostileWebview';
import { formatHits, scanText } from '../../reliability/secretScan';

describe('hostile webview (short)', () => {
  it('survives 2,000 malformed, oversized and prototype-polluting messages with no API call, logging each invalid one once', async () => {
    const r = await runHostileWebview({ messages: 2000, seed: 5 });
    assert.deepEqual(r.crashSamples, []);
    assert.equal(r.crashes, 0);
    assert.equal(r.apiCalls, 0);
    assert.equal(r.ignoredLogLines, r.invalid);
    assert.ok(r.ruleInvalid > 30, `${r.ruleInvalid} rule-invalid submits`);
    assert.equal(r.errorLogLines, 0);
    assert.equal(r.prototypePolluted, false);
    // The counting can see a call: one valid submit afterwards makes exactly one.
    assert.equal(r.controlCalls, 1);
    assert.equal(formatHits([...scanText(r.postsText, 'posts'), ...scanText(r.logText, 'log')]), '');
  });
});
