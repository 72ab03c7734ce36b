// Part 2 — secret hygiene. Drives every error path the client has with STS credentials (so an
// AccessKey secret, a SecurityToken and signatures are in play) and then searches everything that
// was written: the log lines produced through the core Logger, every error's message, stack and
// fields, the emulator's request log, plus any texts and directories the caller adds (campaign
// logs, webview posts, code-server's profile). Includes pop-core's own GET path, whose raw error
// message carries the full signed URL: the raw message must contain the token and a Signature
// (a positive control: the scanner finds what is there), the mapped SwasError none of it.
import RPCClient from '@alicloud/pop-core';
import { toSwasError } from '../../src/core/errorMapping';
import { isSwasError } from '../../src/core/errors';
import type { Credentials } from '../../src/core/model';
import { createSwasClient } from '../../src/core/swasClient';
import { verifyCredentials } from '../../src/core/verifyCredentials';
import { FAULT_KINDS } from '../emulator/faults';
import {
  DISABLED_ACCESS_KEY_ID,
  DISABLED_ACCESS_KEY_SECRET,
  STS_ACCESS_KEY_ID,
  STS_ACCESS_KEY_SECRET,
  STS_TOKEN_EXPIRED,
  STS_TOKEN_VALID,
} from '../emulator/seeds/credentials';
import type { Lab } from './lab';
import { errorText, recordingLogger, startLab } from './lab';
import type { RecordingLogger } from './lab';
import type { ScanReport, SecretHit } from './secretScan';
import { DEFAULT_SECRETS, scanDirectories, scanText } from './secretScan';

/** A secret a user might type wrongly: it must not leak either. */
export const WRONG_SECRET = 'user-typed-wrong-secret-42';
export const HYGIENE_SECRETS: readonly string[] = [...DEFAULT_SECRETS, WRONG_SECRET];

export interface HygieneOptions {
  /** More texts to search (campaign logs, webview posts, …). */
  texts?: { where: string; text: string }[];
  /** Directories to search (code-server user-data-dir, logs, browser profile, artifacts). */
  dirs?: string[];
}

export interface HygieneResult {
  errorPaths: { name: string; code: string }[];
  textsScanned: number;
  charsScanned: number;
  files: ScanReport;
  hits: SecretHit[];
  /** Positive controls: raw pop-core messages that must contain secrets (found / expected). */
  controls: { name: string; found: number }[];
}

const STS: Credentials = { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_TOKEN_VALID };

function client(
  lab: Lab,
  creds: Credentials,
  logger: RecordingLogger,
  endpoint = lab.em.endpoint,
  timeoutMs = 3000,
): ReturnType<typeof createSwasClient> {
  return createSwasClient({
    endpointTemplate: endpoint,
    credentials: { getCredentials: () => Promise.resolve(creds) },
    timeoutMs,
    logger,
    limiter: { rules: {} },
    retry: { baseDelayMs: 5, throttleBaseDelayMs: 5, maxDelayMs: 20, maxTotalMs: 3000, maxAttempts: 2, maxThrottleAttempts: 2 },
  });
}

interface PopLike {
  request(action: string, params: Record<string, string>, opts: Record<string, unknown>): Promise<unknown>;
}

/** pop-core as a naive caller would use it: GET, everything signed in the URL. */
function rawPop(endpoint: string, creds: Credentials): PopLike {
  return new RPCClient({
    endpoint,
    apiVersion: '2020-06-01',
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.accessKeySecret,
    securityToken: creds.securityToken,
  }) as unknown as PopLike;
}

export async function runHygiene(opts: HygieneOptions = {}): Promise<HygieneResult> {
  const lab = await startLab({ seed: 'demo', imageSeconds: 0 });
  const logger = recordingLogger();
  const texts: { where: string; text: string }[] = [...(opts.texts ?? [])];
  const errorPaths: { name: string; code: string }[] = [];
  const controls: { name: string; found: number }[] = [];
  const expectError = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
      errorPaths.push({ name, code: 'no error' });
    } catch (e) {
      errorPaths.push({ name, code: isSwasError(e) ? e.code : 'not a SwasError' });
      texts.push({ where: `error:${name}`, text: errorText(e) });
    }
  };
  try {
    const sts = client(lab, STS, logger);
    // Credentials: the wrong secret (the emulator echoes the string-to-sign, with the token in it),
    // a token that is expired / not this key's, a disabled key, an unknown key.
    await expectError('wrong secret', () => client(lab, { ...STS, accessKeySecret: WRONG_SECRET }, logger).listRegions('en-US'));
    await expectError('expired token', () => client(lab, { ...STS, securityToken: STS_TOKEN_EXPIRED }, logger).listRegions('en-US'));
    await expectError('token of another key', () =>
      client(lab, { ...STS, securityToken: 'emulator-sts-token-bogus-1' }, logger).listRegions('en-US'),
    );
    await expectError('disabled key', () =>
      client(lab, { accessKeyId: DISABLED_ACCESS_KEY_ID, accessKeySecret: DISABLED_ACCESS_KEY_SECRET }, logger).listRegions('en-US'),
    );
    await expectError('unknown key', () =>
      client(lab, { accessKeyId: 'EMULunknown0000000000001', accessKeySecret: WRONG_SECRET }, logger).listRegions('en-US'),
    );
    await expectError('verify: wrong secret', () =>
      verifyCredentials({ ...STS, accessKeySecret: WRONG_SECRET }, lab.em.endpoint, 3000, logger),
    );
    await expectError('verify: expired token', () =>
      verifyCredentials({ ...STS, securityToken: STS_TOKEN_EXPIRED }, lab.em.endpoint, 3000, logger),
    );
    // API errors on a write.
    await expectError('create: unknown server', () =>
      sts.createCustomImage({
        regionId: 'cn-hangzhou',
        instanceId: 'nope',
        imageName: 'img-1',
        systemSnapshotId: 's-nope',
        clientToken: 'hygiene-1',
      }),
    );
    await expectError('create: illegal name', () =>
      sts.createCustomImage({
        regionId: 'cn-hangzhou',
        instanceId: 'nope',
        imageName: '-bad name-',
        systemSnapshotId: 's-nope',
        clientToken: 'hygiene-2',
      }),
    );
    await expectError('unknown region', () => sts.listInstances('xx-nowhere-1'));
    // Every fault kind, on every attempt.
    for (const kind of FAULT_KINDS) {
      await lab.faults({ script: [{ action: 'ListInstances', kind, times: 5 }], timeoutMs: 800 });
      await expectError(`fault ${kind}`, () =>
        client(lab, STS, logger, lab.em.endpoint, 400).listInstances('cn-hangzhou', {}, { fresh: true }),
      );
      await lab.clearFaults();
    }
    // Transport: nothing listening; a host that does not resolve.
    await expectError('connection refused', () => client(lab, STS, logger, 'http://127.0.0.1:1').listRegions('en-US'));
    await expectError('bad host', () => client(lab, STS, logger, 'http://swas.{regionId}.invalid').listInstances('cn-hangzhou'));
    // pop-core's own messages (GET: the signed URL is in the message) through the client's mapping.
    const popPaths: [string, () => Promise<unknown>][] = [
      ['pop GET api error', () => rawPop(lab.em.endpoint, STS).request('ListInstances', { RegionId: 'xx-nowhere-1' }, { timeout: 3000 })],
      [
        'pop GET wrong secret',
        () => rawPop(lab.em.endpoint, { ...STS, accessKeySecret: WRONG_SECRET }).request('ListRegions', {}, { timeout: 3000 }),
      ],
      ['pop GET refused', () => rawPop('http://127.0.0.1:1', STS).request('ListRegions', {}, { timeout: 3000 })],
    ];
    for (const [name, fn] of popPaths) {
      try {
        await fn();
        errorPaths.push({ name, code: 'no error' });
      } catch (raw) {
        const rawText = raw instanceof Error ? raw.message : String(raw);
        controls.push({ name, found: scanText(rawText, name, { secrets: HYGIENE_SECRETS }).length });
        for (const [label, mapped] of [
          ['with secrets', toSwasError(raw, { action: 'ListRegions', secrets: [STS.accessKeyId, STS.securityToken] })],
          ['without secrets', toSwasError(raw, { action: 'ListRegions' })],
        ] as const) {
          errorPaths.push({ name: `${name} (${label})`, code: mapped.code });
          texts.push({ where: `error:${name} (${label})`, text: errorText(mapped) });
          logger.error(`${mapped.code}: ${mapped.message}`);
        }
      }
    }
    texts.push({ where: 'logger', text: logger.text() });
    texts.push({ where: 'emulator /requests', text: JSON.stringify(await lab.admin('GET', '/requests')) });
    texts.push({ where: 'emulator /faults', text: JSON.stringify(await lab.admin('GET', '/faults')) });
  } finally {
    await lab.stop();
  }
  const hits = texts.flatMap((t) => scanText(t.text, t.where, { secrets: HYGIENE_SECRETS }));
  const files = await scanDirectories(opts.dirs ?? [], { secrets: HYGIENE_SECRETS });
  return {
    errorPaths,
    textsScanned: texts.length,
    charsScanned: texts.reduce((n, t) => n + t.text.length, 0),
    files,
    hits: [...hits, ...files.hits],
    controls,
  };
}
