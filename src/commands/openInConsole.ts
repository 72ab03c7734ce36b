// SWAS: Open in Console — the server's page in the Simple Application Server console.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveInstance } from './targets';

export const CONSOLE_URL = 'https://swas.console.aliyun.com/';

export function consoleUri(regionId: string, instanceId: string): vscode.Uri {
  return vscode.Uri.parse(`${CONSOLE_URL}#/server/${encodeURIComponent(instanceId)}/${encodeURIComponent(regionId)}/dashboard`);
}

export async function openInConsole(services: Services, node?: unknown): Promise<string> {
  const instance = await resolveInstance(services, node, vscode.l10n.t('SWAS: Open in Console'));
  const uri = consoleUri(instance.regionId, instance.instanceId);
  await vscode.env.openExternal(uri);
  return uri.toString(true);
}
