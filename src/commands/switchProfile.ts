// SWAS: Switch Profile… — pick another saved profile (or sign in with a new one).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { orCancel } from './runner';
import { signIn } from './signIn';

export async function switchProfile(services: Services): Promise<void> {
  const names = await services.credentials.listProfiles();
  const active = await services.credentials.getActiveName();
  type Item = vscode.QuickPickItem & { name?: string };
  const items: Item[] = names.map((name) => ({
    label: name,
    description: name === active ? vscode.l10n.t('active') : undefined,
    iconPath: new vscode.ThemeIcon(name === active ? 'check' : 'account'),
    name,
  }));
  items.push({ label: vscode.l10n.t('Sign in with another AccessKey…'), iconPath: new vscode.ThemeIcon('add') });
  const pick = orCancel(
    await services.prompts.pick(items, { title: vscode.l10n.t('SWAS: Switch Profile'), placeHolder: vscode.l10n.t('Select a profile') }),
  );
  if (!pick.name) {
    await signIn(services);
    return;
  }
  if (pick.name === active) return;
  await services.credentials.setActive(pick.name);
  await services.session.reload();
  void vscode.window.showInformationMessage(vscode.l10n.t('Now using SWAS profile "{0}".', pick.name));
}
