// SWAS: Select Regions… — multi-select, stored per profile; an option hides empty regions.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { NotSignedInError } from '../tree/regionStore';
import { orCancel } from './runner';

export async function selectRegions(services: Services): Promise<void> {
  const profile = services.session.state?.profile;
  if (!profile || !services.api()) throw new NotSignedInError();
  const all = await services.regions.listRegions();
  const chosen = new Set(services.selection.chosen(profile) ?? all.map((r) => r.regionId));
  type Item = vscode.QuickPickItem & { regionId?: string; hideEmpty?: boolean };
  const hideEmpty: Item = {
    label: vscode.l10n.t('Hide regions without servers'),
    description: vscode.l10n.t('option'),
    iconPath: new vscode.ThemeIcon('eye-closed'),
    hideEmpty: true,
    picked: services.settings.read().hideEmptyRegions,
  };
  const regionItems: Item[] = all.map((r) => ({
    label: r.localName || r.regionId,
    description: r.regionId,
    regionId: r.regionId,
    picked: chosen.has(r.regionId),
  }));
  const items: Item[] = [hideEmpty, { label: vscode.l10n.t('Regions'), kind: vscode.QuickPickItemKind.Separator }, ...regionItems];
  const picked = orCancel(
    await services.prompts.pickMany(items, {
      title: vscode.l10n.t('SWAS: Select Regions'),
      placeHolder: vscode.l10n.t('Regions to show for profile "{0}" (none selected: all)', profile),
      matchOnDescription: true,
      ignoreFocusOut: true,
    }),
  );
  const ids = picked.map((p) => p.regionId).filter((id): id is string => id !== undefined);
  await services.selection.set(profile, ids.length === all.length ? undefined : ids);
  const wantHide = picked.some((p) => p.hideEmpty === true);
  if (wantHide !== services.settings.read().hideEmptyRegions) await services.settings.setHideEmptyRegions(wantHide);
  services.explorer.reset();
}
