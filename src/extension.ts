// Activation: build the services, show the tree, register the commands. No API call here:
// the first call happens when the view asks for its children.
import * as vscode from 'vscode';
import { registerActivityView } from './activity/registerActivity';
import { offerEnvironmentImport } from './commands/importCredentials';
import { registerCommands } from './commands/registry';
import type { Services } from './services';
import { createServices } from './services';
import type { ExplorerNode } from './tree/explorerNode';
import type { RowSnapshot } from './tree/treeSnapshot';
import { snapshotChildren } from './tree/treeSnapshot';

/**
 * Exported only when the extension runs for tests or development: the services can read the
 * stored credentials, and in production no other extension may reach them through `exports`.
 */
export interface SwasExplorerExports {
  /** For the integration tests: the composition root. */
  readonly services: Services;
  /** The rows under a node (root when omitted), as the view shows them. */
  children(node?: ExplorerNode): Promise<RowSnapshot[]>;
  /** Resolves once the active profile has been read from SecretStorage. */
  readonly ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): SwasExplorerExports | undefined {
  const started = performance.now();
  const services = createServices(context);
  const view = vscode.window.createTreeView('swas.explorer', { treeDataProvider: services.explorer, showCollapseAll: true, canSelectMany: true });
  services.explorer.attach(view);
  context.subscriptions.push(
    view,
    services.explorer.onDidChangeFilter((f) => {
      view.description = f ? vscode.l10n.t('Filter: {0}', f) : undefined;
      void vscode.commands.executeCommand('setContext', 'swas.filterActive', f !== undefined);
    }),
  );
  registerCommands(context, services);
  const ready = services.session.reload().then(() => void offerEnvironmentImport(services).catch((e: unknown) => services.logger.warn(String(e))));
  registerActivityView(context, services, ready);
  // Read by the bench (activation-ms): the synchronous cost of activate().
  services.logger.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
  return { services, children: (node) => snapshotChildren(services.explorer, node), ready };
}

export function deactivate(): void {}
