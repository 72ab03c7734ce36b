// Which regions the tree shows: the active profile's own choice ("Select Regions…", kept in
// globalState — region IDs only, nothing secret), else the `swas.regions` setting, else all.
import type * as vscode from 'vscode';
import type { Region } from '../core/model';

const KEY = 'swas.selectedRegions';

export class RegionSelection {
  constructor(
    private readonly state: vscode.Memento,
    private readonly settingRegions: () => string[],
  ) {}

  /** The chosen region IDs, or undefined for "all regions". */
  chosen(profile: string | undefined): string[] | undefined {
    const all = this.state.get<Record<string, string[]>>(KEY, {});
    const own = profile ? all[profile] : undefined;
    if (own && own.length > 0) return own;
    const fromSetting = this.settingRegions();
    return fromSetting.length > 0 ? fromSetting : undefined;
  }

  apply(regions: Region[], profile: string | undefined): Region[] {
    const chosen = this.chosen(profile);
    if (!chosen) return regions;
    const set = new Set(chosen);
    return regions.filter((r) => set.has(r.regionId));
  }

  async set(profile: string, regionIds: string[] | undefined): Promise<void> {
    const all = { ...this.state.get<Record<string, string[]>>(KEY, {}) };
    if (regionIds && regionIds.length > 0) all[profile] = regionIds;
    else delete all[profile];
    await this.state.update(KEY, all);
  }
}
