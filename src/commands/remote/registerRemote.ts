// The remote-access commands (Connect, Run Command, Workbench, Firewall) and the run report documents.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import type { CommandHandler } from '../runner';
import { addFirewallRule } from '../firewall/addFirewallRule';
import { deleteFirewallRules } from '../firewall/deleteFirewallRules';
import { editFirewallRule } from '../firewall/editFirewallRule';
import { setFirewallRuleEnabled } from '../firewall/setFirewallRuleEnabled';
import { connectRemote, openSshTerminal, openWorkbench } from './connect';
import { runCommandOnServers, runFileOnServer, runSelectionOnServer } from './runCommands';
import { RUN_SCHEME, RunReportDocuments } from './runReportDocuments';

export function registerRemoteCommands(
  context: vscode.ExtensionContext,
  services: Services,
  register: (id: string, handler: CommandHandler) => void,
): void {
  const reports = new RunReportDocuments();
  context.subscriptions.push(reports, vscode.workspace.registerTextDocumentContentProvider(RUN_SCHEME, reports));
  register('swas.openSshTerminal', (node) => openSshTerminal(services, node));
  register('swas.connectNewWindow', (node) => connectRemote(services, node, 'new'));
  register('swas.connectCurrentWindow', (node) => connectRemote(services, node, 'current'));
  register('swas.openWorkbench', (node) => openWorkbench(services, node));
  register('swas.runCommand', (node, nodes) => runCommandOnServers(services, reports, node, nodes));
  register('swas.runSelectionOnServer', () => runSelectionOnServer(services, reports));
  register('swas.runFileOnServer', (uri) => runFileOnServer(services, reports, uri));
  register('swas.addFirewallRule', (node) => addFirewallRule(services, node));
  register('swas.editFirewallRule', (node) => editFirewallRule(services, node));
  register('swas.enableFirewallRule', (node, nodes) => setFirewallRuleEnabled(services, true, node, nodes));
  register('swas.disableFirewallRule', (node, nodes) => setFirewallRuleEnabled(services, false, node, nodes));
  register('swas.deleteFirewallRule', (node, nodes) => deleteFirewallRules(services, node, nodes));
}
