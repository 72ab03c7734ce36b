// SWAS: Sign Out — deletes the active profile's keys from SecretStorage.
import * as vscode from 'vscode';
import type { Services } from '../services';

export async function signOut(services: Services): Promise<void> {
  const active = await services.credentials.getActiveName();
  if (!active) {
    void vscode.window.showInformationMessage(vscode.l10n.t('You are not signed in to SWAS.'));
    return;
  }
  const next = await services.credentials.deleteProfile(active);
  await services.selection.set(active, undefined);
  await services.session.reload();
  services.logger.info(`Deleted profile ${active}`);
  void vscode.window.showInformationMessage(
    next
      ? vscode.l10n.t('Signed out of profile "{0}". Now using profile "{1}".', active, next)
      : vscode.l10n.t('Signed out of profile "{0}". Its keys were removed from secret storage.', active),
  );
}
