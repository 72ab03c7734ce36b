// Part 4, short: malformed ~/.aliyun/config.json files, invalid endpoint templates, malformed list
// and create responses. Each ends in a correct result or a clear SwasError; none crashes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSwasClient } from '../../../src/core/swasClient';
import { listShapeProblem } from '../../../src/core/convert';
import { toSwasError } from '../../../src/core/errorMapping';
import { configCases, endpointCases, responseCases } from '../../reliability/hostileInput';
import type { CaseResult } from '../../reliability/hostileInput';
import type { Lab } from '../../reliability/lab';
import { recordingLogger, startLab } from '../../reliability/lab';

function failures(results: CaseResult[]): string {
  return results
    .filter((r) => r.verdict !== 'handled')
    .map((r) => `${r.verdict} ${r.group}/${r.name}: ${r.detail}`)
    .join('\n');
}

describe('hostile input', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab({ seed: 'demo', imageSeconds: 0 });
  });
  after(() => lab.stop());

  it('parses 150 malformed and fuzzed ~/.aliyun/config.json files (and odd paths) into error codes or profiles, never throwing', async () => {
    const results = await configCases(120);
    assert.ok(results.length >= 140);
    assert.equal(failures(results), '');
  });

  it('answers every invalid endpoint template with Config.InvalidEndpoint or a transport code', async () => {
    const results = await endpointCases(lab);
    assert.equal(failures(results), '');
    assert.ok(results.filter((r) => r.detail === 'Config.InvalidEndpoint').length >= 10);
  });

  it('never presents a response without its list (or with id-less items) as a list, and never reports an image without its id', async () => {
    const results = await responseCases(lab);
    assert.equal(failures(results), '');
    const persistent = results.find((r) => r.name === 'instancesMissingNoTotal (every attempt)');
    assert.match(persistent?.detail ?? '', /^Transport\.BadResponse: .*no Instances list/);
  });

  it('retries a list response without its list and serves the real list, leaving nothing bad in the cache', async () => {
    await lab.clearRequests();
    await lab.faults({ responses: [{ action: 'ListInstances', body: '{"RequestId":"{RequestId}"}', times: 1 }] });
    const logger = recordingLogger();
    const api = createSwasClient({
      endpointTemplate: lab.em.endpoint,
      credentials: { getCredentials: () => Promise.resolve({ accessKeyId: lab.em.accessKeyId, accessKeySecret: lab.em.accessKeySecret }) },
      timeoutMs: 3000,
      logger,
      limiter: { rules: {} },
      retry: { baseDelayMs: 5, maxDelayMs: 10 },
    });
    const page = await api.listInstances('cn-hangzhou');
    assert.equal(page.items.length, 4);
    assert.deepEqual(
      logger.calls.map((c) => c.code ?? 'ok'),
      ['Transport.BadResponse', 'ok'],
    );
    assert.equal((await lab.requests('ListInstances')).length, 2);
    await lab.clearFaults();
  });

  it('judges list shapes: missing, explicit empty, wrapper, non-objects, id-less items', () => {
    assert.equal(listShapeProblem({ TotalCount: 0 }, 'Instances'), undefined);
    assert.equal(listShapeProblem({ TotalCount: 2 }, 'Instances'), 'no Instances list');
    assert.equal(listShapeProblem({}, 'Regions'), 'no Regions list');
    assert.equal(listShapeProblem({ Instances: { Instance: [{ InstanceId: 'a' }] } }, 'Instances', 'InstanceId'), undefined);
    assert.equal(listShapeProblem({ Instances: { a: 1, b: [] } }, 'Instances'), 'Instances is not a list');
    assert.equal(listShapeProblem({ Instances: [null] }, 'Instances'), 'an item of Instances is not an object');
    assert.equal(
      listShapeProblem({ Instances: [{ InstanceId: '' }] }, 'Instances', 'InstanceId'),
      'an item of Instances has no InstanceId',
    );
    assert.equal(listShapeProblem(null, 'Instances'), 'no Instances list');
  });

  it('maps pop-core failures on a null body and json-bigint stack overflows to Transport.BadResponse', () => {
    assert.equal(toSwasError(new TypeError("Cannot read properties of null (reading 'Code')")).code, 'Transport.BadResponse');
    assert.equal(toSwasError(new RangeError('Maximum call stack size exceeded')).code, 'Transport.BadResponse');
    assert.equal(toSwasError(new TypeError('x is not a function')).code, 'Transport.Failed');
  });
});
