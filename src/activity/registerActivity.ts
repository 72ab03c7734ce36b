// The Activity view: its tree, its commands' target rows, resuming unfinished operations once
// the session is known, and a slow ticker that times out operations nobody hears from.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ActivityProvider } from './activityProvider';

const SERVER_KINDS: readonly string[] = ['start', 'stop', 'reboot', 'reset'];

export function registerActivityView(context: vscode.ExtensionContext, services: Services, ready: Promise<void>): ActivityProvider {
  const provider = new ActivityProvider(services.activity);
  const view = vscode.window.createTreeView('swas.activity', { treeDataProvider: provider });
  const timeouts = setInterval(() => {
    services.serverOps.tickAll();
    services.resourceOps.tickAll();
  }, 15_000);
  const warn = (e: unknown): void => services.logger.warn(`Activity: resume failed: ${String(e)}`);
  const resume = (): void => {
    if (!services.api()) return;
    const restored = services.activity.takeRestored();
    void services.serverOps.resume(restored.filter((e) => SERVER_KINDS.includes(e.kind))).catch(warn);
    void services.resourceOps.resume(restored.filter((e) => !SERVER_KINDS.includes(e.kind))).catch(warn);
  };
  context.subscriptions.push(provider, view, { dispose: () => clearInterval(timeouts) }, services.session.onDidChange(resume));
  void ready.then(resume);
  return provider;
}
