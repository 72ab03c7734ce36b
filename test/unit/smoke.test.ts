import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SwasError } from '../../src/core/errors';

test('SwasError keeps its code and marks transport codes', () => {
  const e = new SwasError({ code: 'Transport.Timeout', message: 'timed out', retryable: true });
  assert.equal(e.code, 'Transport.Timeout');
  assert.equal(e.isTransport, true);
});
