// SWAS: Copy Public IP — of a server.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveInstance } from './targets';

export async function copyPublicIp(services: Services, node?: unknown): Promise<string | undefined> {
  const instance = await resolveInstance(services, node, vscode.l10n.t('SWAS: Copy Public IP'), (i) => i.publicIpAddress !== '');
  if (!instance.publicIpAddress) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Server "{0}" has no public IP address.', instance.instanceName));
    return undefined;
  }
  await vscode.env.clipboard.writeText(instance.publicIpAddress);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', instance.publicIpAddress), 3000);
  return instance.publicIpAddress;
}
