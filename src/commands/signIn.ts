// SWAS: Sign In… — AccessKey ID, secret (password box), optional STS token, profile name.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { askProfileName, verifyAndSave } from './credentialFlow';
import { orCancel } from './runner';

const ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;

export async function signIn(services: Services): Promise<boolean> {
  const title = vscode.l10n.t('SWAS: Sign In');
  const accessKeyId = orCancel(
    await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('AccessKey ID'),
      placeHolder: vscode.l10n.t('AccessKey ID'),
      ignoreFocusOut: true,
      validateInput: (v) => (ID_PATTERN.test(v.trim()) ? undefined : vscode.l10n.t('Enter the AccessKey ID (letters, digits, ".", "_" or "-").')),
    }),
  ).trim();
  const accessKeySecret = orCancel(
    await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('AccessKey secret'),
      placeHolder: vscode.l10n.t('AccessKey secret'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() !== '' ? undefined : vscode.l10n.t('Enter the AccessKey secret.')),
    }),
  ).trim();
  const securityToken = orCancel(
    await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('STS SecurityToken (optional: leave empty for a permanent AccessKey)'),
      placeHolder: vscode.l10n.t('STS SecurityToken (optional)'),
      password: true,
      ignoreFocusOut: true,
    }),
  ).trim();
  const profile = await askProfileName(services, 'default', title);
  return verifyAndSave(services, profile, { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) });
}
