// What one operation looks like to the server.
import type { Params } from '../params';
import type { Store } from '../state/store';

export interface ActionContext {
  store: Store;
  accountId: string;
  params: Params;
  /** Validated RegionId ('' for actions that need none). */
  regionId: string;
  now: number;
}

export interface ActionDef {
  name: string;
  needsRegion: boolean;
  /** Mutating actions honour ClientToken and trigger persistence. */
  mutating: boolean;
  run(ctx: ActionContext): Record<string, unknown>;
}
