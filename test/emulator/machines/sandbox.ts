// Runs a command "on" an emulated server: a real shell whose root file system is the server's disk
// folder, confined by bubblewrap (Debian's `bubblewrap`): the host's /usr is mounted read-only for
// the programs a shell needs, /proc, /dev and /tmp are private, there is no network and no other
// host file is visible; writes land only in the server's folder. Where bubblewrap cannot start, the
// emulator uses the built-in shell instead (builtinShell/: a small command set in TypeScript, no
// child process, confined to the folder by construction); `--sandbox` / SWAS_EMULATOR_SANDBOX choose.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let probed: boolean | undefined;

/** Whether bubblewrap can start a sandbox on this machine (checked once). */
export function sandboxAvailable(): boolean {
  if (probed === undefined) {
    const r = spawnSync(
      'bwrap',
      [
        '--ro-bind',
        '/usr',
        '/usr',
        '--symlink',
        'usr/bin',
        '/bin',
        '--symlink',
        'usr/lib',
        '/lib',
        '--symlink',
        'usr/lib64',
        '/lib64',
        '--unshare-all',
        '--die-with-parent',
        '/bin/sh',
        '-c',
        'exit 0',
      ],
      { stdio: 'ignore', timeout: 10_000 },
    );
    probed = r.status === 0;
  }
  return probed;
}

export interface SandboxOptions {
  /** The server's disk folder: becomes `/`. */
  root: string;
  /** Working directory inside the server, e.g. /root. */
  cwd: string;
  user: string;
  env?: Record<string, string>;
}

function present(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function homeOf(user: string): string {
  return user === 'root' ? '/root' : `/home/${user}`;
}

function hostNameOf(root: string): string | undefined {
  try {
    const file = join(root, 'etc', 'hostname');
    if (!lstatSync(file).isFile()) return undefined;
    const name = readFileSync(file, 'utf8').trim();
    return /^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** bwrap arguments that make `root` the server's `/` (exported for tests). */
export function sandboxArgs(o: SandboxOptions, command: string[]): string[] {
  const args = ['--bind', o.root, '/', '--ro-bind', '/usr', '/usr'];
  // /bin → usr/bin etc., made once in the server's folder (bwrap refuses to make them twice).
  for (const l of ['bin', 'lib', 'lib64', 'sbin'])
    if (existsSync(`/usr/${l}`) && !present(join(o.root, l))) args.push('--symlink', `usr/${l}`, `/${l}`);
  if (existsSync('/etc/alternatives')) args.push('--ro-bind', '/etc/alternatives', '/etc/alternatives');
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--unshare-all', '--die-with-parent', '--clearenv');
  // `hostname` answers the server's name (its /etc/hostname), not the host's.
  const name = hostNameOf(o.root);
  if (name) args.push('--hostname', name);
  const env: Record<string, string> = {
    HOME: homeOf(o.user),
    USER: o.user,
    LOGNAME: o.user,
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    ...o.env,
  };
  for (const [k, v] of Object.entries(env)) args.push('--setenv', k, v);
  args.push('--chdir', o.cwd, ...command);
  return args;
}

/** Starts `command` inside the server's sandbox. */
export function spawnInSandbox(o: SandboxOptions, command: string[]): ChildProcess {
  return spawn('bwrap', sandboxArgs(o, command), { stdio: ['pipe', 'pipe', 'pipe'] });
}

export type SandboxKind = 'bwrap' | 'builtin';
export type SandboxChoice = SandboxKind | 'auto';

/** `--sandbox bwrap|builtin|auto` (also SWAS_EMULATOR_SANDBOX); anything else is an error. */
export function parseSandboxChoice(text: string): SandboxChoice {
  const v = text.trim().toLowerCase();
  if (v === 'bwrap' || v === 'builtin' || v === 'auto') return v;
  throw new Error(`--sandbox must be bwrap, builtin or auto (not ${JSON.stringify(text)})`);
}

/** The choice of the environment (SWAS_EMULATOR_SANDBOX), when set. */
export function sandboxFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxChoice | undefined {
  const v = env.SWAS_EMULATOR_SANDBOX?.trim();
  return v ? parseSandboxChoice(v) : undefined;
}

/** auto: bubblewrap when it can start, else the built-in shell; bwrap where it cannot start: an error. */
export function resolveSandbox(choice: SandboxChoice, available: () => boolean = sandboxAvailable): SandboxKind {
  if (choice === 'builtin') return 'builtin';
  if (available()) return 'bwrap';
  if (choice === 'bwrap')
    throw new Error(
      '--sandbox bwrap: bubblewrap cannot start a sandbox here (install the Debian package "bubblewrap", or use --sandbox builtin or auto)',
    );
  return 'builtin';
}
