// What the Create Custom Image panel needs from the rest of the extension. services.ts
// (the composition root) provides it; tests build it from the real core client + emulator.
// vscode-free on purpose.
import type { Logger } from '../core/logger';
import type { FormDraft } from '../protocol/createImageMessages';
import type { CustomImage, Region, RegionData } from '../core/model';
import type { SwasApi } from '../core/swasApi';

export interface CreateImageTarget {
  regionId: string;
  instanceId: string;
  /** Chosen by right-clicking an accomplished system-disk snapshot. */
  snapshotId?: string;
}

export interface CreateImageDeps {
  /** The signed-in API client, or undefined when signed out. */
  getApi(): SwasApi | undefined;
  /** Servers, snapshots (by server), images and quota of a region; from the cache unless `fresh`. */
  loadRegion(regionId: string, opts?: { fresh?: boolean }): Promise<RegionData>;
  /** For the region's display name (LocalName). */
  listRegions(): Promise<Region[]>;
  logger: Logger;
  /** Select the image's node in the explorer tree. */
  revealImage(regionId: string, imageId: string): Promise<void>;
  /** Re-read the region's Custom Images (after an error that says the form's lists were stale). */
  refreshImages(regionId: string): void;
  /**
   * The region as the tree has it loaded, without a call (the name check reads its images).
   * Without it, the name check knows only the names the form was opened with.
   */
  cachedRegion?(regionId: string): RegionData | undefined;
  /**
   * A create succeeded: put the image (creating) into the tree's cached region and redraw only
   * its Custom Images node, which then polls it; no list call. Without it, refreshImages.
   */
  imageCreated?(regionId: string, image: CustomImage): void;
  /**
   * Run the Create Snapshot command for the server's system disk; resolves when the command
   * is done (true when a snapshot was requested, false when cancelled or failed).
   */
  createSnapshot(target: { regionId: string; instanceId: string; diskId: string }): Promise<boolean>;
}

/** Drafts by server, kept while the extension runs so closing the panel loses nothing. */
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

export function panelKey(t: { regionId: string; instanceId: string }): string {
  return `${t.regionId}/${t.instanceId}`;
}
