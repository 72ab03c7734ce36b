import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextPollDelay } from '../../../src/tree/backoff';

test('polling starts at the configured interval and grows by half up to 60 s', () => {
  let d = nextPollDelay(undefined, 3);
  assert.equal(d, 3000);
  const seen = [d];
  for (let i = 0; i < 12; i++) seen.push((d = nextPollDelay(d, 3)));
  assert.deepEqual(seen.slice(0, 4), [3000, 4500, 6750, 10125]);
  assert.equal(Math.max(...seen), 60_000);
  assert.ok(seen.every((v, i) => i === 0 || v >= (seen[i - 1] ?? 0)));
});
