// Shared by Sign In and Import Credentials: name the profile, check the keys with one
// signed call, and save them only if the check passed.
import * as vscode from 'vscode';
import type { Credentials } from '../core/model';
import { verifyCredentials } from '../core/verifyCredentials';
import { PROFILE_NAME_PATTERN } from '../platform/credentialStore';
import { describeError } from '../platform/errorMessages';
import type { Services } from '../services';
import { orCancel } from './runner';

/** Checks a profile name: an error when it is not a valid name, a warning when it replaces one. */
export function profileNameProblem(v: string, existing: readonly string[]): string | vscode.InputBoxValidationMessage | undefined {
  const t = v.trim();
  if (!PROFILE_NAME_PATTERN.test(t)) {
    return vscode.l10n.t('Use 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit.');
  }
  if (existing.includes(t)) {
    return {
      message: vscode.l10n.t('A profile named "{0}" exists and will be replaced.', t),
      severity: vscode.InputBoxValidationSeverity.Warning,
    };
  }
  return undefined;
}

export async function askProfileName(services: Services, value: string, title: string): Promise<string> {
  const existing = await services.credentials.listProfiles();
  const name = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Profile name'),
    value,
    ignoreFocusOut: true,
    validateInput: (v) => profileNameProblem(v, existing),
  });
  return orCancel(name).trim();
}

/** Verifies, then saves and activates. Nothing is saved when the check fails. */
export async function verifyAndSave(services: Services, profile: string, credentials: Credentials): Promise<boolean> {
  const s = services.settings.read();
  try {
    await services.trust.ensure(s.endpointTemplate, { askAgain: true });
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the AccessKey…') },
      () => verifyCredentials(credentials, s.endpointTemplate, s.timeoutMs, services.logger),
    );
  } catch (e) {
    const message = vscode.l10n.t('Sign-in failed: {0} Nothing was saved.', describeError(e));
    services.logger.warn(`Sign-in check for profile ${profile} failed: ${describeError(e)}`);
    void vscode.window.showErrorMessage(message);
    return false;
  }
  await services.credentials.saveProfile(profile, credentials);
  await services.session.reload();
  services.logger.info(`Saved profile ${profile}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to SWAS with profile "{0}".', profile));
  return true;
}
