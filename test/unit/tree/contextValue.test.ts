import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  imageContext,
  imageState,
  instanceContext,
  instanceState,
  isTransitionalInstance,
  snapshotContext,
  snapshotState,
} from '../../../src/tree/contextValue';
import { diskType, instanceStatus, snapshotStatus } from '../../../src/core/enums';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function manifest(): unknown {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'esbuild.mjs'))) dir = dirname(dir);
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}
const pkg = manifest();

test('instance tokens name the state and add hasIp only when there is a public IP', () => {
  assert.equal(instanceContext({ status: 'Running', publicIpAddress: '47.1.2.3' }), 'instance running hasIp');
  assert.equal(instanceContext({ status: 'Stopped', publicIpAddress: '' }), 'instance stopped');
  assert.equal(instanceContext({ status: 'Disabled', publicIpAddress: ' ' }), 'instance disabled');
});

test('every transitional server status maps to "transitional"; unknown ones are "unknown" and still polled', () => {
  for (const s of ['Pending', 'Starting', 'Stopping', 'Resetting', 'Upgrading'] as const) assert.equal(instanceState(s), 'transitional', s);
  assert.equal(instanceState(instanceStatus('SomethingNew')), 'unknown');
  assert.equal(isTransitionalInstance({ status: instanceStatus('SomethingNew') }), true);
  assert.equal(instanceState(instanceStatus('running')), 'running');
});

test('snapshot tokens carry the disk kind and state, compared case-insensitively', () => {
  assert.equal(snapshotContext({ status: 'Accomplished', sourceDiskType: 'System' }), 'snapshot system accomplished');
  assert.equal(snapshotContext({ status: snapshotStatus('progressing'), sourceDiskType: diskType('data') }), 'snapshot data progressing');
  assert.equal(snapshotContext({ status: 'Failed', sourceDiskType: 'Data' }), 'snapshot data failed');
  assert.equal(snapshotState(snapshotStatus('ACCOMPLISHED')), 'accomplished');
});

test('image tokens map the API digit codes and the share flag', () => {
  assert.equal(imageContext({ status: '1', inShare: true }), 'image available shared');
  assert.equal(imageContext({ status: '4', inShare: false }), 'image creating unshared');
  assert.equal(imageState('0'), 'creating');
  assert.equal(imageState('2'), 'unavailable');
  assert.equal(imageState('3'), 'failed');
});

type MenuEntry = { command: string; when?: string };
const menus = (pkg as unknown as { contributes: { menus: Record<string, MenuEntry[]> } }).contributes.menus['view/item/context'] ?? [];
function shows(command: string, contextValue: string): boolean {
  return menus.some((m) => {
    if (m.command !== command) return false;
    const match = /viewItem =~ \/(.+)\/$/.exec(m.when ?? '');
    return match?.[1] !== undefined && new RegExp(match[1]).test(contextValue);
  });
}

test('the manifest menus offer Create Custom Image on servers and accomplished system snapshots only', () => {
  assert.equal(shows('swas.createCustomImage', instanceContext({ status: 'Running', publicIpAddress: '' })), true);
  assert.equal(shows('swas.createCustomImage', snapshotContext({ status: 'Accomplished', sourceDiskType: 'System' })), true);
  assert.equal(shows('swas.createCustomImage', snapshotContext({ status: 'Progressing', sourceDiskType: 'System' })), false);
  assert.equal(shows('swas.createCustomImage', snapshotContext({ status: 'Accomplished', sourceDiskType: 'Data' })), false);
});

test('the manifest menus hide Share on shared images, Unshare on unshared ones, Delete while creating', () => {
  assert.equal(shows('swas.shareImage', imageContext({ status: '1', inShare: false })), true);
  assert.equal(shows('swas.shareImage', imageContext({ status: '1', inShare: true })), false);
  assert.equal(shows('swas.unshareImage', imageContext({ status: '1', inShare: true })), true);
  assert.equal(shows('swas.unshareImage', imageContext({ status: '1', inShare: false })), false);
  assert.equal(shows('swas.deleteCustomImage', imageContext({ status: '4', inShare: false })), false);
  assert.equal(shows('swas.deleteCustomImage', imageContext({ status: '3', inShare: false })), true);
});

test('the manifest menus offer Copy Public IP only with an IP and Create Snapshot not on disabled servers', () => {
  assert.equal(shows('swas.copyPublicIp', instanceContext({ status: 'Running', publicIpAddress: '1.2.3.4' })), true);
  assert.equal(shows('swas.copyPublicIp', instanceContext({ status: 'Running', publicIpAddress: '' })), false);
  assert.equal(shows('swas.createSnapshot', instanceContext({ status: 'Disabled', publicIpAddress: '1.2.3.4' })), false);
  assert.equal(shows('swas.createSnapshot', instanceContext({ status: 'Stopped', publicIpAddress: '' })), true);
});
