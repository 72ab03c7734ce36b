// The explorer view's description (next to its title): the active profile, then the filter.
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { ExplorerNode } from './explorerNode';

export function viewDescription(profile: string | undefined, filter: string | undefined): string | undefined {
  const parts = [profile, filter ? vscode.l10n.t('Filter: {0}', filter) : undefined].filter(
    (p): p is string => p !== undefined && p !== '',
  );
  return parts.length ? parts.join(' · ') : undefined;
}

/** Keeps `view.description` and the `swas.filterActive` context key up to date. */
export function trackViewDescription(view: vscode.TreeView<ExplorerNode>, services: Services): vscode.Disposable {
  const update = (): void => {
    view.description = viewDescription(services.session.state?.profile, services.explorer.filter);
  };
  update();
  return vscode.Disposable.from(
    services.session.onDidChange(update),
    services.explorer.onDidChangeFilter((f) => {
      update();
      void vscode.commands.executeCommand('setContext', 'swas.filterActive', f !== undefined);
    }),
  );
}
