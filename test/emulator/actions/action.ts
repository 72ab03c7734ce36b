// What one operation looks like to the server.
import type { Params } from '../params';
import type { Store } from '../state/store';
import type { Variants } from '../variants';

export interface ActionContext {
  store: Store;
  accountId: string;
  params: Params;
  /** Validated RegionId ('' for actions that need none). */
  regionId: string;
  now: number;
  /** The behaviour variants switched on (see variants.ts). */
  variants: Variants;
}

export interface ActionDef {
  name: string;
  needsRegion: boolean;
  /** Mutating actions honour ClientToken and trigger persistence. */
  mutating: boolean;
  /** Without RegionId, use the endpoint's region instead of MissingParameter (A9). */
  regionFromEndpoint?: boolean;
  run(ctx: ActionContext): Record<string, unknown>;
}
