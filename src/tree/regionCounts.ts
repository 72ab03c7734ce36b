// How many servers each region holds, for the root of the tree: regions with servers first, the
// others folded under "Other regions (N)". Found with one cheap call per region (ListInstances,
// PageSize 1: its TotalCount), all started together (one round trip), through the client's
// limiter. Cached per scope (profile + endpoint): a full Refresh forgets the active scope's counts,
// a profile switch reads the other profile's own. A count that failed is not cached and counts as
// "has servers": a region the client could not check is never folded away. Pure: no `vscode`.
import type { Region } from '../core/model';

export interface CountSource {
  /** Servers in a region (one ListInstances of page size 1, or the loaded data). */
  serverCount(regionId: string): Promise<number>;
}

export interface RegionGroups {
  /** Regions with servers (or whose count is unknown), in the order the API lists them. */
  withServers: Region[];
  /** Regions without servers, in the API's order. */
  empty: Region[];
}

export class RegionCounts {
  private readonly byScope = new Map<string, Map<string, number>>();

  constructor(private readonly source: () => CountSource) {}

  /** The cached count, or undefined when this scope has not counted the region yet. */
  known(scope: string, regionId: string): number | undefined {
    return this.byScope.get(scope)?.get(regionId);
  }

  /** True when every region's count is cached for the scope. */
  allKnown(scope: string, regionIds: readonly string[]): boolean {
    const m = this.byScope.get(scope);
    return !!m && regionIds.every((id) => m.has(id));
  }

  /** Counts the regions not cached yet, all in parallel; failures stay unknown. */
  async probe(scope: string, regionIds: readonly string[]): Promise<void> {
    const missing = regionIds.filter((id) => this.known(scope, id) === undefined);
    if (missing.length === 0) return;
    const source = this.source();
    const results = await Promise.allSettled(missing.map((id) => source.serverCount(id)));
    let m = this.byScope.get(scope);
    if (!m) this.byScope.set(scope, (m = new Map()));
    results.forEach((r, i) => {
      const id = missing[i];
      if (id !== undefined && r.status === 'fulfilled') m.set(id, r.value);
    });
  }

  /** A count learnt otherwise (a region's load). */
  set(scope: string, regionId: string, servers: number): void {
    let m = this.byScope.get(scope);
    if (!m) this.byScope.set(scope, (m = new Map()));
    m.set(regionId, servers);
  }

  /** A full Refresh: the scope's regions are counted again. */
  forget(scope: string): void {
    this.byScope.delete(scope);
  }

  /** Splits the regions by their cached counts (unknown counts go with the servers). */
  group(scope: string, regions: readonly Region[]): RegionGroups {
    const withServers: Region[] = [];
    const empty: Region[] = [];
    for (const r of regions) (this.known(scope, r.regionId) === 0 ? empty : withServers).push(r);
    return { withServers, empty };
  }
}

export type RootPlan =
  { kind: 'flat'; regions: Region[] } | { kind: 'grouped'; withServers: Region[]; empty: Region[] } | { kind: 'allHidden' };

/**
 * What the root shows, given the counts cached for the scope: the regions the user chose
 * ("Select Regions…" or `swas.regions`) as chosen; with `swas.hideEmptyRegions` only those with
 * servers; otherwise those with servers first and the empty ones grouped (unless that would leave
 * one group empty: no region with servers, or none without).
 */
export function planRoot(
  counts: RegionCounts,
  scope: string,
  regions: readonly Region[],
  opts: { chosen: boolean; hideEmpty: boolean },
): RootPlan {
  const { withServers, empty } = counts.group(scope, regions);
  if (opts.hideEmpty) return withServers.length === 0 ? { kind: 'allHidden' } : { kind: 'flat', regions: withServers };
  if (opts.chosen || withServers.length === 0 || empty.length === 0) return { kind: 'flat', regions: [...regions] };
  return { kind: 'grouped', withServers, empty };
}
