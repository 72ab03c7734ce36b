// SWAS: Filter Servers… — by name, ID, IP or status, across all shown regions.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { orCancel } from './runner';

export async function filter(services: Services, text?: unknown): Promise<void> {
  const value =
    typeof text === 'string'
      ? text
      : orCancel(
          await vscode.window.showInputBox({
            title: vscode.l10n.t('SWAS: Filter Servers'),
            prompt: vscode.l10n.t('Show servers whose name, ID, IP address or status contains this text (empty: show all)'),
            value: services.explorer.filter ?? '',
          }),
        );
  services.explorer.setFilter(value);
}
