// Private-key hygiene: the Connect preflight's core (connectPreflight) makes a new ed25519 key with
// ssh-keygen, authorises it through RunCommand, writes the ssh config, and the real ssh logs in;
// then a second server gets the same key (picked from the folder), and the first one is authorised
// again after its key was forgotten. Afterwards everything those flows produced is searched for
// the private key: the core log, the connection store (what globalState keeps), what the progress
// notification was handed (the run outcomes), ssh's output, the emulator's request log, and every
// file written — the scratch ~/.ssh (config, known_hosts, the .pub files) and both servers' disks.
// Needles: the key file's whole text, its body as one line and each base64 line (privateKeyNeedles),
// and any `-----BEGIN … PRIVATE KEY-----` block. Only the key file itself may hold them; a
// positive control scans that file and must find every needle.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPreflight } from '../../src/core/remote/connectPreflight';
import type { PreflightEnv, SshConnection } from '../../src/core/remote/connectPreflight';
import type { RunOutcome } from '../../src/core/remote/runOnServers';
import { generateKey } from '../../src/core/ssh/sshKeys';
import { memoryStore, scriptedUi, sshToPrompt } from '../fixtures/preflight';
import type { ScriptedUi } from '../fixtures/preflight';
import { makeClient } from './createCampaign';
import { recordingLogger, startLab } from './lab';
import type { ScanReport, SecretHit } from './secretScan';
import { privateKeyNeedles, scanBuffer, scanDirectories, scanText } from './secretScan';

export interface KeyHygieneResult {
  /** Preflights run (each ending with ssh at a prompt). */
  flows: number;
  keysMade: number;
  authorisations: number;
  needles: number;
  textsScanned: number;
  charsScanned: number;
  files: ScanReport;
  hits: SecretHit[];
  /** Needles (and the BEGIN block) found in the key file itself: must be all of them. */
  control: { found: number; expected: number };
}

interface Machine {
  instanceId: string;
  publicIp: string;
  sshPort?: number;
  disk: string;
}

export async function runKeyHygiene(): Promise<KeyHygieneResult> {
  const lab = await startLab({ seed: 'demo', ssh: true });
  const home = mkdtempSync(join(tmpdir(), 'swas-keyhygiene-'));
  const reference = mkdtempSync(join(tmpdir(), 'swas-keyhygiene-ref-'));
  const logger = recordingLogger();
  const texts: { where: string; text: string }[] = [];
  const outcomes: (RunOutcome | undefined)[] = [];
  try {
    const api = makeClient(lab, logger, 5000);
    const page = await api.listInstances('cn-hangzhou', {}, { fresh: true });
    const stopped = page.items.find((i) => i.status === 'Stopped' && i.osType !== 'Windows');
    if (stopped) await lab.admin('POST', `/servers/${stopped.instanceId}/status`, { status: 'Running' });
    const servers = (await api.listInstances('cn-hangzhou', {}, { fresh: true })).items
      .filter((i) => i.status === 'Running' && i.osType !== 'Windows')
      .slice(0, 2);
    if (servers.length < 2) throw new Error('key hygiene needs two Running Linux servers');
    const { machines } = await lab.admin<{ machines: Machine[] }>('GET', '/machines');
    const sshDir = join(home, '.ssh');
    let now = 0;
    const env: PreflightEnv = {
      remote: api.remote,
      configFile: join(sshDir, 'config'),
      keyDir: sshDir,
      logger,
      run: { now: () => now, sleep: async (ms) => void ((now += ms), await lab.admin('GET', '/invocations/finished')) },
    };
    const watched = (ui: ScriptedUi): ScriptedUi => ({
      ...ui,
      whileAuthorizing: async (run) => {
        const o = await ui.whileAuthorizing(run);
        outcomes.push(o);
        return o;
      },
    });
    const stores = servers.map(() => memoryStore());
    let flows = 0;
    const connect = async (n: number, key: 'new' | 'first'): Promise<SshConnection> => {
      const server = servers[n];
      const store = stores[n];
      if (!server || !store) throw new Error('no server');
      const conn = await connectPreflight(server, store, watched(scriptedUi({ key })), env);
      const m = machines.find((x) => x.instanceId === server.instanceId);
      const r = await sshToPrompt(env.configFile, conn.alias ?? '', join(sshDir, 'known_hosts'), m?.sshPort);
      texts.push({ where: `ssh output ${conn.alias ?? ''}`, text: r.output });
      flows++;
      return conn;
    };
    const first = await connect(0, 'new');
    await connect(1, 'first');
    // The first server's key forgotten (as after a reset): authorised again, the same key picked.
    await stores[0]?.set({ ...first, authorizedKey: undefined });
    await connect(0, 'first');
    const keyFile = first.identityFile ?? '';
    const pem = readFileSync(keyFile, 'utf8');
    // Another key of the same type, outside every scanned folder: its lines are the format's, not secrets.
    const ref = await generateKey(join(reference, 'ref'), 'reference');
    const needles = privateKeyNeedles(pem, readFileSync(ref.privatePath, 'utf8'));
    stores.forEach((s, i) => texts.push({ where: `globalState dump (server ${i + 1})`, text: s.dump() }));
    texts.push({ where: 'run outcomes (progress notification)', text: JSON.stringify(outcomes) });
    texts.push({ where: 'logger', text: logger.text() });
    texts.push({ where: 'emulator /requests', text: JSON.stringify(await lab.admin('GET', '/requests')) });
    const opts = { secrets: needles, signatures: false, privateKeyBlocks: true };
    const hits = texts.flatMap((t) => scanText(t.text, t.where, opts));
    const disks = servers.map((s) => machines.find((m) => m.instanceId === s.instanceId)?.disk ?? '').filter(Boolean);
    // Skipped: the key file itself, and each server's own host key (the emulator's sshd made it).
    const files = await scanDirectories([home, ...disks], { ...opts, skipPaths: [keyFile], skipNames: ['ssh_host_ed25519_key'] });
    // The positive control: every needle, and the block, is found in the key file itself (the
    // body-as-one-line needle in the file with its line breaks taken out).
    const keyBytes = readFileSync(keyFile);
    const flat = Buffer.from(pem.replace(/\r?\n/g, ''));
    const found =
      needles.filter((x) => [keyBytes, flat].some((b) => scanBuffer(b, keyFile, { secrets: [x], signatures: false }).length > 0)).length +
      (scanBuffer(keyBytes, keyFile, { secrets: [], signatures: false, privateKeyBlocks: true }).some((h) => h.kind === 'privateKey')
        ? 1
        : 0);
    return {
      flows,
      keysMade: new Set(stores.map((s) => s.get()?.identityFile)).size,
      authorisations: outcomes.length,
      needles: needles.length,
      textsScanned: texts.length,
      charsScanned: texts.reduce((n, t) => n + t.text.length, 0),
      files,
      hits: [...hits, ...files.hits],
      control: { found, expected: needles.length + 1 },
    };
  } finally {
    await lab.stop();
    rmSync(home, { recursive: true, force: true });
    rmSync(reference, { recursive: true, force: true });
  }
}
