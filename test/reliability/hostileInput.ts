// Part 4 — hostile input to the client: malformed `~/.aliyun/config.json` files, invalid endpoint
// templates, and list responses with missing or extra fields, BigNumber ids, empty pages and
// non-JSON bodies (served by the emulator's canned `responses` fault). Every case must end in a
// correct result or a clear SwasError (a code and a message); a crash (anything else thrown) or
// a silently wrong result (e.g. an empty list from a response that had no list) fails the case.
import { chmod, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAliyunConfig, readAliyunConfig } from '../../src/core/credentials/aliyunConfig';
import { isSwasError } from '../../src/core/errors';
import { createSwasClient } from '../../src/core/swasClient';
import type { SwasApi } from '../../src/core/swasApi';
import type { Lab } from './lab';
import { recordingLogger, startLab } from './lab';
import { rng } from './random';
import type { ResponseCase } from './responseCases';
import { RESPONSE_CASES } from './responseCases';

export interface CaseResult {
  group: string;
  name: string;
  /** handled: a correct result or a clear error; silent: a wrong result without error; crash: anything else thrown. */
  verdict: 'handled' | 'silent' | 'crash';
  detail: string;
}

export interface HostileInputResult {
  cases: number;
  handled: number;
  silent: number;
  crashes: number;
  results: CaseResult[];
}

const FAST = { baseDelayMs: 5, throttleBaseDelayMs: 5, maxDelayMs: 20, maxTotalMs: 2000 };

function clearError(e: unknown): boolean {
  return isSwasError(e) && e.code.length > 0 && e.message.length > 0 && !/undefined|\[object /.test(e.message);
}

// ── ~/.aliyun/config.json ────────────────────────────────────────────────────────
const CONFIGS: Record<string, string> = {
  empty: '',
  whitespace: ' \n\t ',
  bom: '\uFEFF',
  truncated: '{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"x"',
  array: '[]',
  nullJson: 'null',
  number: '42',
  string: '"profiles"',
  profilesNotArray: '{"profiles":{"name":"a"}}',
  profilesNull: '{"profiles":null}',
  profileItemsWeird: '{"profiles":[null,1,"x",[],{"name":{}},{"mode":7}]}',
  modeWrongType: '{"profiles":[{"name":"a","mode":["AK"],"access_key_id":"id1","access_key_secret":"s1"}]}',
  keysWrongType: '{"profiles":[{"name":"a","mode":"AK","access_key_id":123,"access_key_secret":true}]}',
  stsNoToken: '{"profiles":[{"name":"a","mode":"StsToken","access_key_id":"id1","access_key_secret":"s1"}]}',
  unknownMode: '{"profiles":[{"name":"a","mode":"QuantumKey"}]}',
  protoKeys: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"profiles":[{"__proto__":{"mode":"AK"},"name":"p"}]}',
  hugeName: `{"profiles":[{"name":"${'n'.repeat(200_000)}","mode":"AK","access_key_id":"id","access_key_secret":"s"}]}`,
  deepNesting: `{"profiles":[${'['.repeat(5000)}${']'.repeat(5000)}]}`,
  comments: '// config\n{"profiles":[]}',
  trailingComma: '{"profiles":[],}',
  binary: '\u0000\u0001\u0002\u00ff\ufffd',
  duplicateNames:
    '{"current":"a","profiles":[{"name":"a","mode":"AK","access_key_id":"i","access_key_secret":"s"},{"name":"a","mode":"AK","access_key_id":"j","access_key_secret":"t"}]}',
};

function configValid(r: ReturnType<typeof parseAliyunConfig>): boolean {
  if (!r.ok) return /^AliyunConfig\.[A-Za-z]+$/.test(r.error);
  return r.profiles.every(
    (p) =>
      typeof p.name === 'string' && p.name.length > 0 && (p.supported ? !!p.credentials?.accessKeySecret : typeof p.reason === 'string'),
  );
}

/** Random mutations of a valid file: byte flips, cuts, insertions. */
function fuzzConfigs(count: number, seed: number): string[] {
  const base =
    '{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"EMULfuzz","access_key_secret":"fuzz-secret","region_id":"cn-hangzhou"},{"name":"sts","mode":"StsToken","access_key_id":"STS.x","access_key_secret":"y","sts_token":"z"}]}';
  const r = rng(seed);
  const junk = ['{', '}', '[', ']', '"', ',', ':', 'null', '0', '-1e999', '\\u0000', '\\', 'true', '__proto__'];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = base;
    const edits = 1 + Math.floor(r() * 4);
    for (let k = 0; k < edits; k++) {
      const at = Math.floor(r() * s.length);
      const op = r();
      if (op < 0.33) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 8));
      else if (op < 0.66) s = s.slice(0, at) + (junk[Math.floor(r() * junk.length)] ?? '') + s.slice(at);
      else s = s.slice(0, at);
    }
    out.push(s);
  }
  return out;
}

export async function configCases(fuzz: number): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const check = (name: string, text: string): void => {
    try {
      const r = parseAliyunConfig(text);
      const polluted = ({} as Record<string, unknown>).polluted !== undefined;
      results.push({
        group: 'aliyun-config',
        name,
        verdict: configValid(r) && !polluted ? 'handled' : 'silent',
        detail: r.ok ? `${r.profiles.length} profile(s)` : r.error,
      });
    } catch (e) {
      results.push({ group: 'aliyun-config', name, verdict: 'crash', detail: String(e).slice(0, 200) });
    }
  };
  for (const [name, text] of Object.entries(CONFIGS)) check(name, text);
  fuzzConfigs(fuzz, 5).forEach((text, i) => check(`fuzz-${i}`, text));
  // Files: missing, a directory, unreadable, a large binary file.
  const dir = await mkdtemp(join(tmpdir(), 'swas-rel-config-'));
  try {
    await mkdir(join(dir, 'isdir'));
    await writeFile(join(dir, 'binary.json'), Buffer.alloc(2_000_000, 0xfe));
    await writeFile(join(dir, 'locked.json'), '{"profiles":[]}');
    await chmod(join(dir, 'locked.json'), 0o000);
    for (const f of ['missing.json', 'isdir', 'binary.json', 'locked.json', 'missing-dir/config.json']) {
      try {
        const r = await readAliyunConfig(join(dir, f));
        results.push({
          group: 'aliyun-config',
          name: `file:${f}`,
          verdict: configValid(r) ? 'handled' : 'silent',
          detail: r.ok ? `${r.profiles.length} profile(s)` : r.error,
        });
      } catch (e) {
        results.push({ group: 'aliyun-config', name: `file:${f}`, verdict: 'crash', detail: String(e).slice(0, 200) });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

// ── endpoint templates ───────────────────────────────────────────────────────────
export async function endpointCases(lab: Lab): Promise<CaseResult[]> {
  const creds = { accessKeyId: lab.em.accessKeyId, accessKeySecret: lab.em.accessKeySecret };
  const closedPort = 'http://127.0.0.1:1';
  const templates: Record<string, { template: string; regionId?: string }> = {
    ftp: { template: 'ftp://127.0.0.1' },
    noScheme: { template: '127.0.0.1:8790' },
    justScheme: { template: 'http://' },
    javascript: { template: 'javascript:alert(1)' },
    withPath: { template: `${lab.em.endpoint}/api` },
    withQuery: { template: `${lab.em.endpoint}/?AccessKeyId=x` },
    withCredentials: { template: 'http://user:pass@127.0.0.1:1' },
    brokenIpv6: { template: 'http://[::1' },
    spaces: { template: 'http:// 127.0.0.1' },
    placeholderOnly: { template: '{regionId}' },
    badRegionInTemplate: { template: 'http://swas.{regionId}.example.invalid', regionId: '../../etc' },
    regionWithUrlChars: { template: 'http://127.0.0.1:1/{regionId}', regionId: 'cn-hangzhou?x=1' },
    unicode: { template: 'http://例え.テスト:1' },
    huge: { template: `http://${'a'.repeat(100_000)}.com` },
    closedPort: { template: closedPort },
    portOutOfRange: { template: 'http://127.0.0.1:99999' },
    trailingSlashes: { template: `${lab.em.endpoint}///` },
  };
  const results: CaseResult[] = [];
  for (const [name, t] of Object.entries(templates)) {
    const api = createSwasClient({
      endpointTemplate: t.template,
      credentials: { getCredentials: () => Promise.resolve(creds) },
      timeoutMs: 1500,
      logger: recordingLogger(),
      limiter: { rules: {} },
      retry: { ...FAST, maxAttempts: 2 },
    });
    try {
      const page = await api.listInstances(t.regionId ?? 'cn-hangzhou');
      // Only the working endpoints may answer.
      const ok = name === 'trailingSlashes';
      results.push({ group: 'endpoint', name, verdict: ok ? 'handled' : 'silent', detail: `answered ${page.items.length} item(s)` });
    } catch (e) {
      results.push({
        group: 'endpoint',
        name,
        verdict: clearError(e) ? 'handled' : 'crash',
        detail: isSwasError(e) ? e.code : String(e).slice(0, 200),
      });
    }
  }
  return results;
}

// ── list responses ───────────────────────────────────────────────────────────────
async function listCall(api: SwasApi, action: string): Promise<unknown> {
  switch (action) {
    case 'ListRegions':
      return api.listRegions('en-US', { fresh: true });
    case 'ListSnapshots':
      return api.listSnapshots('cn-hangzhou', {}, { fresh: true });
    case 'ListCustomImages':
      return api.listCustomImages('cn-hangzhou', {}, { fresh: true });
    default:
      return api.listInstances('cn-hangzhou', {}, { fresh: true });
  }
}

export async function responseCases(lab: Lab): Promise<CaseResult[]> {
  const creds = { accessKeyId: lab.em.accessKeyId, accessKeySecret: lab.em.accessKeySecret };
  const results: CaseResult[] = [];
  // Each bad body once (a retry may reach the real action) and, for bodies that must be refused,
  // on every attempt (the client must then give up with a clear error, never a made-up list).
  const runs = Object.entries(RESPONSE_CASES).flatMap(
    ([name, c]) =>
      (c.expect
        ? [[name, c, 1]]
        : [
            [name, c, 1],
            [`${name} (every attempt)`, c, 1000],
          ]) as [string, ResponseCase, number][],
  );
  for (const [name, c, times] of runs) {
    // A fresh client per case: nothing cached from the previous one.
    const api = createSwasClient({
      endpointTemplate: lab.em.endpoint,
      credentials: { getCredentials: () => Promise.resolve(creds) },
      timeoutMs: 3000,
      logger: recordingLogger(),
      limiter: { rules: {} },
      retry: FAST,
    });
    // Only the first answer is canned: a retry (if the client decides to) reaches the real action.
    await lab.clearRequests();
    await lab.faults({ responses: [{ action: c.action, body: c.body, status: c.status ?? 200, times }] });
    try {
      if (c.expect) {
        const wrong = await c.expect(api);
        results.push({ group: 'response', name, verdict: wrong ? 'silent' : 'handled', detail: wrong ?? 'correct result' });
      } else {
        const v = await listCall(api, c.action);
        const retried = (await lab.requests(c.action)).length > 1;
        // Answered by the real action after a retry: handled (the malformed answer was not believed).
        results.push({
          group: 'response',
          name,
          verdict: retried ? 'handled' : 'silent',
          detail: `resolved: ${JSON.stringify(v).slice(0, 160)}`,
        });
      }
    } catch (e) {
      results.push({
        group: 'response',
        name,
        verdict: clearError(e) ? 'handled' : 'crash',
        detail: isSwasError(e) ? `${e.code}: ${e.message}` : String(e).slice(0, 200),
      });
    } finally {
      await lab.clearFaults();
      await lab.clearRequests();
    }
  }
  const polluted = ({} as Record<string, unknown>).polluted !== undefined;
  if (polluted) results.push({ group: 'response', name: 'prototype', verdict: 'crash', detail: 'Object.prototype was polluted' });
  return results;
}

export async function runHostileInput(opts: { configFuzz: number }): Promise<HostileInputResult> {
  const lab = await startLab({ seed: 'demo', imageSeconds: 0 });
  try {
    const results = [...(await configCases(opts.configFuzz)), ...(await endpointCases(lab)), ...(await responseCases(lab))];
    return {
      cases: results.length,
      handled: results.filter((r) => r.verdict === 'handled').length,
      silent: results.filter((r) => r.verdict === 'silent').length,
      crashes: results.filter((r) => r.verdict === 'crash').length,
      results,
    };
  } finally {
    await lab.stop();
  }
}
