import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageFirstPollSeconds, nextPollDelay } from '../../../src/tree/backoff';

test('polling starts at the configured interval and grows by half up to 60 s', () => {
  let d = nextPollDelay(undefined, 3);
  assert.equal(d, 3000);
  const seen = [d];
  for (let i = 0; i < 12; i++) seen.push((d = nextPollDelay(d, 3)));
  assert.deepEqual(seen.slice(0, 4), [3000, 4500, 6750, 10125]);
  assert.equal(Math.max(...seen), 60_000);
  assert.ok(seen.every((v, i) => i === 0 || v >= (seen[i - 1] ?? 0)));
});

test('creating images are first polled after 10 s (or the setting if larger), then ×1.5 up to 60 s', () => {
  assert.equal(imageFirstPollSeconds(3), 10);
  assert.equal(imageFirstPollSeconds(1), 10);
  assert.equal(imageFirstPollSeconds(30), 30);
  const seen: number[] = [];
  let d: number | undefined;
  for (let i = 0; i < 6; i++) seen.push((d = nextPollDelay(d, imageFirstPollSeconds(3))));
  assert.deepEqual(seen, [10_000, 15_000, 22_500, 33_750, 50_625, 60_000]);
});
