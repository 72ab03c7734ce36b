import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wireParams } from '../../../src/core/popTransport';

test('undefined and null parameters are never sent', () => {
  assert.deepStrictEqual(wireParams({ RegionId: 'r', InstanceId: undefined, Description: null }), { RegionId: 'r' });
});

test('ID lists become one JSON-array string, not X.1/X.2', () => {
  assert.deepStrictEqual(wireParams({ InstanceIds: ['a', 'b'] }), { InstanceIds: '["a","b"]' });
  assert.deepStrictEqual(wireParams({ InstanceIds: [] }), {});
});

test('tags flatten to Tag.N.Key / Tag.N.Value from 1; numbers and booleans become strings', () => {
  assert.deepStrictEqual(
    wireParams({
      Tag: [
        { Key: 'env', Value: 'prod' },
        { Key: 'team', Value: '' },
      ],
      PageSize: 100,
      Share: false,
    }),
    {
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
      'Tag.2.Key': 'team',
      'Tag.2.Value': '',
      PageSize: '100',
      Share: 'false',
    },
  );
});
