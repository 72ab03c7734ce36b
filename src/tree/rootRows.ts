// The root of the SWAS tree: the region nodes (kept by id, reused across redraws) and, unless the
// user chose the regions, the regions with servers first and the empty ones folded under "Other
// regions (N)" (server counts: RegionCounts, cached per profile). Until the counts are known the
// view shows its progress bar (one round trip); when they would wait for the rate limit, the
// regions are shown unfolded at once and the root is redrawn folded once they are counted.
import * as vscode from 'vscode';
import type { Region } from '../core/model';
import type { SwasApi } from '../core/swasApi';
import type { ExplorerNode, TreeContext } from './explorerNode';
import { MessageNode } from './messageNode';
import { OtherRegionsNode } from './otherRegionsNode';
import { planRoot, RegionCounts } from './regionCounts';
import { RegionNode } from './regionNode';
import type { RegionSelection } from './regionSelection';
import type { RegionStore } from './regionStore';

export interface RootDeps {
  api(): SwasApi | undefined;
  profile(): string | undefined;
  store: RegionStore;
  selection: RegionSelection;
  hideEmptyRegions(): boolean;
  /** Whose cached server counts apply (profile + endpoint); the profile when absent. */
  countsScope?(): string | undefined;
  /** False when a call of this action would have to wait for the rate limiter. */
  canCallNow(action: string): boolean;
}

export class RootRows {
  readonly regionNodes = new Map<string, RegionNode>();
  /** Server counts per region, cached per profile. */
  private readonly counts: RegionCounts;
  private readonly otherRegions = new OtherRegionsNode();
  /** Bumped by every reset: a background count for an older root does not redraw it. */
  private generation = 0;

  constructor(
    private readonly deps: RootDeps,
    private readonly ctx: TreeContext,
    private readonly redraw: () => void,
  ) {
    this.counts = new RegionCounts(() => deps.store);
  }

  /** A full Refresh counts the servers again; a profile switch (`everything`) keeps each profile's counts. */
  reset(everything: boolean): void {
    this.generation++;
    if (!everything) this.counts.forget(this.scope());
    this.regionNodes.clear();
  }

  async children(): Promise<ExplorerNode[]> {
    if (!this.deps.api()) return [];
    const all = await this.deps.store.listRegions();
    const regions = this.deps.selection.apply(all, this.deps.profile());
    if (regions.length === 0) {
      // The chosen regions are none of this account's: say so, and how to choose others.
      return [
        new MessageNode(
          undefined,
          vscode.l10n.t('None of the selected regions is available to this profile. Run "Select Regions…" to choose others.'),
          'noSelectedRegion',
          'globe',
        ),
      ];
    }
    const scope = this.scope();
    const ids = regions.map((r) => r.regionId);
    const opts = { chosen: this.deps.selection.chosen(this.deps.profile()) !== undefined, hideEmpty: this.deps.hideEmptyRegions() };
    // Chosen regions need no counts; hidden or grouped ones do.
    if ((opts.hideEmpty || !opts.chosen) && !this.counts.allKnown(scope, ids)) {
      if (opts.hideEmpty || this.deps.canCallNow('ListInstances')) {
        // A short loading state (the view's progress bar) rather than a list that regroups.
        await this.counts.probe(scope, ids);
      } else {
        // The counts would wait for the rate limit: show the regions now, group them when counted.
        const gen = this.generation;
        void this.counts.probe(scope, ids).then(() => {
          if (gen === this.generation && this.counts.allKnown(scope, ids)) this.redraw();
        });
        return regions.map((r) => this.regionNode(r, undefined));
      }
    }
    const plan = planRoot(this.counts, scope, regions, opts);
    if (plan.kind === 'allHidden') {
      return [
        new MessageNode(
          undefined,
          vscode.l10n.t('None of the selected regions has servers, and regions without servers are hidden ("swas.hideEmptyRegions").'),
          'allEmptyHidden',
          'eye-closed',
        ),
      ];
    }
    if (plan.kind === 'flat') return plan.regions.map((r) => this.regionNode(r, undefined));
    this.otherRegions.regions = plan.empty.map((r) => this.regionNode(r, this.otherRegions));
    return [...plan.withServers.map((r) => this.regionNode(r, undefined)), this.otherRegions];
  }

  /**
   * A region was loaded: its count follows. A folded region that now has servers moves up to the
   * root at once; a region that lost its servers stays where it is until the next Refresh (rows
   * are not pulled away from under the user).
   */
  serversSeen(regionId: string, servers: number): void {
    const scope = this.scope();
    const before = this.counts.known(scope, regionId);
    if (before === undefined) return;
    this.counts.set(scope, regionId, servers);
    if (before === 0 && servers > 0 && this.otherRegions.regions.some((r) => r.regionId === regionId)) this.redraw();
  }

  /** The kept node of a region, under `parent` (the root or "Other regions"). */
  private regionNode(r: Region, parent: OtherRegionsNode | undefined): RegionNode {
    let n = this.regionNodes.get(r.regionId);
    if (n) n.region = r;
    else this.regionNodes.set(r.regionId, (n = new RegionNode(r, this.ctx)));
    n.parent = parent;
    return n;
  }

  /** Whose server counts the root uses: the profile and the endpoint. */
  private scope(): string {
    return this.deps.countsScope?.() ?? this.deps.profile() ?? '';
  }
}
