// SWAS: Run Command… (server nodes, one or several), Run Selection on Server…, Run File on Server…
// (editor context menu and palette). All three end in runScript's confirmation.
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import type { Services } from '../../services';
import { orCancel } from '../runner';
import { pickServers } from './pickServers';
import type { RunReportDocuments } from './runReportDocuments';
import { runScript } from './runScript';

const runnable = (i: Pick<Instance, 'status'>): boolean => i.status === 'Running';

export async function runCommandOnServers(
  services: Services,
  reports: RunReportDocuments,
  node?: unknown,
  nodes?: unknown,
): Promise<unknown> {
  const title = vscode.l10n.t('SWAS: Run Command');
  const servers = await pickServers(services, node, nodes, title, runnable);
  const script = orCancel(
    await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Command to run on {0} server(s)', servers.length),
      placeHolder: 'uptime',
      ignoreFocusOut: true,
    }),
  );
  return runScript(services, reports, servers, script, title);
}

export async function runSelectionOnServer(services: Services, reports: RunReportDocuments): Promise<unknown> {
  const title = vscode.l10n.t('SWAS: Run Selection on Server');
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select the lines to run.'));
    return undefined;
  }
  const text = editor.selections.map((s) => editor.document.getText(s)).join('\n');
  const script = text.trim() ? text : editor.document.getText(editor.document.lineAt(editor.selection.active.line).range);
  const servers = await pickServers(services, undefined, undefined, title, runnable);
  return runScript(services, reports, servers, script, title);
}

export async function runFileOnServer(services: Services, reports: RunReportDocuments, uri?: unknown): Promise<unknown> {
  const title = vscode.l10n.t('SWAS: Run File on Server');
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the script file to run.'));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  const servers = await pickServers(services, undefined, undefined, title, runnable);
  return runScript(services, reports, servers, doc.getText(), title);
}
