// What the Create Custom Image panel needs from the rest of the extension. services.ts
// (the composition root) provides it; tests build it from the real core client + emulator.
// vscode-free on purpose.
import type { Logger } from '../core/logger';
import type { FormDraft } from '../protocol/createImageMessages';
import type { CreateCustomImageParams, CustomImage, Region, RegionData } from '../core/model';
import type { SwasApi } from '../core/swasApi';

export interface CreateImageTarget {
  regionId: string;
  instanceId: string;
  /** Chosen by right-clicking an accomplished system-disk snapshot. */
  snapshotId?: string;
}

export interface Unsubscribe {
  dispose(): void;
}

/** What "Create Snapshot…" returns: the snapshot it requested, settled or still progressing. */
export interface RequestedSnapshot {
  snapshotId: string;
  status: string;
}

export interface CreateImageDeps {
  /** The signed-in API client, or undefined when signed out. */
  getApi(): SwasApi | undefined;
  /** The active profile's name, or undefined when signed out. */
  profile(): string | undefined;
  /** Servers, snapshots (by server), images and quota of a region; from the cache unless `fresh`. */
  loadRegion(regionId: string, opts?: { fresh?: boolean; signal?: AbortSignal }): Promise<RegionData>;
  /** For the region's display name (LocalName). */
  listRegions(): Promise<Region[]>;
  logger: Logger;
  /** Select the image's node in the explorer tree. */
  revealImage(regionId: string, imageId: string): Promise<void>;
  /** Re-read the region's Custom Images (after an error that says the form's lists were stale). */
  refreshImages(regionId: string): void;
  /**
   * The region as the tree has it loaded, without a call (the name check reads its images, the
   * snapshot wait reads its snapshots).
   */
  cachedRegion(regionId: string): RegionData | undefined;
  /**
   * Calls `listener` whenever the tree's data of a region changes (a load, or the transition
   * poller's update of one item). No call is made: the form follows the tree instead of polling.
   */
  watchRegion(regionId: string, listener: () => void): Unsubscribe;
  /**
   * A create succeeded: put the image (creating) into the tree's cached region and redraw only
   * its Custom Images node, which then polls it; no list call. Without it, refreshImages.
   */
  imageCreated?(regionId: string, image: CustomImage): void;
  /**
   * Run the Create Snapshot command for the server's system disk; resolves with the snapshot it
   * requested (settled, or still progressing when the user stopped following it), or undefined
   * when cancelled or failed (the command reported why).
   */
  createSnapshot(target: { regionId: string; instanceId: string; diskId: string }): Promise<RequestedSnapshot | undefined>;
  /** The Activity view (absent in tests that do not look at it). */
  activity?: FormActivity;
}

/** The Activity view's record of the form's submissions (one row per ClientToken). */
export interface FormActivity {
  /** A CreateCustomImage call is about to be sent; returns its row's ID. */
  imageSubmitting(params: CreateCustomImageParams, serverName: string): string;
  imageCreated(rowId: string, imageId: string, requestId: string): void;
  imageFailed(rowId: string, error: unknown): void;
  /** The form of this server closed (a snapshot it asked for and never used ends its row). */
  formClosed(regionId: string, instanceId: string): void;
}

/** Drafts by profile and server, kept while the extension runs so closing the panel loses nothing. */
export interface DraftStore {
  get(key: string): FormDraft | undefined;
  set(key: string, draft: FormDraft | undefined): void;
}

export function memoryDraftStore(): DraftStore {
  const m = new Map<string, FormDraft>();
  return {
    get: (k) => m.get(k),
    set: (k, d) => (d ? m.set(k, d) : m.delete(k)),
  };
}

/** One form (and one draft) per profile and server: account A's draft never opens for B. */
export function panelKey(profile: string, t: { regionId: string; instanceId: string }): string {
  return `${profile}/${t.regionId}/${t.instanceId}`;
}
