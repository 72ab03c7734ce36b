// Regressions found by the reliability campaign (test/reliability) that need the extension host.
import * as assert from 'node:assert/strict';
import type { TestEnv } from './testEnv';
import { adminCall, resetEmulator, signInDemo, testEnv } from './testEnv';

suite('Reliability regressions', () => {
  let env: TestEnv;

  suiteSetup(async () => {
    env = await testEnv();
    await resetEmulator(env);
    await signInDemo(env, 'rel-regressions');
  });

  suiteTeardown(async () => {
    env.api.services.explorer.setFilter(undefined);
    await adminCall(env, 'DELETE', '/faults');
  });

  test('a filter over a truncated region still offers Load more: the servers past the loaded ones were not searched', async function () {
    this.timeout(90_000);
    // Page 1 says 600 servers and holds one; the rest of the pages are short: the region is truncated.
    const one = '{"InstanceId":"s-rel-1","InstanceName":"match-me","RegionId":"cn-hangzhou","Status":"Running","Disks":[]}';
    // The root first: its server counts are ListInstances calls too, and the one answer below is for the region's load.
    await env.api.children();
    await adminCall(env, 'PUT', '/faults', {
      responses: [
        {
          action: 'ListInstances',
          body: `{"RequestId":"{RequestId}","TotalCount":600,"PageNumber":1,"PageSize":100,"Instances":[${one}]}`,
        },
      ],
    });
    env.api.services.explorer.setFilter('match-me');
    env.api.services.regions.clear();
    const roots = await env.api.children();
    const hz = roots.find((r) => r.description === 'cn-hangzhou');
    assert.ok(hz, 'no cn-hangzhou row');
    const rows = await env.api.children(hz.node);
    const kinds = rows.map((r) => r.kind);
    assert.ok(kinds.includes('instance'), JSON.stringify(rows.map((r) => [r.kind, r.label])));
    assert.ok(
      kinds.includes('loadMore'),
      `no Load more under a filter over a truncated region: ${JSON.stringify(rows.map((r) => [r.kind, r.label]))}`,
    );
  });
});
