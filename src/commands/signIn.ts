// SWAS: Sign In… — one input in four steps (Back goes to the previous one): AccessKey ID, secret
// (password), optional STS token (password), profile name. Checked with one call, then saved.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { profileNameProblem, verifyAndSave } from './credentialFlow';
import { multiStepInput } from './multiStepInput';

const ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;

export async function signIn(services: Services): Promise<boolean> {
  const title = vscode.l10n.t('SWAS: Sign In');
  const existing = await services.credentials.listProfiles();
  const [accessKeyId = '', accessKeySecret = '', securityToken = '', profile = 'default'] = await multiStepInput(title, [
    {
      prompt: vscode.l10n.t('AccessKey ID'),
      placeHolder: vscode.l10n.t('AccessKey ID'),
      validate: (v) =>
        ID_PATTERN.test(v.trim()) ? undefined : vscode.l10n.t('Enter the AccessKey ID (letters, digits, ".", "_" or "-").'),
    },
    {
      prompt: vscode.l10n.t('AccessKey secret'),
      placeHolder: vscode.l10n.t('AccessKey secret'),
      password: true,
      validate: (v) => (v.trim() !== '' ? undefined : vscode.l10n.t('Enter the AccessKey secret.')),
    },
    {
      prompt: vscode.l10n.t('STS SecurityToken (optional: leave empty for a permanent AccessKey)'),
      placeHolder: vscode.l10n.t('STS SecurityToken (optional)'),
      password: true,
    },
    { prompt: vscode.l10n.t('Profile name'), value: 'default', validate: (v) => profileNameProblem(v, existing) },
  ]);
  return verifyAndSave(services, profile, { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) });
}
