// Activation: build the services, show the tree, register the commands. No API call here:
// the first call happens when the view asks for its children.
import * as vscode from 'vscode';
import { registerActivityView } from './activity/registerActivity';
import { updateEnvironmentOffer } from './commands/importCredentials';
import { registerCommands } from './commands/registry';
import type { Services } from './services';
import { createServices } from './services';
import type { ExplorerNode } from './tree/explorerNode';
import type { RowSnapshot } from './tree/treeSnapshot';
import { snapshotChildren } from './tree/treeSnapshot';
import { trackViewDescription } from './tree/viewDescription';

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
  /** The explorer view (its description shows the profile and the filter). */
  readonly view: vscode.TreeView<ExplorerNode>;
}

export function activate(context: vscode.ExtensionContext): SwasExplorerExports | undefined {
  const started = performance.now();
  const services = createServices(context);
  const view = vscode.window.createTreeView('swas.explorer', {
    treeDataProvider: services.explorer,
    showCollapseAll: true,
    canSelectMany: true,
  });
  services.explorer.attach(view);
  context.subscriptions.push(view, trackViewDescription(view, services));
  registerCommands(context, services);
  const offer = (): void =>
    void updateEnvironmentOffer(services).catch((e: unknown) => services.logger.warn(`environment offer: ${String(e)}`));
  context.subscriptions.push(services.session.onDidChange(offer));
  // reloadSafely never rejects: a failure is logged and shown once, and the welcome view shows.
  const ready = services.session.reloadSafely().then(offer);
  registerActivityView(context, services, ready);
  // Read by the bench (activation-ms): the synchronous cost of activate().
  services.logger.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
  if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
  return { services, children: (node) => snapshotChildren(services.explorer, node), ready, view };
}

export function deactivate(): void {}
