// The emulator's canned `responses` fault (added for the hostile-input campaign): validated by
// PUT /faults, served instead of the action for the matching action, consumed `times` times.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Lab } from '../../reliability/lab';
import { startLab } from '../../reliability/lab';
import { parseFaultConfig } from '../../emulator/faults';
import { signedFetch } from './signedFetch';

describe('emulator canned responses', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ seed: 'demo' });
  });
  after(() => lab.stop());

  it('rejects malformed entries with a readable message', () => {
    assert.throws(() => parseFaultConfig({ responses: {} }), /responses must be an array/);
    assert.throws(() => parseFaultConfig({ responses: [{ body: 1 }] }), /responses\[0\]\.body must be a string/);
    assert.throws(() => parseFaultConfig({ responses: [{ body: '', status: 42 }] }), /responses\[0\]\.status/);
    assert.deepEqual(parseFaultConfig({ responses: [{ body: 'x' }] }).responses, [{ body: 'x', action: undefined, status: 200, times: 1 }]);
  });

  it('serves the body (RequestId substituted) for the matching action only, then the real action again', async () => {
    await lab.faults({ responses: [{ action: 'ListInstances', body: '{"RequestId":"{RequestId}","Odd":true}', status: 299, times: 2 }] });
    const regions = await signedFetch(lab, 'ListRegions', {});
    assert.equal(regions.status, 200);
    assert.ok(Array.isArray((regions.json as { Regions?: unknown }).Regions));
    for (let i = 0; i < 2; i++) {
      const r = await signedFetch(lab, 'ListInstances', { RegionId: 'cn-hangzhou' });
      assert.equal(r.status, 299);
      const body = r.json as { RequestId: string; Odd: boolean };
      assert.equal(body.Odd, true);
      assert.match(body.RequestId, /^[0-9A-F-]{36}$/);
    }
    const real = await signedFetch(lab, 'ListInstances', { RegionId: 'cn-hangzhou' });
    assert.equal((real.json as { TotalCount: number }).TotalCount, 4);
    const log = await lab.requests('ListInstances');
    assert.deepEqual(
      log.slice(-3).map((e) => e.code),
      ['CannedResponse', 'CannedResponse', ''],
    );
  });
});
