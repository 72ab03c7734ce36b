// SWAS: Import Credentials… — copy keys from the environment (ALIBABA_CLOUD_ACCESS_KEY_*)
// or from an ~/.aliyun/config.json profile (modes AK and StsToken) into SecretStorage, on
// the user's confirmation. The source is only read, never written.
import * as vscode from 'vscode';
import type { AliyunConfigError, ProfileReason } from '../core/credentials/aliyunConfig';
import { defaultAliyunConfigPath, readAliyunConfig } from '../core/credentials/aliyunConfig';
import { readEnvCredentials } from '../core/credentials/envSource';
import type { Credentials } from '../core/model';
import type { Services } from '../services';
import { askProfileName, verifyAndSave } from './credentialFlow';
import { orCancel } from './runner';

interface Source {
  label: string;
  credentials: Credentials;
  suggestedName: string;
}

type Item = vscode.QuickPickItem & { source?: Source; reason?: string };

function reasonText(reason: ProfileReason | undefined, mode: string): string {
  switch (reason) {
    case 'Mode.RequiresRoleAssumption':
      return vscode.l10n.t('mode {0} needs a RAM role to be assumed', mode);
    case 'Mode.RequiresEcsMetadata':
      return vscode.l10n.t('mode {0} needs the ECS instance metadata service', mode);
    case 'Mode.RequiresKeyPairExchange':
      return vscode.l10n.t('mode {0} needs a key pair exchange', mode);
    case 'Mode.RequiresExternalProcess':
      return vscode.l10n.t('mode {0} runs an external program', mode);
    case 'Mode.RequiresCredentialsUri':
      return vscode.l10n.t('mode {0} fetches keys from a URI', mode);
    case 'Mode.RequiresOidc':
    case 'Mode.RequiresSso':
    case 'Mode.RequiresOAuth':
      return vscode.l10n.t('mode {0} needs an interactive sign-in', mode);
    case 'Profile.MissingAccessKey':
      return vscode.l10n.t('the profile has no AccessKey ID or secret');
    case 'Profile.MissingSecurityToken':
      return vscode.l10n.t('the profile has no STS token');
    case 'Profile.Malformed':
      return vscode.l10n.t('the profile is malformed');
    default:
      return vscode.l10n.t('mode "{0}" is not supported', mode);
  }
}

function configErrorText(error: AliyunConfigError): string {
  switch (error) {
    case 'AliyunConfig.InvalidJson':
      return vscode.l10n.t('the file is not valid JSON');
    case 'AliyunConfig.Empty':
      return vscode.l10n.t('the file is empty');
    case 'AliyunConfig.Unreadable':
      return vscode.l10n.t('the file cannot be read');
    default:
      return vscode.l10n.t('the file has no profiles');
  }
}

async function configItems(): Promise<Item[]> {
  const path = defaultAliyunConfigPath();
  const config = await readAliyunConfig(path);
  if (!config.ok) {
    if (config.error === 'AliyunConfig.NotFound') return [];
    return [
      { label: path, kind: vscode.QuickPickItemKind.Separator },
      {
        label: path,
        description: configErrorText(config.error),
        iconPath: new vscode.ThemeIcon('warning'),
        reason: configErrorText(config.error),
      },
    ];
  }
  const items: Item[] = [{ label: path, kind: vscode.QuickPickItemKind.Separator }];
  for (const p of config.profiles) {
    if (p.supported && p.credentials) {
      items.push({
        label: p.name,
        description: vscode.l10n.t('aliyun CLI profile, mode {0}', p.mode),
        iconPath: new vscode.ThemeIcon(p.current ? 'star-full' : 'file'),
        source: { label: vscode.l10n.t('aliyun CLI profile "{0}"', p.name), credentials: p.credentials, suggestedName: p.name },
      });
    } else {
      const reason = reasonText(p.reason, p.mode);
      items.push({
        label: p.name,
        description: vscode.l10n.t('not supported: {0}', reason),
        iconPath: new vscode.ThemeIcon('circle-slash'),
        reason,
      });
    }
  }
  return items;
}

export async function importCredentials(services: Services): Promise<boolean> {
  const title = vscode.l10n.t('SWAS: Import Credentials');
  const items: Item[] = [];
  const env = readEnvCredentials(process.env);
  if (env) {
    items.push({
      label: vscode.l10n.t('Environment variables'),
      description: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
      iconPath: new vscode.ThemeIcon('terminal'),
      source: { label: vscode.l10n.t('the environment variables'), credentials: env, suggestedName: 'default' },
    });
  }
  items.push(...(await configItems()));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No credentials found: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or create {0} with the aliyun CLI.',
        defaultAliyunConfigPath(),
      ),
    );
    return false;
  }
  const pick = orCancel(
    await vscode.window.showQuickPick(items, {
      title,
      placeHolder: vscode.l10n.t('Select the credentials to import'),
      ignoreFocusOut: true,
    }),
  );
  if (!pick.source) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Profile "{0}" cannot be imported: {1}.', pick.label, pick.reason ?? ''));
    return false;
  }
  const profile = await askProfileName(services, pick.source.suggestedName, title);
  const confirm = vscode.l10n.t('Import');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Copy the AccessKey from {0} into VS Code secret storage as profile "{1}"?', pick.source.label, profile),
    { modal: true, detail: vscode.l10n.t('The key is checked with one API call first. The source is not changed.') },
    confirm,
  );
  if (answer !== confirm) return false;
  return verifyAndSave(services, profile, pick.source.credentials);
}

const OFFER_DISMISSED = 'swas.environmentOfferDismissed';

/**
 * The environment-key offer lives in the signed-out welcome view (context key
 * `swas.environmentKeys`), not in a notification: it is gone as soon as the user is signed in,
 * whichever way, and "Don't Ask Again" hides it for good. A user action, never an automatic sign-in.
 */
export async function updateEnvironmentOffer(services: Services): Promise<void> {
  const offer =
    !services.session.signedIn &&
    readEnvCredentials(process.env) !== undefined &&
    services.context.globalState.get<boolean>(OFFER_DISMISSED) !== true;
  await vscode.commands.executeCommand('setContext', 'swas.environmentKeys', offer);
}

/** SWAS: Import Keys from the Environment — the welcome view's offer. */
export async function importEnvironmentCredentials(services: Services): Promise<boolean> {
  const env = readEnvCredentials(process.env);
  if (!env) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set in the environment of VS Code.'),
    );
    return false;
  }
  const existing = await services.credentials.listProfiles();
  const profile =
    existing.length === 0 ? 'default' : await askProfileName(services, 'environment', vscode.l10n.t('SWAS: Import Credentials'));
  return verifyAndSave(services, profile, env);
}

/** "Don't Ask Again" on the environment offer. */
export async function dismissEnvironmentOffer(services: Services): Promise<void> {
  await services.context.globalState.update(OFFER_DISMISSED, true);
  await updateEnvironmentOffer(services);
}
