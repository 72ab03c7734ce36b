import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { buildCliCommand, shellQuote } from '../../../src/core/cliCommand';

test('builds the aliyun swas-open CreateCustomImage line with tags numbered from 1', () => {
  const line = buildCliCommand({
    regionId: 'cn-hangzhou',
    instanceId: 'i-abc',
    imageName: 'web-1',
    systemSnapshotId: 's-1',
    dataSnapshotId: 's-2',
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'team', value: '' },
    ],
  });
  assert.equal(
    line,
    "aliyun swas-open CreateCustomImage --RegionId cn-hangzhou --InstanceId i-abc --ImageName web-1 --SystemSnapshotId s-1 --DataSnapshotId s-2 --Tag.1.Key env --Tag.1.Value prod --Tag.2.Key team --Tag.2.Value ''",
  );
});

test('leaves out empty optional parameters and never contains credentials', () => {
  const line = buildCliCommand({ regionId: 'r', instanceId: 'i', imageName: 'n1', systemSnapshotId: 's', description: '', resourceGroupId: '' });
  assert.doesNotMatch(line, /Description|ResourceGroupId|AccessKey|ClientToken|SecurityToken/);
});

test('quotes a description with spaces and single quotes for the shell', () => {
  assert.equal(shellQuote("it's mine"), `'it'\\''s mine'`);
  assert.equal(shellQuote('$(rm -rf /)'), `'$(rm -rf /)'`);
});

test('property: the shell reads back every quoted word unchanged', () => {
  const words = fc.array(fc.string({ maxLength: 20 }).filter((s) => !s.includes('\0')), { minLength: 1, maxLength: 5 });
  fc.assert(
    fc.property(words, (ws) => {
      const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${ws.map(shellQuote).join(' ')}`]).toString();
      return JSON.stringify(out.split('\0').slice(0, -1)) === JSON.stringify(ws);
    }),
    { numRuns: 40 },
  );
});
