// Rate limits like the service's: a table of calls per window and operation, counted per
// (region, operation, account) or per (operation, account) across regions; above it the call is
// answered 400 `Throttling.User` with `x-acs-retry-after` (ms until the oldest counted call leaves
// the window). Sliding window of real time; throttled calls are not counted.
//
// `--limits <preset|file.json>` and `PUT /limits {preset} | {table}` / `GET /limits` /
// `DELETE /limits` (admin). Presets (swas-api-2 A2):
//  - `documented-2021`: 10 calls / 60 s per account, all regions together, for the operations the
//    old per-operation pages name (ListRegions, ListSnapshots, CreateSnapshot, DeleteSnapshot,
//    CreateCustomImage, CreateInstances) [documented, older pages]; the others unlimited.
//  - `quota-2025`: per region, operation and main account [documented: the current quota table]:
//    ListRegions, ListSnapshots, ListDisks, UpdateSnapshotAttribute, ResetSystem 1000; CreateFirewallRule,
//    RebootInstances 100; AllocatePublicConnection 50; ListInstancesTrafficPackages 60. Operations the
//    table does not show [guess]: reads 500, writes 50 (deliberately below the client's own seeds,
//    so a client that trusted its seeds instead of the server's answer would be caught).
// A file has the same shape as a table: { name?, windowSeconds, scope: "region"|"account",
// limits: { Operation: calls }, default?: calls }.
import { readFileSync } from 'node:fs';
import { throttlingError } from './faults';

export interface LimitTable {
  name?: string;
  windowSeconds: number;
  scope: 'region' | 'account';
  limits: Record<string, number>;
  /** Calls per window for operations not in `limits`; absent = unlimited. */
  default?: number;
}

export const LIMIT_PRESETS: Record<string, LimitTable> = {
  'documented-2021': {
    name: 'documented-2021',
    windowSeconds: 60,
    scope: 'account',
    limits: { ListRegions: 10, ListSnapshots: 10, CreateSnapshot: 10, DeleteSnapshot: 10, CreateCustomImage: 10, CreateInstances: 10 },
  },
  'quota-2025': {
    name: 'quota-2025',
    windowSeconds: 60,
    scope: 'region',
    limits: {
      ListRegions: 1000, ListSnapshots: 1000, ListDisks: 1000, UpdateSnapshotAttribute: 1000, ResetSystem: 1000,
      CreateFirewallRule: 100, RebootInstances: 100, AllocatePublicConnection: 50, ListInstancesTrafficPackages: 60,
      // not in the table [guess]
      ListInstances: 500, ListInstanceStatus: 500, ListCustomImages: 500, ListImages: 500,
    },
    default: 50,
  },
};

function fail(message: string): never {
  throw new Error(`limits: ${message}`);
}

/** Checks a table (from a file or the admin API); throws a clear message. */
export function parseLimitTable(v: unknown): LimitTable {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('a table must be a JSON object');
  const o = v as Record<string, unknown>;
  const known = ['name', 'windowSeconds', 'scope', 'limits', 'default'];
  for (const k of Object.keys(o)) if (!known.includes(k)) fail(`unknown field "${k}" (known: ${known.join(', ')})`);
  const windowSeconds = o.windowSeconds;
  if (typeof windowSeconds !== 'number' || !(windowSeconds > 0) || windowSeconds > 86_400) fail('windowSeconds must be a number in (0, 86400]');
  if (o.scope !== 'region' && o.scope !== 'account') fail('scope must be "region" or "account"');
  const limits = o.limits;
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) fail('limits must be an object { Operation: calls }');
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(limits)) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) fail(`limits.${k} must be an integer ≥ 0`);
    out[k] = n;
  }
  if (o.default !== undefined && (typeof o.default !== 'number' || !Number.isInteger(o.default) || o.default < 0)) fail('default must be an integer ≥ 0');
  if (o.name !== undefined && typeof o.name !== 'string') fail('name must be a string');
  return { name: o.name as string | undefined, windowSeconds, scope: o.scope, limits: out, default: o.default as number | undefined };
}

/** A preset name or a JSON file path. */
export function loadLimits(spec: string): LimitTable {
  const preset = LIMIT_PRESETS[spec];
  if (preset) return preset;
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch {
    fail(`"${spec}" is neither a preset (${Object.keys(LIMIT_PRESETS).join(', ')}) nor a readable file`);
  }
  try {
    return parseLimitTable(JSON.parse(text));
  } catch (e) {
    fail(`${spec}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export class Limits {
  private table: LimitTable | undefined;
  private readonly windows = new Map<string, number[]>();

  constructor(table?: LimitTable) {
    this.table = table;
  }

  get(): LimitTable | null {
    return this.table ?? null;
  }

  /** Replaces the table and starts every window afresh. */
  set(table: LimitTable | undefined): void {
    this.table = table;
    this.windows.clear();
  }

  /** Throws Throttling.User when this call would exceed the table. */
  check(accountId: string, regionId: string, action: string, nowMs: number): void {
    const t = this.table;
    if (!t) return;
    const limit = t.limits[action] ?? t.default;
    if (limit === undefined) return;
    const windowMs = t.windowSeconds * 1000;
    const key = t.scope === 'region' ? `${accountId}\n${regionId}\n${action}` : `${accountId}\n${action}`;
    const recent = (this.windows.get(key) ?? []).filter((x) => x > nowMs - windowMs);
    if (recent.length >= limit) {
      this.windows.set(key, recent);
      throw throttlingError(Math.max(1, (recent[0] ?? nowMs) + windowMs - nowMs));
    }
    recent.push(nowMs);
    this.windows.set(key, recent);
  }
}
