// The server (and its Firewall node, when known) a firewall command acts on.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { FirewallNode } from '../../tree/firewall/firewallNode';
import { FirewallRuleNode } from '../../tree/firewall/firewallRuleNode';
import { InstanceNode } from '../../tree/instanceNode';
import { pickServer } from '../remote/pickServers';

export interface FirewallTarget {
  regionId: string;
  instanceId: string;
  name: string;
  node?: FirewallNode;
}

export async function firewallTarget(services: Services, arg: unknown, title: string): Promise<FirewallTarget> {
  if (arg instanceof FirewallRuleNode) arg = arg.firewall;
  if (arg instanceof FirewallNode) return { regionId: arg.regionId, instanceId: arg.instanceId, name: arg.instanceName, node: arg };
  if (arg instanceof InstanceNode) {
    const node = arg.firewall();
    return { regionId: node.regionId, instanceId: node.instanceId, name: node.instanceName, node };
  }
  const i = await pickServer(services, arg, title, () => true);
  return { regionId: i.regionId, instanceId: i.instanceId, name: i.instanceName || i.instanceId };
}

export function redraw(services: Services, t: FirewallTarget): void {
  if (t.node) services.explorer.changed(t.node);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Firewall of {0} updated', t.name), 3000);
}
