// Shared set-up for the tree's contract tests: one demo-seeded harness per file and a real client
// with no client-side rate limit, and what each test starts from (chosen per file, in this order).
import { beforeEach } from 'node:test';
import type { SwasApi } from '../../../src/core/swasApi';
import type { Harness } from '../client/harness';
import { useHarness } from '../client/harness';

export interface TreeHarness {
  h: Harness;
  api: SwasApi;
}

export interface BeforeEachTest {
  /** No faults, and the emulator back at the demo seed. */
  reset?: boolean;
  /** Drop the client's cache (it lives 20 s) so one test's region never carries into the next. */
  invalidate?: boolean;
  /** An empty request log. */
  clearRequests?: boolean;
}

export function useTreeHarness(each: BeforeEachTest, use: (t: TreeHarness) => void): void {
  let t: TreeHarness;
  useHarness(
    (h) => {
      t = { h, api: h.client({ limiter: { rules: {} } }) };
      use(t);
    },
    { seed: 'demo' },
  );
  beforeEach(async () => {
    if (each.reset) {
      await t.h.faults({});
      await t.h.admin('POST', '/reset', { seed: 'demo' });
    }
    if (each.invalidate) t.api.invalidate();
    if (each.clearRequests) await t.h.clearRequests();
  });
}
