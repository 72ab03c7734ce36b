// The Activity view: its tree, its commands' target rows, resuming unfinished operations once
// the session is known, and a slow ticker that times out operations nobody hears from.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ActivityProvider } from './activityProvider';

export function registerActivityView(context: vscode.ExtensionContext, services: Services, ready: Promise<void>): ActivityProvider {
  const provider = new ActivityProvider(services.activity);
  const view = vscode.window.createTreeView('swas.activity', { treeDataProvider: provider });
  const timeouts = setInterval(() => services.serverOps.tickAll(), 15_000);
  const resume = (): void => {
    if (services.api()) void services.serverOps.resume().catch((e: unknown) => services.logger.warn(`Activity: resume failed: ${String(e)}`));
  };
  context.subscriptions.push(provider, view, { dispose: () => clearInterval(timeouts) }, services.session.onDidChange(resume));
  void ready.then(resume);
  return provider;
}
