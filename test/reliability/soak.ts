// The full reliability campaign (`npm run soak`): every part at full size, one table, and
// bench/reliability.json. Realistic client settings (default retry policy, 2 s timeouts) except
// the client-side rate limiter, which is off because the emulator runs without its 10/min limits.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runConcurrency } from './concurrencyCampaign';
import { runCreateCampaign } from './createCampaign';
import { runHostileInput } from './hostileInput';
import { runKeyHygiene } from './keyHygiene';
import { runLifecycleCampaign } from './lifecycleCampaign';
import { runHostileWebview } from './hostileWebview';
import { runHygiene } from './hygiene';
import { runHostHygiene } from './hostHygiene';
import { runHostConcurrency } from './hostConcurrency';
import { HOSTS, ensureHosts } from '../e2e/lib/hosts';
import { runScrubFuzz } from './scrubFuzz';
import { formatHits } from './secretScan';
import { runTreeCampaign } from './treeCampaign';

export interface Row {
  name: string;
  value: number;
  note: string;
}

export interface SoakOptions {
  root: string;
  /** Extra directories to scan (code-server profiles kept by the e2e suite, …). */
  dirs?: string[];
  log?: (line: string) => void;
}

export async function runSoak(o: SoakOptions): Promise<{ rows: Row[]; ok: boolean }> {
  const log = o.log ?? ((l: string) => console.log(l));
  const rows: Row[] = [];
  const add = (name: string, value: number, note: string): void => void rows.push({ name, value, note });
  const round = (n: number): number => Math.round(n * 10) / 10;
  if (process.env.SWAS_SOAK_ONLY === 'host') {
    // Only part 6 in real VS Code (the in-host hygiene steps, then the two windows).
    const { inHost, windows } = await runInHost(add, log);
    return { rows, ok: inHost !== undefined && hostOk(inHost, windows) };
  }

  log('1/8 create-image fault campaign: 200 submissions, 20 % faults of every kind …');
  const c = await runCreateCampaign({
    via: 'form',
    submissions: 200,
    errorRate: 0.2,
    concurrency: 10,
    clientTimeoutMs: 2000,
    userRetries: 5,
    seed: 1,
  });
  const injected = Object.values(c.faultsInjected).reduce((a, b) => a + b, 0);
  add(
    'create-attempts',
    c.attempts,
    "create-image submissions through the form's host controller (one ClientToken each, kept by Retry), 10 at a time",
  );
  add(
    'faults-injected',
    injected,
    `${Math.round((100 * injected) / c.createRequests)} % of ${c.createRequests} CreateCustomImage requests: ${Object.entries(
      c.faultsInjected,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  add('images-created', c.imagesCreated, 'images in the account afterwards (read back with faults off)');
  add('duplicates', c.duplicates, 'images beyond one per submission');
  add('unclear-outcomes', c.unclear, 'submissions without a definite answer, or told something the account contradicts');
  add(
    'retries',
    c.clientRetries + c.userRetries,
    `${c.clientRetries} by the client (same ClientToken), ${c.userRetries} by the user's Retry`,
  );
  add('create-seconds', round(c.seconds), 'wall time of the create campaign (default retry policy, 2 s client timeout)');
  // A storm: half of all requests fail, so the client's 4 attempts run out and the user's Retry
  // (same ClientToken) is needed.
  const s = await runCreateCampaign({
    via: 'form',
    submissions: 50,
    errorRate: 0.5,
    concurrency: 10,
    clientTimeoutMs: 1000,
    userRetries: 10,
    seed: 5,
  });
  add(
    'storm-attempts',
    s.attempts,
    `50 % faults: ${s.createRequests} requests, ${s.clientRetries} client retries, ${s.userRetries} user Retry presses, ${round(s.seconds)} s`,
  );
  add('storm-duplicates', s.duplicates, `${s.imagesCreated} images for ${s.created} successes`);
  add('storm-unclear-outcomes', s.unclear, 'submissions without a definite answer after 10 Retry presses, or contradicted');

  log('2/8 lifecycle fault campaign: 100 servers stopped, then started, 20 % faults on the writes …');
  const lc = await runLifecycleCampaign({ servers: 100, errorRate: 0.2, concurrency: 10, userRetries: 5, clientTimeoutMs: 2000, seed: 7 });
  add(
    'lifecycle-submissions',
    lc.submissions,
    `StopInstances then StartInstances for each of 100 Running servers (one ClientToken per submission, kept by the user's Retry), 10 at a time: ${lc.faultsInjected} faults of every kind but Timeout in ${lc.writeRequests} write requests (${Math.round((100 * lc.faultsInjected) / Math.max(1, lc.writeRequests))} %), ${lc.distinctTokens} distinct ClientTokens, ${round(lc.seconds)} s`,
  );
  add(
    'lifecycle-duplicates',
    lc.duplicates,
    'a retry refused with IncorrectInstanceStatus: the first attempt had committed and its token was not honoured (a second side effect)',
  );
  add('lifecycle-unclear-outcomes', lc.unclear, 'submissions without a definite answer after 5 Retry presses');
  add('lifecycle-wrong-states', lc.problems.length, 'servers not Stopped (then not Running) when read back with the faults off');
  if (lc.problems.length) log(lc.problems.slice(0, 20).join('\n'));

  log('3/8 tree loads: 100 region loads, 20 % faults on the list calls …');
  const t = await runTreeCampaign({
    loads: 100,
    regions: 4,
    servers: 250,
    snapshots: 450,
    errorRate: 0.2,
    clientTimeoutMs: 1500,
    concurrency: 4,
    seed: 11,
  });
  add(
    'tree-loads',
    t.loads,
    `regions of 250 servers and 450 snapshots (3 + 5 + 1 list calls each); ${t.faultsInjected} faults in ${t.listCalls} list calls`,
  );
  add('tree-complete', t.complete, 'loads that returned every server, snapshot and image');
  add('tree-clear-errors', t.clearErrors, `loads that failed with a clear error (retry node): ${JSON.stringify(t.errorCodes)}`);
  add('tree-partial-as-complete', t.partialAsComplete, 'loads that returned a partial list as if complete');
  add('tree-seconds', round(t.seconds), 'wall time of the tree campaign');

  log('4/8 hostile webview: 10,000 messages …');
  const w = await runHostileWebview({ messages: 10_000, seed: 99 });
  add('hostile-messages', w.messages, `${w.invalid} protocol-invalid, ${w.ruleInvalid} well-formed but breaking the rules`);
  add('hostile-crashes', w.crashes, 'rejected handle() calls or uncaught errors');
  add('hostile-api-calls', w.apiCalls, `requests in the emulator's log (a valid submit afterwards made ${w.controlCalls})`);
  add(
    'hostile-logged-once',
    w.ignoredLogLines === w.invalid ? 1 : 0,
    `${w.ignoredLogLines} "ignored a webview message" lines for ${w.invalid} invalid messages`,
  );

  log('5/8 hostile input: config files, endpoints, malformed responses …');
  const h = await runHostileInput({ configFuzz: 1000 });
  const groups = [...new Set(h.results.map((r) => r.group))].map((g) => `${g} ${h.results.filter((r) => r.group === g).length}`).join(', ');
  add('hostile-input-cases', h.cases, groups);
  add('hostile-input-crashes', h.crashes, 'anything thrown that is not a clear SwasError');
  add('hostile-input-silent', h.silent, 'a wrong result without an error (e.g. an empty list from a body without one)');

  log('6/8 two windows, one quota …');
  const k = await runConcurrency({ rounds: 10, perWindow: 8, errorRate: 0.2 });
  add(
    'concurrency-submissions',
    k.submissions,
    `2 processes × 8 submissions × ${k.rounds} rounds into one region (quota 6), 20 % faults: ${k.created} created, ${k.refused} refused`,
  );
  add('quota-exceeded', k.quotaExceeded, 'rounds that ended with more images than the quota');
  add('concurrency-untruths', k.lies + k.unclear, 'submissions told something the account contradicts, or nothing definite');
  const kr = await runConcurrency({ rounds: 1, perWindow: 8, errorRate: 0.2, realistic: true });
  add(
    'concurrency-realistic-untruths',
    kr.lies + kr.unclear + kr.quotaExceeded,
    `the emulator's real 10/min limit, each window its own 10/min limiter and default retries (16 calls a minute asked): ${kr.created} created, ${kr.refused} refused, ${Math.round(kr.seconds)} s`,
  );

  log('7/8 private-key hygiene: keys made and authorised through the core, the real ssh …');
  const kh = await runKeyHygiene();
  add(
    'key-secret-hits',
    kh.hits.length,
    `${kh.flows} Connect preflights (ssh-keygen ed25519, ${kh.authorisations} RunCommand authorisations, ssh config, the real ssh at a prompt); ${kh.needles} needles (the key file, its body as one line, each base64 line) and any BEGIN … PRIVATE KEY block, in ${kh.textsScanned} texts (${Math.round(kh.charsScanned / 1024)} KiB: log, globalState dumps, run outcomes, ssh output, the emulator's request log) and ${kh.files.files} files (scratch ~/.ssh, both servers' disks), the key file excepted`,
  );
  add(
    'key-controls',
    kh.control.found,
    `needles found in the key file itself (must be ${kh.control.expected}: the scanner finds what is there)`,
  );
  if (kh.hits.length) log(formatHits(kh.hits).slice(0, 4000));

  log('8/8 secret hygiene …');
  const fuzz = runScrubFuzz(1000);
  const artifacts = join(o.root, '.test-artifacts');
  const dirs = [...(existsSync(artifacts) ? [artifacts] : []), ...(o.dirs ?? [])];
  const hy = await runHygiene({
    texts: [
      { where: 'create campaign log', text: c.logText },
      { where: 'create campaign errors', text: c.errorTexts.join('\n') },
      { where: 'lifecycle campaign log', text: lc.logText },
      { where: 'tree campaign log', text: t.logText },
      { where: 'tree campaign errors', text: t.errorTexts.join('\n') },
      { where: 'webview posts', text: w.postsText },
      { where: 'webview log', text: w.logText },
    ],
    dirs,
  });
  const { inHost, windows } = await runInHost(add, log);
  const secretHits = hy.hits.length + fuzz.hits.length;
  add(
    'secret-hits',
    secretHits,
    `${hy.errorPaths.length} error paths, ${hy.textsScanned} texts (${Math.round(hy.charsScanned / 1024)} KiB), ${hy.files.files} files in ${dirs.length} dir(s), ${fuzz.messages} generated messages`,
  );
  add(
    'secret-controls',
    hy.controls.reduce((n, x) => n + (x.found > 0 ? 1 : 0), 0),
    'raw pop-core GET messages in which the scanner found the token and Signature (must be 3)',
  );
  if (secretHits) log(formatHits([...hy.hits, ...fuzz.hits]).slice(0, 4000));

  const must0 = [
    'duplicates',
    'unclear-outcomes',
    'lifecycle-duplicates',
    'lifecycle-unclear-outcomes',
    'lifecycle-wrong-states',
    'key-secret-hits',
    'storm-duplicates',
    'storm-unclear-outcomes',
    'tree-partial-as-complete',
    'secret-hits',
    'hostile-crashes',
    'hostile-api-calls',
    'hostile-input-crashes',
    'hostile-input-silent',
    'quota-exceeded',
    'concurrency-untruths',
    'concurrency-realistic-untruths',
  ];
  const ok =
    must0.every((n) => rows.find((r) => r.name === n)?.value === 0) &&
    c.imagesCreated === c.attempts &&
    s.imagesCreated === s.attempts &&
    lc.succeeded === lc.submissions &&
    lc.distinctTokens === lc.submissions &&
    kh.control.found === kh.control.expected &&
    w.ignoredLogLines === w.invalid &&
    hy.controls.every((x) => x.found > 0) &&
    hostOk(inHost, windows);
  return { rows, ok };
}

type InHost = Awaited<ReturnType<typeof runHostHygiene>> | undefined;
type Windows = Awaited<ReturnType<typeof runHostConcurrency>> | undefined;

function hostOk(inHost: InHost, windows: Windows): boolean {
  return (
    (!inHost || (inHost.hits.length === 0 && inHost.exitCode === 0 && inHost.tests.every((x) => x.state === 'passed'))) &&
    (!windows || (windows.lies.length === 0 && windows.unclear === 0 && windows.images <= windows.quota))
  );
}

/** In real VS Code (code-server 1.100's extension host, installed on first use). */
async function runInHost(
  add: (name: string, value: number, note: string) => void,
  log: (line: string) => void,
): Promise<{ inHost: InHost; windows: Windows }> {
  const host = HOSTS.find((x) => x.id === '1.100');
  let inHost: InHost;
  let windows: Windows;
  if (host && process.env.SWAS_SOAK_HOST !== '0') {
    // Installs code-server on first use (≈2 min), like npm test does.
    const ready = await ensureHosts([host]).then(
      () => true,
      (e: unknown) => (log(`code-server ${host.id} could not be installed: ${String(e)}`), false),
    );
    if (ready) inHost = await runHostHygiene(host);
  }
  if (inHost) {
    const hygiene = inHost.tests.filter((x) => x.title.startsWith('Secret hygiene'));
    const hostile = inHost.tests.filter((x) => x.title.startsWith('Hostile responses'));
    const passed = (list: typeof inHost.tests): number => list.filter((x) => x.state === 'passed').length;
    add(
      'host-secret-hits',
      inHost.hits.length,
      `code-server ${inHost.host}: ${passed(hygiene)}/${hygiene.length} in-host steps passed (STS sign-in, tree, form, ${inHost.errorNodes} error nodes, failed sign-in, sign-out); ${inHost.files} files (${Math.round(inHost.bytes / 1024)} KiB) of user-data-dir, logs, HOME and browser profile, page text, web storage, ${inHost.notifications} notification text(s), ${inHost.formFrames} form frame(s)`,
    );
    add(
      'host-hostile-response-failures',
      hostile.length - passed(hostile),
      `malformed responses through the real tree: ${passed(hostile)}/${hostile.length} ended in an error node or correct rows`,
    );
    if (inHost.hits.length) log(formatHits(inHost.hits).slice(0, 4000));
    const hw = await runHostConcurrency(host!);
    windows = hw;
    add(
      'host-windows-untruths',
      hw.lies.length + hw.unclear + (hw.images > hw.quota ? 1 : 0),
      `two code-server windows (two extension hosts) × 8 submissions through the form controller into quota 6, 20 % faults: ${hw.created} created, ${hw.refusedQuota} quota and ${hw.refusedName} name refusals, ${hw.images}/${hw.quota} images, ${Math.round(hw.seconds)} s`,
    );
    if (hw.lies.length) log(hw.lies.join('\n'));
  } else {
    log('(host-secret-hits skipped: SWAS_SOAK_HOST=0 or code-server 1.100 unavailable)');
  }
  return { inHost, windows };
}

export function table(rows: Row[]): string {
  const w = Math.max(...rows.map((r) => r.name.length));
  const v = Math.max(...rows.map((r) => String(r.value).length));
  return rows.map((r) => `${r.name.padEnd(w)}  ${String(r.value).padStart(v)}  ${r.note}`).join('\n');
}
