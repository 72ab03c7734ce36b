// Forgetting a server's SSH host key after a reset, where OpenSSH really keeps it. `ssh -G` says
// which known_hosts files apply to the host (UserKnownHostsFile of the user's config, with `~`
// expanded by ssh itself from the passwd entry, not $HOME) and the name the key is filed under
// (HostKeyAlias, or the host with its port in brackets when the port is not 22); then
// `ssh-keygen -R <name> -f <file>` for each file that exists. Both run without a shell, and only
// an IP address, a port number, an alias we wrote and file paths are ever passed.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';

export interface KnownHostTarget {
  /** The server's IP address. */
  ip: string;
  /** The SSH port (default 22). */
  port?: number;
  /** Our `Host swas-<name>` alias, when the ssh config has one for the server. */
  alias?: string;
  /** The ssh config file to read (`-F`); undefined = ssh's own default. */
  configFile?: string;
}

export interface ForgetResult {
  /** The name the key is filed under (`ip`, `[ip]:port` or the HostKeyAlias). */
  name: string;
  /** The known_hosts files that exist and were looked at. */
  files: string[];
  /** Those that held a key for `name` (it is removed from them; ssh-keygen keeps a `.old` copy). */
  removedFrom: string[];
}

export type Exec = (file: string, args: readonly string[]) => Promise<{ stdout: string; stderr: string }>;

export const execFileText: Exec = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { timeout: 10_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(Object.assign(err, { stderr }));
      else resolve({ stdout, stderr });
    });
  });

/** The `ssh -G` arguments that resolve the configuration of the target. */
export function sshGArgs(t: KnownHostTarget): string[] {
  const file = t.configFile ? ['-F', t.configFile] : [];
  return t.alias ? ['-G', ...file, t.alias] : ['-G', ...file, '-p', String(t.port ?? 22), t.ip];
}

/** The values of `ssh -G` output lines (`key value…`), by lower-case key. */
export function parseSshG(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^(\S+) (.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined && !out.has(m[1].toLowerCase())) out.set(m[1].toLowerCase(), m[2]);
  }
  return out;
}

/**
 * The files of a `userknownhostsfile` value. ssh -G separates them by spaces and does not quote a
 * path with spaces in it, so consecutive words are joined when only the joined path exists.
 */
export function knownHostsFiles(value: string, exists: (p: string) => boolean = existsSync): string[] {
  const words = value.split(' ').filter((w) => w !== '' && w.toLowerCase() !== 'none');
  const files: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let path = words[i] ?? '';
    for (let j = i + 1; !exists(path) && j < words.length; j++) {
      const longer = words.slice(i, j + 1).join(' ');
      if (exists(longer)) {
        path = longer;
        i = j;
        break;
      }
    }
    files.push(path);
  }
  return files;
}

/** The name OpenSSH files the key under: HostKeyAlias, else `host` for port 22, else `[host]:port`. */
export function knownHostsName(host: string, port: number, hostKeyAlias?: string): string {
  if (hostKeyAlias && hostKeyAlias.toLowerCase() !== 'none') return hostKeyAlias;
  return port === 22 ? host : `[${host}]:${port}`;
}

export async function forgetKnownHost(
  t: KnownHostTarget,
  exec: Exec = execFileText,
  exists: (p: string) => boolean = existsSync,
): Promise<ForgetResult> {
  if (isIP(t.ip) === 0) throw new Error(`not an IP address: ${t.ip}`);
  if (t.alias !== undefined && !/^[\w.-]+$/.test(t.alias)) throw new Error(`not a host alias: ${t.alias}`);
  const g = parseSshG((await exec('ssh', sshGArgs(t))).stdout);
  const port = Number(g.get('port') ?? t.port ?? 22);
  const name = knownHostsName(t.alias ? (g.get('hostname') ?? t.ip) : t.ip, Number.isInteger(port) ? port : 22, g.get('hostkeyalias'));
  const files = knownHostsFiles(g.get('userknownhostsfile') ?? '', exists).filter((f) => exists(f));
  const removedFrom: string[] = [];
  for (const f of files) {
    // ssh-keygen -R prints "# Host <name> found: line N" on stdout for each key it removes.
    const r = await exec('ssh-keygen', ['-R', name, '-f', f]);
    if (/^# Host .* found/m.test(r.stdout)) removedFrom.push(f);
  }
  return { name, files, removedFrom };
}
