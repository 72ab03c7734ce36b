// SWAS: Open in Console — the server's page in the Simple Application Server console of the
// account's site: China (swas.console.aliyun.com) or international (swas.console.alibabacloud.com).
// Both sites use the same regions and API endpoints, so the API cannot tell which one an account
// belongs to: the `swas.consoleSite` setting says; `auto` follows the display language
// (Chinese → China site, otherwise international).
import * as vscode from 'vscode';
import type { ConsoleSite } from '../platform/settings';
import type { Services } from '../services';
import { resolveInstance } from './targets';

export const CONSOLE_URLS = {
  china: 'https://swas.console.aliyun.com/',
  international: 'https://swas.console.alibabacloud.com/',
} as const;

export function consoleBase(site: ConsoleSite, displayLanguage: string): string {
  const resolved = site === 'auto' ? (displayLanguage.toLowerCase().startsWith('zh') ? 'china' : 'international') : site;
  return CONSOLE_URLS[resolved];
}

export function consoleUri(regionId: string, instanceId: string, base: string = CONSOLE_URLS.china): vscode.Uri {
  return vscode.Uri.parse(`${base}#/server/${encodeURIComponent(instanceId)}/${encodeURIComponent(regionId)}/dashboard`);
}

export async function openInConsole(services: Services, node?: unknown): Promise<string> {
  const instance = await resolveInstance(services, node, vscode.l10n.t('SWAS: Open in Console'));
  const uri = consoleUri(instance.regionId, instance.instanceId, consoleBase(services.settings.read().consoleSite, vscode.env.language));
  await services.openExternal(uri);
  return uri.toString(true);
}
