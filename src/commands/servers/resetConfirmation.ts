// The one gate before ResetSystem: a modal saying what is lost and what stays, then the
// server's name typed exactly. Nothing else (no argument, no webview message) can pass it.
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import { confirmationText, confirms } from '../../core/operations/resetRules';
import type { Services } from '../../services';

export async function confirmReset(services: Services, server: Instance, imageName: string): Promise<boolean> {
  const name = confirmationText(server);
  const go = vscode.l10n.t('Reset…');
  const detail = [
    vscode.l10n.t(
      'Lost: everything on the server\'s disks (system and data disk): files, databases, installed software and settings. The server gets a fresh copy of "{0}".',
      imageName,
    ),
    vscode.l10n.t('Kept: the server, its IP addresses, plan and snapshots. Earlier snapshots can no longer roll these disks back.'),
    vscode.l10n.t("The server's SSH host key changes. This cannot be undone."),
  ].join('\n\n');
  const answer = await services.prompts.confirm(vscode.l10n.t('Reset server "{0}" to image "{1}"?', name, imageName), detail, [go]);
  if (answer !== go) return false;
  const typed = await services.prompts.input({
    title: vscode.l10n.t('SWAS: Reset System'),
    prompt: vscode.l10n.t('Type the server name "{0}" to confirm that all data on its disks is erased.', name),
    placeHolder: name,
    ignoreFocusOut: true,
    validateInput: (v) => (v === '' || confirms(server, v) ? undefined : vscode.l10n.t('Type "{0}" exactly.', name)),
  });
  return confirms(server, typed);
}
