// Short-lived cache of list results per (profile, region, call) plus de-duplication of identical
// requests in flight. `invalidate(region?)` drops the finished entries and detaches the in-flight
// ones (a request that started before a write or a refresh never feeds the cache, and later
// callers do not join it).

export interface CacheConfig {
  /** Default time to live for list results. */
  ttlMs: number;
  /** Per-action overrides (e.g. ListRegions, which changes almost never). */
  ttlByAction: Record<string, number>;
}

export const DEFAULT_CACHE_CONFIG: CacheConfig = {
  ttlMs: 20_000,
  ttlByAction: { ListRegions: 60 * 60_000 },
};

export interface CacheKey {
  profile: string;
  regionId: string;
  action: string;
  params: Record<string, unknown>;
}

interface Entry {
  value: unknown;
  expires: number;
}

interface Flight {
  promise: Promise<unknown>;
  generation: number;
}

export interface RequestCache {
  /**
   * Returns the cached value, or joins an identical request in flight, or runs `load`.
   * `fresh` skips finished entries (a user refresh) but still joins a request in flight that
   * started after the last invalidation.
   */
  get<T>(key: CacheKey, load: () => Promise<T>, fresh?: boolean): Promise<T>;
  /** Drops everything for a region (all profiles), or everything when no region is given. */
  invalidate(regionId?: string): void;
  readonly size: number;
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined && o[k] !== null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export function cacheKeyString(key: CacheKey): string {
  return `${key.profile}\u0000${key.regionId}\u0000${key.action}\u0000${stable(key.params)}`;
}

export function createRequestCache(config: Partial<CacheConfig> = {}, now: () => number = Date.now): RequestCache {
  const cfg = { ...DEFAULT_CACHE_CONFIG, ...config };
  const entries = new Map<string, Entry & { regionId: string }>();
  const flights = new Map<string, Flight & { regionId: string }>();
  const generations = new Map<string, number>();
  let globalGeneration = 0;

  const generationOf = (regionId: string): number => globalGeneration * 1_000_000 + (generations.get(regionId) ?? 0);

  return {
    get size() {
      return entries.size;
    },
    async get<T>(key: CacheKey, load: () => Promise<T>, fresh = false): Promise<T> {
      const k = cacheKeyString(key);
      const hit = entries.get(k);
      if (!fresh && hit && hit.expires > now()) return hit.value as T;
      const flight = flights.get(k);
      if (flight && flight.generation === generationOf(key.regionId)) return flight.promise as Promise<T>;
      const generation = generationOf(key.regionId);
      const promise = load();
      flights.set(k, { promise, generation, regionId: key.regionId });
      try {
        const value = await promise;
        if (generation === generationOf(key.regionId)) {
          const ttl = cfg.ttlByAction[key.action] ?? cfg.ttlMs;
          if (ttl > 0) entries.set(k, { value, expires: now() + ttl, regionId: key.regionId });
        }
        return value;
      } finally {
        if (flights.get(k)?.promise === promise) flights.delete(k);
      }
    },
    invalidate(regionId?: string) {
      if (regionId === undefined) {
        globalGeneration++;
        entries.clear();
        flights.clear();
        return;
      }
      generations.set(regionId, (generations.get(regionId) ?? 0) + 1);
      for (const [k, e] of entries) if (e.regionId === regionId) entries.delete(k);
      for (const [k, f] of flights) if (f.regionId === regionId) flights.delete(k);
    },
  };
}
