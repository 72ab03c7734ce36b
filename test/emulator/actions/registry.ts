// Action name → operation. One file per operation beside this one.
import type { ActionDef } from './action';
import { describeCloudAssistantStatus, describeInvocationResult, describeInvocations, runCommand } from './cloudAssistant';
import { createCustomImage } from './createCustomImage';
import { createSnapshot } from './createSnapshot';
import { deleteCustomImage, deleteCustomImages } from './deleteCustomImage';
import { deleteSnapshot, deleteSnapshots } from './deleteSnapshot';
import {
  createFirewallRule,
  createFirewallRules,
  deleteFirewallRule,
  deleteFirewallRules,
  disableFirewallRule,
  enableFirewallRule,
  listFirewallRules,
  modifyFirewallRule,
} from './firewallRules';
import { attachKeyPair, createKeyPair, deleteKeyPairs, detachKeyPair, importKeyPair, listKeyPairs } from './keyPairs';
import { loginInstance } from './loginInstance';
import { listCustomImages } from './listCustomImages';
import { listDisks } from './listDisks';
import { listImages } from './listImages';
import { listInstanceStatus } from './listInstanceStatus';
import { listInstances } from './listInstances';
import { listRegions } from './listRegions';
import { listSnapshots } from './listSnapshots';
import { modifyImageShareStatus } from './modifyImageShareStatus';
import { updateSnapshotAttribute } from './updateSnapshotAttribute';
// ── server lifecycle (Start/Stop/Reboot, rename, ResetSystem) ──
import { rebootInstance, rebootInstances } from './rebootInstance';
import { resetSystem } from './resetSystem';
import { startInstance, startInstances } from './startInstance';
import { stopInstance, stopInstances } from './stopInstance';
import { updateInstanceAttribute } from './updateInstanceAttribute';
const LIFECYCLE: ActionDef[] = [
  startInstance,
  startInstances,
  stopInstance,
  stopInstances,
  rebootInstance,
  rebootInstances,
  updateInstanceAttribute,
  resetSystem,
];

const ALL: ActionDef[] = [
  listRegions,
  listInstances,
  listInstanceStatus,
  listDisks,
  listSnapshots,
  createSnapshot,
  deleteSnapshot,
  deleteSnapshots,
  updateSnapshotAttribute,
  listCustomImages,
  createCustomImage,
  deleteCustomImage,
  deleteCustomImages,
  modifyImageShareStatus,
  listImages,
  // Remote access (issue 12): firewall, Cloud Assistant, Workbench.
  listFirewallRules,
  createFirewallRule,
  createFirewallRules,
  modifyFirewallRule,
  enableFirewallRule,
  disableFirewallRule,
  deleteFirewallRule,
  deleteFirewallRules,
  runCommand,
  describeInvocationResult,
  describeInvocations,
  describeCloudAssistantStatus,
  loginInstance,
  importKeyPair,
  createKeyPair,
  listKeyPairs,
  attachKeyPair,
  detachKeyPair,
  deleteKeyPairs,
  ...LIFECYCLE,
];

const BY_NAME = new Map(ALL.map((a) => [a.name, a]));

export function findAction(name: string): ActionDef | undefined {
  return BY_NAME.get(name);
}

export function actionNames(): string[] {
  return [...BY_NAME.keys()];
}
