// Rows `connect-first-calls`, `connect-first-ms`, `connect-again-calls`, `connect-again-ms` and
// `run-command-calls`: the Connect preflight and Run Command as the extension runs them — the
// core client with its defaults, `connectPreflight` (src/core/remote/connectPreflight.ts, the code
// behind every Connect command; only the dialogs are answered by a script), `runOnServers` with
// the real clock and the extension's sleep — against the emulator started with `--ssh`, and the
// real OpenSSH client reaching a shell prompt through the ssh config the preflight wrote.
// The server is known from the loaded tree (its status, OS and IP come from the list the view
// already has; that load is not counted). Everything goes to a scratch folder (config, keys,
// known_hosts); only the servers' loopback IPs are dialled.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPreflight } from '../../src/core/remote/connectPreflight';
import type { PreflightEnv } from '../../src/core/remote/connectPreflight';
import { runOnServers } from '../../src/core/remote/runOnServers';
import { generateKey } from '../../src/core/ssh/sshKeys';
import { silentLogger } from '../../src/core/logger';
import { sleep } from '../../src/core/retry';
import type { Instance } from '../../src/core/model';
import type { SwasApi } from '../../src/core/swasApi';
import { memoryStore, scriptedUi, sshToPrompt } from '../fixtures/preflight';
import { startBenchEmulator } from './emulator';
import type { BenchEmulator, LoggedRequest } from './emulator';
import { extensionClient } from './ours';
import { requestStats } from './requestStats';
import { row } from './results';
import type { Row } from './results';

const REGION = 'cn-hangzhou';

async function linuxServers(api: SwasApi): Promise<Instance[]> {
  const page = await api.listInstances(REGION, {}, { fresh: true });
  return page.items.filter((i) => i.status === 'Running' && i.osType !== 'Windows' && i.publicIpAddress !== '');
}

async function sshPort(emu: BenchEmulator, instanceId: string): Promise<number> {
  const { machines } = await emu.call<{ machines: Array<{ instanceId: string; sshPort?: number }> }>('GET', '/machines');
  const port = machines.find((m) => m.instanceId === instanceId)?.sshPort;
  if (!port) throw new Error(`no SSH daemon for ${instanceId} (is bubblewrap/ssh2 available?)`);
  return port;
}

/** The server-side time of the logged calls (latency included): what no client can save. */
const serverMs = (log: LoggedRequest[]): number => log.reduce((n, r) => n + r.ms, 0);

async function connectRows(emu: BenchEmulator, log: (s: string) => void): Promise<Row[]> {
  const api = extensionClient(emu);
  const [web] = await linuxServers(api);
  if (!web) throw new Error('no Running Linux server');
  const port = await sshPort(emu, web.instanceId);
  const dir = mkdtempSync(join(tmpdir(), 'swas-bench-connect-'));
  try {
    const env: PreflightEnv = { remote: api.remote, configFile: join(dir, 'config'), keyDir: dir, logger: silentLogger, run: { now: Date.now, sleep } };
    const knownHosts = join(dir, 'known_hosts');
    const store = memoryStore();
    // What making a key costs on this machine (the same ssh-keygen call, a throwaway key): part of the floor.
    const k0 = performance.now();
    await generateKey(join(dir, 'probe', 'key'), 'bench-probe');
    const keygenMs = performance.now() - k0;
    rmSync(join(dir, 'probe'), { recursive: true, force: true });
    // First connect: fresh server, no key, no config.
    await emu.clearRequests();
    const t0 = performance.now();
    const ui = scriptedUi({ key: 'new', consent: 'yes' });
    const conn = await connectPreflight(web, store, ui, env);
    const preflightMs = performance.now() - t0;
    const first = await emu.requests();
    if (!conn.alias) throw new Error('no alias written');
    const prompt = await sshToPrompt(env.configFile, conn.alias, knownHosts, port);
    // Reading the request log between the two is the bench's own work: not counted.
    const firstMs = preflightMs + prompt.ms;
    const s1 = requestStats(first);
    log(`connect-first: ${s1.calls} calls ${JSON.stringify(s1.byAction)}, preflight ${preflightMs.toFixed(0)} ms, ssh to prompt ${prompt.ms.toFixed(0)} ms`);
    // Again: the same server, set up before (its key installed, its alias written).
    await emu.clearRequests();
    const t1 = performance.now();
    const again = await connectPreflight(web, store, scriptedUi(), env);
    const againPreflightMs = performance.now() - t1;
    const beforeSsh = await emu.requests();
    const prompt2 = await sshToPrompt(env.configFile, again.alias ?? '', knownHosts, port);
    const againMs = againPreflightMs + prompt2.ms;
    log(`connect-again: ${beforeSsh.length} calls, ssh to prompt ${prompt2.ms.toFixed(0)} ms`);
    const floor = serverMs(first) + keygenMs + prompt.ms;
    return [
      row('connect-first-calls', s1.calls, 'calls',
        `a fresh server (port 22 open by default) to a shell prompt: firewall read, Cloud Assistant status, a new ed25519 key (ssh-keygen) installed by RunCommand and followed to Success, Host block written, then the real ssh; ${JSON.stringify(s1.byAction)}; baseline = the minimum: one call per step — 1 ListFirewallRules (is TCP 22 open?), 1 DescribeCloudAssistantStatus (agent online, so a dead agent is a clear message before a key is made), 1 RunCommand, 1 DescribeInvocationResult that sees it finished (3 if the agent check were dropped)`, 4),
      row('connect-first-ms', firstMs, 'ms',
        `the same, from the preflight's start to ssh's prompt (50 ± 10 ms per call; the bench's own request-log read in between not counted): preflight ${preflightMs.toFixed(0)} ms (ssh-keygen, the ${s1.calls} calls, runOnServers' first result poll 1 s after RunCommand), ssh ${prompt.ms.toFixed(0)} ms; baseline = the floor: the calls' own time in the emulator (${serverMs(first).toFixed(0)} ms, latency and the run included) + one ssh-keygen (${keygenMs.toFixed(0)} ms) + ssh to prompt — the gap is mostly runOnServers' 1 s wait before its first poll`, floor),
      row('connect-again-calls', beforeSsh.length, 'calls',
        `the same server again (key known to be installed, alias written): API calls before ssh starts; ssh to prompt ${prompt2.ms.toFixed(0)} ms; baseline = the minimum: nothing to check that the remembered state does not already say`, 0),
      row('connect-again-ms', againMs, 'ms', `the same server again, from the preflight's start to ssh's prompt: preflight ${againPreflightMs.toFixed(1)} ms (no call, no file write); baseline = ssh to prompt alone`, prompt2.ms),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runCommandRow(emu: BenchEmulator, log: (s: string) => void): Promise<Row> {
  const api = extensionClient(emu);
  const five = (await linuxServers(api)).slice(0, 5);
  if (five.length !== 5) throw new Error(`expected 5 Running Linux servers, found ${five.length}`);
  const targets = five.map((i) => ({ regionId: i.regionId, instanceId: i.instanceId, instanceName: i.instanceName, osType: i.osType }));
  await emu.clearRequests();
  const t0 = performance.now();
  const out = await runOnServers(api.remote, targets, 'uname -n; uptime', { timeoutSeconds: 60, workingUser: 'root' }, { now: Date.now, sleep });
  const ms = performance.now() - t0;
  const bad = out.filter((o) => o.result?.status !== 'Success');
  if (bad.length) throw new Error(`${bad.length} run(s) did not succeed: ${JSON.stringify(bad.map((o) => o.result?.status ?? o.error?.code))}`);
  const s = requestStats(await emu.requests());
  log(`run-command-5: ${s.calls} calls ${JSON.stringify(s.byAction)} in ${ms.toFixed(0)} ms`);
  return row('run-command-calls', s.calls, 'calls',
    `one command (uname -n; uptime) on 5 Running Linux servers until every output is shown (${ms.toFixed(0)} ms, first poll 1 s after each start, ×1.5); ${JSON.stringify(s.byAction)}; baseline = the minimum: 5 RunCommand (the API takes one InstanceId) + 5 DescribeInvocationResult, each seeing its run finished`, 10);
}

export async function connectBenchRows(root: string, log: (s: string) => void): Promise<Row[]> {
  // 8 servers of the scale seed: srv-0001…0008 Running (every 10th is Stopped), each with sshd.
  const emu = await startBenchEmulator(root, { scale: { servers: 8, snapshots: 0, images: 0 }, ssh: true });
  try {
    return [...(await connectRows(emu, log)), await runCommandRow(emu, log)];
  } finally {
    await emu.stop();
  }
}
