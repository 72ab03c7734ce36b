// Says in the view why nothing happens while a call waits for the client's rate control (waits
// over ~2 s are announced by the limiter, with their end): "Waiting 12 s for the API's rate limit
// (ListSnapshots, cn-hangzhou)…" in TreeView.message, cleared when the last wait ends.
// No `vscode` here (unit-tested): the sentence comes from `format` (vscode.l10n.t in services.ts).
import type { WaitEvent } from '../core/limiter';

export class RateLimitNotice {
  /** Active waits by operation and region: how many, and when the longest should end. */
  private readonly waits = new Map<string, { action: string; regionId: string; count: number; until: number }>();

  constructor(
    private readonly show: (message: string | undefined) => void,
    private readonly format: (seconds: number, action: string, regionId: string) => string,
    private readonly now: () => number = Date.now,
  ) {}

  update(e: WaitEvent): void {
    const key = `${e.action}\u0000${e.regionId}`;
    const w = this.waits.get(key);
    if (e.waitMs > 0) {
      const until = this.now() + e.waitMs;
      if (w) {
        w.count++;
        w.until = Math.max(w.until, until);
      } else this.waits.set(key, { action: e.action, regionId: e.regionId, count: 1, until });
    } else if (w && --w.count <= 0) this.waits.delete(key);
    this.show(this.message());
  }

  message(): string | undefined {
    let longest: { action: string; regionId: string; until: number } | undefined;
    for (const w of this.waits.values()) if (!longest || w.until > longest.until) longest = w;
    if (!longest) return undefined;
    const seconds = Math.max(1, Math.ceil((longest.until - this.now()) / 1000));
    return this.format(seconds, longest.action, longest.regionId);
  }
}
