// Starts code-server (one of the hosts) on 127.0.0.1 with a fresh profile: its own
// user-data-dir, extensions-dir, HOME and workspace folder in a temp dir, the .vsix installed,
// settings.json pre-seeded (HARNESS §3.2) and workspace trust off. stop() kills the process
// group and deletes the temp dir.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Host } from './hosts';
import { assertHostInstalled } from './hosts';
import { onExit, spawnGroup } from './processGroup';
import type { ProcessGroup } from './processGroup';

export interface CodeServerOptions {
  host: Host;
  /** .vsix files to install into the fresh extensions dir. */
  vsix?: readonly string[];
  /** Display language (`--locale`); needs a language pack for it among `vsix` (see languagePack.ts). */
  locale?: string;
  /** Extra user settings (merged over the quiet defaults). */
  settings?: Record<string, unknown>;
  /** Extra environment for code-server (its extension host inherits it). */
  env?: Record<string, string>;
  /** 1.139: needed for the test payload URL; it also hides notification toasts. */
  smokeTestDriver?: boolean;
  /** Fixed port (default: a free one). */
  port?: number;
  /** Keep the profile folder after stop() (default: delete it). */
  keep?: boolean;
  /** Where the temp folder goes (default: os.tmpdir()). */
  parentDir?: string;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly workspace: string;
  readonly home: string;
  readonly logFile: string;
  readonly group: ProcessGroup;
  /** http://127.0.0.1:PORT/?folder=<workspace>[&extra] */
  workbenchUrl(extraQuery?: string): string;
  stop(): Promise<void>;
}

export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** The environment code-server runs with: the caller's, minus any real cloud credentials. */
function baseEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('ALIBABA_CLOUD_') || k.startsWith('ALICLOUD_') || k.startsWith('VSCODE_') || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    ...extra,
  };
}

export function installExtension(host: Host, vsix: string, extensionsDir: string, userDataDir: string, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(
    host.nodeBin,
    [host.entry, '--install-extension', vsix, '--force', '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir],
    { env, encoding: 'utf8', timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} into ${host.label} failed (exit ${String(r.status)}): ${r.stderr || r.stdout}`);
}

async function waitHealthy(url: string, group: ProcessGroup, logFile: string, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void group.exited.then((c) => (exitCode = c));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`code-server exited with ${String(exitCode)} before it was ready; see ${logFile}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  throw new Error(`code-server was not ready after ${timeoutMs} ms; see ${logFile}`);
}

/**
 * The server picks a display language from <user-data>/languagepacks.json, which the workbench
 * writes when it installs a language pack but the CLI's --install-extension does not: write it
 * from the installed extensions that contribute `localizations`.
 */
function registerLanguagePacks(extensionsDir: string, userDataDir: string): void {
  const file = join(userDataDir, 'languagepacks.json');
  const packs: Record<
    string,
    {
      hash: string;
      extensions: { extensionIdentifier: { id: string }; version: string }[];
      translations: Record<string, string>;
      label: string;
    }
  > = {};
  for (const name of readdirSync(extensionsDir)) {
    const manifest = join(extensionsDir, name, 'package.json');
    if (!existsSync(manifest)) continue;
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name: string;
      publisher: string;
      version: string;
      contributes?: {
        localizations?: {
          languageId: string;
          localizedLanguageName?: string;
          languageName?: string;
          translations: { id: string; path: string }[];
        }[];
      };
    };
    for (const l of m.contributes?.localizations ?? []) {
      const id = `${m.publisher}.${m.name}`;
      packs[l.languageId] = {
        hash: createHash('md5').update(id).update(m.version).digest('hex'),
        extensions: [{ extensionIdentifier: { id }, version: m.version }],
        translations: Object.fromEntries(l.translations.map((t) => [t.id, join(extensionsDir, name, t.path)])),
        label: l.localizedLanguageName ?? l.languageName ?? l.languageId,
      };
    }
  }
  writeFileSync(file, JSON.stringify(packs));
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const { host } = opts;
  assertHostInstalled(host);
  const dir = mkdtempSync(join(opts.parentDir ?? tmpdir(), `swas-cs-${host.id}-`));
  const userDataDir = join(dir, 'user-data');
  const extensionsDir = join(dir, 'extensions');
  const workspace = join(dir, 'workspace');
  const home = join(dir, 'home');
  const logFile = join(dir, 'code-server.log');
  for (const d of [join(userDataDir, 'User'), join(userDataDir, 'Machine'), extensionsDir, workspace, home])
    mkdirSync(d, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.settings }, null, 2));
  // code-server is a remote window: machine-scoped settings (swas.endpoint) are read from the
  // remote's Machine settings, never from User settings.
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify({ ...opts.settings }, null, 2));
  writeFileSync(join(dir, 'cs.yaml'), 'auth: none\n');
  const env = baseEnv(home, opts.env ?? {});
  // Interrupted (Ctrl-C, a runner's SIGTERM): the group is killed and the temp folder removed.
  const removeDir = (): void => {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  const unhook = onExit(removeDir);
  let group: ProcessGroup | undefined;
  try {
    for (const v of opts.vsix ?? []) installExtension(host, v, extensionsDir, userDataDir, env);
    if (opts.locale) registerLanguagePacks(extensionsDir, userDataDir);
    const port = opts.port ?? (await freePort());
    const args = [
      host.entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--config',
      join(dir, 'cs.yaml'),
    ];
    if (opts.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
    if (opts.locale) args.push('--locale', opts.locale);
    args.push(workspace);
    group = spawnGroup(host.nodeBin, args, { cwd: dir, env, logFile });
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url, group, logFile, 30_000);
    const g = group;
    return {
      url,
      port,
      dir,
      userDataDir,
      extensionsDir,
      workspace,
      home,
      logFile,
      group: g,
      workbenchUrl: (extra) => `${url}/?folder=${encodeURIComponent(workspace)}${extra ? `&${extra}` : ''}`,
      stop: async () => {
        await g.stop();
        removeDir();
        unhook();
      },
    };
  } catch (e) {
    await group?.stop();
    removeDir();
    unhook();
    throw e;
  }
}
