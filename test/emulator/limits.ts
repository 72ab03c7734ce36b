// Flow control like the service: a table of limits per operation, counted per (regionId, API,
// account) — or per (API, account) across regions for the old pages — in a sliding window of the
// emulator's VIRTUAL clock (POST /clock/advance empties windows). Answers Throttling.User.
import { existsSync, readFileSync } from 'node:fs';
import { throttlingError } from './faults';

export interface LimitRule {
  calls: number;
  seconds: number;
}

export interface LimitTable {
  name: string;
  /**
   * `region`: counted per (regionId, API, account) — the dimension of the current quota table (A2).
   * `account`: per (API, account), all regions together — how the old pages read ("per account").
   */
  per: 'region' | 'account';
  operations: Record<string, LimitRule>;
  /** For operations not in `operations`; absent = not limited. */
  default?: LimitRule;
}

const TEN_A_MINUTE: LimitRule = { calls: 10, seconds: 60 };

/**
 * documented-2021: the old per-operation pages and QPS note (swas-api.md "Rate limits"; A2): 10
 * calls/minute per account for ListRegions, ListSnapshots, CreateSnapshot, CreateCustomImage (part 1)
 * and DeleteSnapshot, CreateInstances (named in A2). `--realistic-limits` is an alias.
 */
const DOCUMENTED_2021: LimitTable = {
  name: 'documented-2021',
  per: 'account',
  operations: Object.fromEntries(
    ['ListRegions', 'ListSnapshots', 'CreateSnapshot', 'DeleteSnapshot', 'CreateCustomImage', 'CreateInstances'].map((a) => [
      a,
      TEN_A_MINUTE,
    ]),
  ),
};

/**
 * quota-2025: the current SWAS quota table (A2, dimension regionId + API + ParentUid). The
 * operations it shows have their figure; every other operation gets the Jan-2024 QPS page's 10
 * calls/minute (GUESS: that page names ListInstances, StartInstance, StopInstance, RebootInstance,
 * ResetSystem, UpdateInstanceAttribute at 10/min; values for CreateSnapshot, CreateCustomImage,
 * ListInstances, ListCustomImages were not visible in the current table), counted per region
 * like the current table (GUESS).
 */
const QUOTA_2025: LimitTable = {
  name: 'quota-2025',
  per: 'region',
  operations: {
    ListRegions: { calls: 1000, seconds: 60 },
    ListSnapshots: { calls: 1000, seconds: 60 },
    ListDisks: { calls: 1000, seconds: 60 },
    UpdateSnapshotAttribute: { calls: 1000, seconds: 60 },
    ResetSystem: { calls: 1000, seconds: 60 },
    CreateFirewallRule: { calls: 100, seconds: 60 },
    RebootInstances: { calls: 100, seconds: 60 },
    AllocatePublicConnection: { calls: 50, seconds: 60 },
    ListInstancesTrafficPackages: { calls: 60, seconds: 60 },
  },
  default: TEN_A_MINUTE,
};

const NONE: LimitTable = { name: 'none', per: 'region', operations: {} };

export const LIMIT_PRESETS: Readonly<Record<string, LimitTable>> = {
  none: NONE,
  'documented-2021': DOCUMENTED_2021,
  'quota-2025': QUOTA_2025,
};

function rule(v: unknown, where: string): LimitRule {
  const o = (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined) as Record<string, unknown> | undefined;
  const calls = o?.calls;
  const seconds = o?.seconds;
  if (typeof calls !== 'number' || !Number.isInteger(calls) || calls < 0 || calls > 1_000_000)
    throw new Error(`${where}.calls must be an integer in [0, 1000000]`);
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400)
    throw new Error(`${where}.seconds must be a number in (0, 86400]`);
  return { calls, seconds };
}

/** Validates a limit table (the JSON file / admin body shape); throws Error with a readable message. */
export function parseLimitTable(body: unknown, fallbackName = 'custom'): LimitTable {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('a limit table must be a JSON object');
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b))
    if (!['name', 'per', 'operations', 'default'].includes(k)) throw new Error(`unknown field "${k}" in the limit table`);
  if (b.name !== undefined && typeof b.name !== 'string') throw new Error('name must be a string');
  const per = b.per ?? 'region';
  if (per !== 'region' && per !== 'account') throw new Error('per must be "region" or "account"');
  if (typeof b.operations !== 'object' || b.operations === null || Array.isArray(b.operations))
    throw new Error('operations must be an object { "<Action>": { "calls": N, "seconds": S } }');
  const operations: Record<string, LimitRule> = {};
  for (const [action, r] of Object.entries(b.operations as Record<string, unknown>)) operations[action] = rule(r, `operations.${action}`);
  const table: LimitTable = { name: (b.name as string | undefined) ?? fallbackName, per, operations };
  if (b.default !== undefined) table.default = rule(b.default, 'default');
  return table;
}

/** A preset name or the path of a JSON file with a limit table. */
export function resolveLimits(spec: string | LimitTable): LimitTable {
  if (typeof spec !== 'string') return parseLimitTable(spec, spec.name);
  const preset = LIMIT_PRESETS[spec];
  if (preset) return preset;
  if (!existsSync(spec))
    throw new Error(`--limits: "${spec}" is neither a preset (${Object.keys(LIMIT_PRESETS).join(', ')}) nor an existing JSON file`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(spec, 'utf8'));
  } catch (e) {
    throw new Error(`--limits: ${spec} is not valid JSON (${(e as Error).message})`);
  }
  return parseLimitTable(parsed, spec);
}

export class RateLimits {
  private table: LimitTable = NONE;
  private readonly windows = new Map<string, number[]>();

  constructor(initial?: LimitTable) {
    if (initial) this.table = initial;
  }

  set(table: LimitTable): void {
    this.table = table;
    this.windows.clear();
  }
  get(): LimitTable {
    return this.table;
  }
  /** Forgets every window (the virtual clock may have gone back after POST /reset). */
  reset(): void {
    this.windows.clear();
  }

  ruleFor(action: string): LimitRule | undefined {
    return this.table.operations[action] ?? this.table.default;
  }

  /** Counts the call or throws Throttling.User; throttled calls do not count. */
  check(accountId: string, regionId: string, action: string, nowMs: number): void {
    const r = this.ruleFor(action);
    if (!r) return;
    const key = this.table.per === 'region' ? `${accountId}\n${regionId}\n${action}` : `${accountId}\n${action}`;
    const windowMs = r.seconds * 1000;
    const recent = (this.windows.get(key) ?? []).filter((t) => t > nowMs - windowMs);
    if (recent.length >= r.calls) {
      this.windows.set(key, recent);
      throw throttlingError(Math.max(1, (recent[0] ?? nowMs) + windowMs - nowMs));
    }
    recent.push(nowMs);
    this.windows.set(key, recent);
  }
}
