// Fault injection: scripted faults, random errors, throttling, latency. Deterministic with `seed`.
import { ApiError } from './apiError';

export const FAULT_KINDS = [
  'InternalError',
  'ServiceUnavailable',
  'Throttling.User',
  'ResetBefore',
  'ResetAfterCommit',
  'BadGateway',
  'Timeout',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface ScriptEntry {
  action?: string;
  kind: FaultKind;
  times?: number;
}

/**
 * A canned response (reliability tests: malformed bodies, missing/extra fields, 16+ digit numbers
 * that json-bigint turns into BigNumbers). Consumed like script entries; `{RequestId}` in the body
 * is replaced by the request's id. The action does not run.
 */
export interface ResponseEntry {
  action?: string;
  body: string;
  status?: number;
  times?: number;
}

export interface FaultConfig {
  latencyMs?: number;
  jitterMs?: number;
  errorRate?: number;
  kinds?: FaultKind[];
  actions?: string[];
  throttlePerMinute?: number;
  throttleActions?: string[];
  timeoutMs?: number;
  seed?: number;
  script?: ScriptEntry[];
  responses?: ResponseEntry[];
}

function isKind(v: unknown): v is FaultKind {
  return typeof v === 'string' && (FAULT_KINDS as readonly string[]).includes(v);
}
function num(v: unknown, name: string, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new Error(`${name} must be a number in [${min}, ${max}]`);
  return v;
}
function strings(v: unknown, name: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new Error(`${name} must be an array of strings`);
  return v as string[];
}

/** Validates an admin PUT /faults body; throws Error with a readable message. */
export function parseFaultConfig(body: unknown): FaultConfig {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('the body must be a JSON object');
  const b = body as Record<string, unknown>;
  const known = [
    'latencyMs',
    'jitterMs',
    'errorRate',
    'kinds',
    'actions',
    'throttlePerMinute',
    'throttleActions',
    'timeoutMs',
    'seed',
    'script',
    'responses',
  ];
  for (const k of Object.keys(b)) if (!known.includes(k)) throw new Error(`unknown field "${k}"`);
  const kinds = b.kinds === undefined ? undefined : Array.isArray(b.kinds) && b.kinds.every(isKind) ? b.kinds : undefined;
  if (b.kinds !== undefined && !kinds) throw new Error(`kinds must be an array of ${FAULT_KINDS.join(', ')}`);
  let script: ScriptEntry[] | undefined;
  if (b.script !== undefined) {
    if (!Array.isArray(b.script)) throw new Error('script must be an array');
    script = b.script.map((e: unknown, i) => {
      const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
      if (!isKind(o.kind)) throw new Error(`script[${i}].kind must be one of ${FAULT_KINDS.join(', ')}`);
      if (o.action !== undefined && typeof o.action !== 'string') throw new Error(`script[${i}].action must be a string`);
      const times = num(o.times, `script[${i}].times`, 1, 1_000_000);
      return { kind: o.kind, action: o.action as string | undefined, times: times ?? 1 };
    });
  }
  let responses: ResponseEntry[] | undefined;
  if (b.responses !== undefined) {
    if (!Array.isArray(b.responses)) throw new Error('responses must be an array');
    responses = b.responses.map((e: unknown, i) => {
      const o = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
      if (typeof o.body !== 'string') throw new Error(`responses[${i}].body must be a string`);
      if (o.action !== undefined && typeof o.action !== 'string') throw new Error(`responses[${i}].action must be a string`);
      const status = num(o.status, `responses[${i}].status`, 100, 599);
      const times = num(o.times, `responses[${i}].times`, 1, 1_000_000);
      return { body: o.body, action: o.action as string | undefined, status: status ?? 200, times: times ?? 1 };
    });
  }
  return {
    responses,
    latencyMs: num(b.latencyMs, 'latencyMs', 0, 600_000),
    jitterMs: num(b.jitterMs, 'jitterMs', 0, 600_000),
    errorRate: num(b.errorRate, 'errorRate', 0, 1),
    kinds,
    actions: strings(b.actions, 'actions'),
    throttlePerMinute: num(b.throttlePerMinute, 'throttlePerMinute', 0, 1_000_000),
    throttleActions: strings(b.throttleActions, 'throttleActions'),
    timeoutMs: num(b.timeoutMs, 'timeoutMs', 0, 600_000),
    seed: num(b.seed, 'seed', 0, 2 ** 32),
    script,
  };
}

/** A small seeded PRNG (mulberry32): repeatable fault patterns; the reliability campaign uses it too. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private config: FaultConfig = {};
  private random: () => number = Math.random;
  private readonly windows = new Map<string, number[]>();

  set(config: FaultConfig): void {
    this.config = { ...config, script: config.script?.map((e) => ({ ...e })), responses: config.responses?.map((e) => ({ ...e })) };
    this.random = config.seed === undefined ? Math.random : mulberry32(config.seed);
    this.windows.clear();
  }
  get(): FaultConfig {
    return this.config;
  }
  clear(): void {
    this.set({});
  }

  latency(): number {
    const base = this.config.latencyMs ?? 0;
    const jitter = this.config.jitterMs ?? 0;
    return Math.max(0, base + (jitter ? (this.random() * 2 - 1) * jitter : 0));
  }
  timeoutMs(): number {
    return this.config.timeoutMs ?? 30_000;
  }

  /** The fault to inject for this request, if any: script entries first, then the error rate. */
  pick(action: string): FaultKind | undefined {
    const script = this.config.script;
    if (script) {
      const i = script.findIndex((e) => !e.action || e.action === action);
      const entry = script[i];
      if (entry) {
        entry.times = (entry.times ?? 1) - 1;
        if (entry.times <= 0) script.splice(i, 1);
        return entry.kind;
      }
    }
    const rate = this.config.errorRate ?? 0;
    if (rate > 0 && (!this.config.actions || this.config.actions.includes(action)) && this.random() < rate) {
      const kinds = this.config.kinds?.length ? this.config.kinds : (['InternalError', 'ServiceUnavailable'] as FaultKind[]);
      return kinds[Math.floor(this.random() * kinds.length)] ?? 'InternalError';
    }
    return undefined;
  }

  /** The canned response for this request, if one is queued for its action. */
  pickResponse(action: string): { status: number; body: string } | undefined {
    const list = this.config.responses;
    const i = list ? list.findIndex((e) => !e.action || e.action === action) : -1;
    const entry = list?.[i];
    if (!list || !entry) return undefined;
    entry.times = (entry.times ?? 1) - 1;
    if (entry.times <= 0) list.splice(i, 1);
    return { status: entry.status ?? 200, body: entry.body };
  }

  /**
   * Throws Throttling.User when the account exceeded `throttlePerMinute` for the action (a test
   * fault, on top of the --limits table; nowMs is the virtual clock).
   */
  throttle(accountKey: string, action: string, nowMs: number): void {
    const c = this.config;
    if (c.throttlePerMinute === undefined || (c.throttleActions && !c.throttleActions.includes(action))) return;
    const limit = c.throttlePerMinute;
    const key = `${accountKey}\n${action}`;
    const recent = (this.windows.get(key) ?? []).filter((t) => t > nowMs - 60_000);
    if (recent.length >= limit) {
      this.windows.set(key, recent);
      throw throttlingError(Math.max(1, (recent[0] ?? nowMs) + 60_000 - nowMs));
    }
    recent.push(nowMs);
    this.windows.set(key, recent);
  }
}

export function throttlingError(retryAfterMs: number): ApiError {
  return new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.', {
    'x-acs-retry-after': String(Math.ceil(retryAfterMs)),
  });
}
