// The one managed section this extension keeps in an OpenSSH client config (`~/.ssh/config`, or
// the file `remote.SSH.configFile` names). Everything outside the section stays byte for byte as
// it was: line endings (LF or CRLF), `Include`, `Match`, comments, a missing final newline, a BOM.
//
// Where the section goes: ssh takes the FIRST value it finds for each option, so a host-specific
// block must come before the user's general ones (`Host *` with a `User` would otherwise win over
// ours). A new section is therefore put at the top of the file (after a BOM), and it ends with a
// `Host *` line so that whatever follows it (global lines that used to be at the top, such as an
// `Include`) still applies to every host, exactly as before. A section the user moved stays where
// it is.
//
// Inside the section each `Host <alias>` block is ours; blocks of other aliases are kept as they
// are (so a hand edit of another server's block survives an update of this one).
// No `vscode` import: pure text in, text out.

export const SECTION_BEGIN = '# >>> SWAS Explorer: managed hosts (this section is rewritten by the extension) >>>';
export const SECTION_END = '# <<< SWAS Explorer: managed hosts <<<';
const BEGIN_PREFIX = '# >>> SWAS Explorer';
const END_PREFIX = '# <<< SWAS Explorer';
const RESET_LINE = 'Host *';

export interface SshHostEntry {
  /** The `Host` alias, e.g. `swas-web-1` (see hostAlias). */
  alias: string;
  hostName: string;
  user: string;
  port: number;
  /** Private key file; written with IdentitiesOnly yes. */
  identityFile?: string;
}

export const SSH_CONFIG_CODES = [
  'SshConfig.UnbalancedSection',
  'SshConfig.DuplicateSection',
  'SshConfig.InvalidAlias',
  'SshConfig.InvalidHostName',
  'SshConfig.InvalidUser',
  'SshConfig.InvalidPort',
  'SshConfig.InvalidIdentityFile',
  'SshConfig.Changed',
  'SshConfig.Unreadable',
  'SshConfig.NotUtf8',
] as const;
export type SshConfigErrorCode = (typeof SSH_CONFIG_CODES)[number];

export class SshConfigError extends Error {
  constructor(
    readonly code: SshConfigErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'SshConfigError';
  }
}

interface Split {
  /** Text before the section (or the insertion point). */
  before: string;
  /** Lines strictly between the markers, each with its own line ending. */
  inner: string[];
  after: string;
  found: boolean;
  eol: string;
  /** The end marker's own line ending ('' when it is the file's last, unterminated line). */
  endEol: string;
}

/** Splits into lines that keep their endings; the last may have none. */
function lines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function content(line: string): string {
  return line.replace(/\r?\n$/, '');
}

/** The file's own line ending: CRLF if its first line ending is CRLF, else LF. */
export function detectEol(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

function split(file: string): Split {
  // A byte-order mark stays the file's first character, before a section put at the top.
  const bom = file.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = file.slice(bom.length);
  const eol = detectEol(text);
  const all = lines(text);
  const begins: number[] = [];
  const ends: number[] = [];
  all.forEach((l, i) => {
    const c = content(l).trim();
    if (c.startsWith(BEGIN_PREFIX)) begins.push(i);
    else if (c.startsWith(END_PREFIX)) ends.push(i);
  });
  if (begins.length === 0 && ends.length === 0) return { before: bom, inner: [], after: text, found: false, eol, endEol: eol };
  if (begins.length > 1 || ends.length > 1) {
    throw new SshConfigError(
      'SshConfig.DuplicateSection',
      `the file has ${begins.length} start and ${ends.length} end markers of the SWAS Explorer section`,
    );
  }
  const b = begins[0];
  const e = ends[0];
  if (b === undefined || e === undefined || e < b) {
    throw new SshConfigError(
      'SshConfig.UnbalancedSection',
      'the SWAS Explorer section has a start marker without an end marker (or the other way round)',
    );
  }
  const endLine = all[e] ?? '';
  return {
    before: bom + all.slice(0, b).join(''),
    inner: all.slice(b + 1, e),
    after: all.slice(e + 1).join(''),
    found: true,
    eol,
    endEol: /\r?\n$/.exec(endLine)?.[0] ?? '',
  };
}

interface Block {
  /** Alias of the block's Host line; undefined for lines before the first Host line. */
  alias: string | undefined;
  lines: string[];
}

function blocks(inner: string[]): Block[] {
  const out: Block[] = [];
  let cur: Block = { alias: undefined, lines: [] };
  for (const l of inner) {
    const m = /^\s*Host\s+(.+?)\s*$/i.exec(content(l));
    if (m) {
      if (cur.lines.length) out.push(cur);
      cur = { alias: m[1], lines: [l] };
    } else cur.lines.push(l);
  }
  if (cur.lines.length) out.push(cur);
  return out;
}

const ALIAS = /^[A-Za-z0-9._-]{1,64}$/;
const HOSTNAME = /^[A-Za-z0-9.:_-]{1,253}$/;
const USER = /^[A-Za-z0-9._][A-Za-z0-9._-]{0,31}$/;

function quotePath(p: string): string {
  // Backslashes: OpenSSH ≥ 8.7 reads `\\` and `\"` as escapes; forward slashes work on Windows too.
  const path = /^[A-Za-z]:\\/.test(p) || p.startsWith('\\\\') ? p.replace(/\\/g, '/') : p;
  return /[\s#]/.test(path) ? `"${path}"` : path;
}

/** Throws SshConfigError for a value that would break the file or change its meaning. */
export function validateEntry(e: SshHostEntry): void {
  if (!ALIAS.test(e.alias) || e.alias === '*') throw new SshConfigError('SshConfig.InvalidAlias', 'letters, digits, ".", "_" and "-" only');
  if (!HOSTNAME.test(e.hostName)) throw new SshConfigError('SshConfig.InvalidHostName', 'an IP address or host name');
  if (!USER.test(e.user)) throw new SshConfigError('SshConfig.InvalidUser', 'a login user name (letters, digits, ".", "_", "-")');
  if (!Number.isInteger(e.port) || e.port < 1 || e.port > 65535)
    throw new SshConfigError('SshConfig.InvalidPort', 'a port from 1 to 65535');
  if (e.identityFile !== undefined) {
    if (e.identityFile === '' || /["\u0000-\u001f\u007f]/.test(e.identityFile) || e.identityFile.length > 4096) {
      throw new SshConfigError('SshConfig.InvalidIdentityFile', 'a file path without quotes or control characters');
    }
  }
}

function render(e: SshHostEntry, eol: string): string[] {
  const out = [`Host ${e.alias}`, `  HostName ${e.hostName}`, `  User ${e.user}`, `  Port ${e.port}`];
  if (e.identityFile !== undefined) out.push(`  IdentityFile ${quotePath(e.identityFile)}`, '  IdentitiesOnly yes');
  return out.map((l) => l + eol);
}

/** The section rebuilt from the kept blocks; without any, the section (and its line ending) goes. */
function assemble(s: Split, kept: Block[]): string {
  if (kept.length === 0) return s.before + s.after;
  const body = kept.flatMap((b) => {
    const ls = [...b.lines];
    const last = ls[ls.length - 1];
    if (last !== undefined && !last.endsWith('\n')) ls[ls.length - 1] = last + s.eol;
    return ls;
  });
  return s.before + [SECTION_BEGIN + s.eol, ...body, RESET_LINE + s.eol, SECTION_END].join('') + s.endEol + s.after;
}

function ours(inner: string[]): Block[] {
  return blocks(inner).filter((b) => b.alias !== undefined && b.alias !== '*');
}

/** The entries of the managed section (only blocks this module could have written). */
export function managedHosts(text: string): SshHostEntry[] {
  const s = split(text);
  return ours(s.inner).map((b) => {
    const get = (k: string): string | undefined => {
      for (const l of b.lines) {
        const m = new RegExp(`^\\s*${k}\\s+(.+?)\\s*$`, 'i').exec(content(l));
        if (m?.[1] !== undefined) return m[1].replace(/^"(.*)"$/, '$1');
      }
      return undefined;
    };
    const id = get('IdentityFile');
    return {
      alias: b.alias ?? '',
      hostName: get('HostName') ?? '',
      user: get('User') ?? '',
      port: Number(get('Port') ?? 22),
      ...(id !== undefined ? { identityFile: id } : {}),
    };
  });
}

/** Adds or replaces the block of `entry.alias`; idempotent. */
export function upsertHost(text: string, entry: SshHostEntry): string {
  validateEntry(entry);
  const s = split(text);
  const bs = ours(s.inner);
  const fresh: Block = { alias: entry.alias, lines: render(entry, s.eol) };
  const i = bs.findIndex((b) => b.alias === entry.alias);
  if (i >= 0) bs[i] = fresh;
  else bs.push(fresh);
  return assemble(s, bs);
}

/** Removes the block of `alias`, and the whole section once it holds no host. */
export function removeHost(text: string, alias: string): string {
  const s = split(text);
  if (!s.found) return text;
  return assemble(
    s,
    ours(s.inner).filter((b) => b.alias !== alias),
  );
}

/** `swas-<name>` from the server's name (or its id when the name has nothing usable). */
export function hostAlias(instanceName: string, instanceId: string): string {
  const base = instanceName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return `swas-${base || instanceId.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 50)}`;
}
