// Parameter readers for operations: required values, paging, JSON-array ID lists, tags.
import { ApiError, invalidParameter, missingParameter } from './apiError';
import type { DiskType, TagRecord } from './types';

export type Params = Record<string, string>;

export function optional(p: Params, name: string): string | undefined {
  const v = p[name];
  return v === undefined || v === '' ? undefined : v;
}

export function required(p: Params, name: string): string {
  const v = optional(p, name);
  if (v === undefined) throw missingParameter(name);
  return v;
}

export interface Page {
  pageNumber: number;
  pageSize: number;
}

function positiveInt(p: Params, name: string, fallback: number, max: number): number {
  const raw = optional(p, name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw)) throw invalidParameter(name, 'it must be a positive integer');
  const n = Number(raw);
  if (n < 1 || n > max) throw invalidParameter(name, `it must be between 1 and ${max}`);
  return n;
}

export function page(p: Params): Page {
  return { pageNumber: positiveInt(p, 'PageNumber', 1, 1_000_000), pageSize: positiveInt(p, 'PageSize', 10, 100) };
}

export function paginate<T>(items: T[], pg: Page): T[] {
  const start = (pg.pageNumber - 1) * pg.pageSize;
  return items.slice(start, start + pg.pageSize);
}

/** A JSON-array string parameter such as InstanceIds=["a","b"]. */
export function jsonIds(p: Params, name: string, max: number): string[] | undefined {
  const raw = optional(p, name);
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter(name, 'it must be a JSON array of strings, e.g. ["id1","id2"]');
  }
  if (!Array.isArray(parsed) || !parsed.every((x): x is string => typeof x === 'string')) {
    throw invalidParameter(name, 'it must be a JSON array of strings');
  }
  if (parsed.length > max) throw invalidParameter(name, `at most ${max} values are allowed`);
  return parsed;
}

export function diskType(p: Params, name: string): DiskType | undefined {
  const raw = optional(p, name);
  if (raw === undefined) return undefined;
  const lower = raw.toLowerCase();
  if (lower === 'system') return 'System';
  if (lower === 'data') return 'Data';
  throw invalidParameter(name, 'it must be System or Data');
}

export function bool(p: Params, name: string): boolean | undefined {
  const raw = optional(p, name);
  if (raw === undefined) return undefined;
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  throw invalidParameter(name, 'it must be true or false');
}

const TAG_PARAM = /^Tag\.(\d+)\.(Key|Value)$/;

/** Tag.N.Key / Tag.N.Value (N = 1–20) with the documented key/value rules. */
export function tags(p: Params): TagRecord[] {
  const byIndex = new Map<number, { key?: string; value?: string }>();
  for (const [k, v] of Object.entries(p)) {
    const m = TAG_PARAM.exec(k);
    if (!m) {
      if (k.startsWith('Tag.')) throw invalidParameter(k, 'tags are sent as Tag.N.Key and Tag.N.Value');
      continue;
    }
    const n = Number(m[1]);
    if (n < 1 || n > 20) throw new ApiError(400, 'InvalidTagCount', 'At most 20 tags are allowed (Tag.1 to Tag.20).');
    const entry = byIndex.get(n) ?? {};
    if (m[2] === 'Key') entry.key = v;
    else entry.value = v;
    byIndex.set(n, entry);
  }
  const out: TagRecord[] = [];
  const seen = new Set<string>();
  for (const n of [...byIndex.keys()].sort((a, b) => a - b)) {
    const { key = '', value = '' } = byIndex.get(n) ?? {};
    if (!key || key.length > 64 || /https?:\/\//i.test(key) || /^(acs:|aliyun)/i.test(key)) {
      throw new ApiError(
        400,
        'InvalidTagKey.Malformed',
        `The tag key of Tag.${n} is not valid: 1-64 characters, no http:// or https://, not starting with acs: or aliyun.`,
      );
    }
    if (value.length > 64 || /https?:\/\//i.test(value)) {
      throw new ApiError(
        400,
        'InvalidTagValue.Malformed',
        `The tag value of Tag.${n} is not valid: at most 64 characters, no http:// or https://.`,
      );
    }
    if (seen.has(key)) throw new ApiError(400, 'Duplicate.TagKey', `The tag key "${key}" is given more than once.`);
    seen.add(key);
    out.push({ Key: key, Value: value });
  }
  return out;
}

export function matchesTags(have: TagRecord[], want: TagRecord[]): boolean {
  return want.every((w) => have.some((h) => h.Key === w.Key && (w.Value === '' || h.Value === w.Value)));
}

export function resourceGroupId(p: Params): string | undefined {
  const v = optional(p, 'ResourceGroupId');
  if (v !== undefined && !/^rg-[a-z0-9]{1,60}$/.test(v)) {
    throw new ApiError(
      400,
      'InvalidResourceGroupId.Malformed',
      'The specified ResourceGroupId is not valid (expected rg- followed by lowercase letters and digits).',
    );
  }
  return v;
}
