import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesFilter, normalizeFilter } from '../../../src/tree/filter';

const server = {
  instanceName: 'web-prod-1',
  instanceId: 'ab12cd34ef',
  publicIpAddress: '47.96.10.2',
  innerIpAddress: '172.16.0.5',
  status: 'Running' as const,
};

test('an empty or blank filter matches every server', () => {
  assert.equal(matchesFilter(server, undefined), true);
  assert.equal(matchesFilter(server, '   '), true);
  assert.equal(normalizeFilter('  '), undefined);
});

test('the filter matches name, ID, IP and status, case-insensitively', () => {
  assert.equal(matchesFilter(server, 'WEB-PROD'), true);
  assert.equal(matchesFilter(server, 'cd34'), true);
  assert.equal(matchesFilter(server, '47.96'), true);
  assert.equal(matchesFilter(server, '172.16'), true);
  assert.equal(matchesFilter(server, 'running'), true);
  assert.equal(matchesFilter(server, 'stopped'), false);
});

test('the localized status also matches, and several words must all match', () => {
  assert.equal(matchesFilter(server, '运行', '运行中'), true);
  assert.equal(matchesFilter(server, 'web running'), true);
  assert.equal(matchesFilter(server, 'web stopped'), false);
});
