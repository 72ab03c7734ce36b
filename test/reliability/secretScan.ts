// A reusable secret scanner: searches strings, files and whole directory trees for the AccessKey
// secrets and STS SecurityTokens the emulator knows (plus any literals the caller adds) and for
// any `Signature=<value>` that was not redacted. Binary files (LevelDB, SQLite, caches of
// code-server's browser storage) are searched byte-wise in UTF-8, UTF-16LE and percent-encoded
// forms, so a token stored by Chromium as a UTF-16 string is found too.
//
//   import { scanDirectory, scanText, DEFAULT_SECRETS } from '../reliability/secretScan';
//   const report = await scanDirectory(userDataDir, { secrets: [...DEFAULT_SECRETS, mySecret] });
//   assert.deepEqual(report.hits, []);
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEMO_ACCESS_KEY_SECRET,
  DISABLED_ACCESS_KEY_SECRET,
  OTHER_ACCESS_KEY_SECRET,
  STS_ACCESS_KEY_SECRET,
  STS_TOKEN_EXPIRED,
  STS_TOKEN_VALID,
} from '../emulator/seeds/credentials';

/** Every secret the emulator's seed holds: AccessKey secrets and STS SecurityTokens. */
export const DEFAULT_SECRETS: readonly string[] = [
  DEMO_ACCESS_KEY_SECRET,
  STS_ACCESS_KEY_SECRET,
  DISABLED_ACCESS_KEY_SECRET,
  OTHER_ACCESS_KEY_SECRET,
  STS_TOKEN_VALID,
  STS_TOKEN_EXPIRED,
];

export interface SecretHit {
  /** File path, or the label given to scanText. */
  where: string;
  /** 'secret' (a literal), 'signature' (an unredacted Signature= value), 'privateKey' (a PEM/OpenSSH private key block). */
  kind: 'secret' | 'signature' | 'privateKey';
  /** Which literal matched (masked), or the signature's first characters (masked). */
  what: string;
  /** Byte or character offset of the match. */
  offset: number;
  /** Encoding in which it was found: utf8, utf16le, percent, percent-twice. */
  encoding: string;
}

export interface ScanOptions {
  /** Literals to look for (default DEFAULT_SECRETS). Literals shorter than 6 characters are ignored. */
  secrets?: readonly string[];
  /** Also look for unredacted `Signature=` values (default true). */
  signatures?: boolean;
  /** Files larger than this are read only up to it (default 64 MiB). */
  maxFileBytes?: number;
  /** Directory or file names to skip (e.g. 'node_modules', 'extensions'). */
  skipNames?: readonly string[];
  /** Exact file paths to skip (the private key file itself, whose content is the secret). */
  skipPaths?: readonly string[];
  /** Also look for any `-----BEGIN … PRIVATE KEY-----` block, whatever key it holds (default false). */
  privateKeyBlocks?: boolean;
}

export interface ScanReport {
  files: number;
  bytes: number;
  hits: SecretHit[];
  /** Files that could not be read (permission, vanished): listed, not fatal. */
  unreadable: string[];
}

/** Values a redactor leaves behind after `Signature=`: not hits. */
const REDACTED_VALUES = new Set(['[redacted]', '***', '%5Bredacted%5D', '[REDACTED]', '']);
const SIGNATURE_RE = /(?<![A-Za-z])Signature(?:=|%3D|%253D)([^&\s"'<>\\,;)\]}]*)/g;

function mask(s: string): string {
  return s.length <= 6 ? '***' : `${s.slice(0, 3)}…(${s.length})`;
}

function needles(opts: ScanOptions): string[] {
  return [...new Set((opts.secrets ?? DEFAULT_SECRETS).filter((s) => s.length >= 6))];
}

function signatureHits(text: string, where: string, encoding: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const m of text.matchAll(SIGNATURE_RE)) {
    const value = m[1] ?? '';
    if (REDACTED_VALUES.has(value) || /^(\[|%5B)?redacted(\]|%5D)?$/i.test(value) || /^\*+$/.test(value)) continue;
    // Code and docs mention the parameter name followed by a placeholder, not a base64 value.
    if (!/[A-Za-z0-9+/%]{8,}/.test(value)) continue;
    hits.push({ where, kind: 'signature', what: mask(value), offset: m.index, encoding });
  }
  return hits;
}

const PRIVATE_KEY_BLOCK = /-----BEGIN (?:OPENSSH |RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----/g;

function blockHits(text: string, where: string, encoding: string): SecretHit[] {
  return [...text.matchAll(PRIVATE_KEY_BLOCK)].map((m) => ({ where, kind: 'privateKey' as const, what: m[0], offset: m.index, encoding }));
}

function bodyLines(pem: string): string[] {
  return pem
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('-----'));
}

/**
 * What to look for so that a private key file's secret is found however it leaked: the whole file,
 * each base64 line of its body (a log that wrapped or split it), and the body as one line (JSON,
 * a single-line dump). Lines shorter than 16 characters (a short last line) are left out: they
 * could match by chance. So are lines that `other` (another key of the same type) has too: the
 * format's fixed header (for ed25519 the whole first line, `b3BlbnNzaC1rZXktdjEA…`, is the same in
 * every unencrypted key, the server's own host key included).
 */
export function privateKeyNeedles(pem: string, other = ''): string[] {
  const common = new Set(bodyLines(other));
  const body = bodyLines(pem);
  return [...new Set([pem.trim(), body.join(''), ...body.filter((l) => l.length >= 16 && !common.has(l))])];
}

/** The literal as written, percent-encoded (a URL, a form body) and encoded twice (a string-to-sign). */
function encodedForms(s: string): [string, string][] {
  const once = encodeURIComponent(s);
  const twice = encodeURIComponent(once);
  const forms: [string, string][] = [['utf8', s]];
  if (once !== s) forms.push(['percent', once], ['percent-twice', twice]);
  return forms;
}

/** Hits in one string (a log, an error message, a JSON dump). */
export function scanText(text: string, where = 'text', opts: ScanOptions = {}): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const s of needles(opts)) {
    for (const [encoding, form] of encodedForms(s)) {
      let i = text.indexOf(form);
      while (i >= 0) {
        hits.push({ where, kind: 'secret', what: mask(s), offset: i, encoding });
        i = text.indexOf(form, i + form.length);
      }
    }
  }
  if (opts.signatures !== false) hits.push(...signatureHits(text, where, 'utf8'));
  if (opts.privateKeyBlocks) hits.push(...blockHits(text, where, 'utf8'));
  return hits;
}

/** Hits in a buffer (any file): UTF-8/latin1 bytes and UTF-16LE. */
export function scanBuffer(buf: Buffer, where: string, opts: ScanOptions = {}): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const s of needles(opts)) {
    const forms: [string, Buffer][] = [
      ...encodedForms(s).map(([encoding, form]): [string, Buffer] => [encoding, Buffer.from(form, 'utf8')]),
      ['utf16le', Buffer.from(s, 'utf16le')],
    ];
    for (const [encoding, form] of forms) {
      let i = buf.indexOf(form);
      while (i >= 0) {
        hits.push({ where, kind: 'secret', what: mask(s), offset: i, encoding });
        i = buf.indexOf(form, i + form.length);
      }
    }
  }
  if (opts.signatures !== false) {
    hits.push(...signatureHits(buf.toString('latin1'), where, 'utf8'));
    // UTF-16LE text: drop the zero high bytes of ASCII characters, then search as text.
    if (buf.includes(Buffer.from('Signature', 'utf16le'))) hits.push(...signatureHits(buf.toString('utf16le'), where, 'utf16le'));
  }
  if (opts.privateKeyBlocks) {
    hits.push(...blockHits(buf.toString('latin1'), where, 'utf8'));
    if (buf.includes(Buffer.from('PRIVATE KEY', 'utf16le'))) hits.push(...blockHits(buf.toString('utf16le'), where, 'utf16le'));
  }
  return hits;
}

/** Every regular file under `root` (or `root` itself when it is a file), recursively. */
export async function scanDirectory(root: string, opts: ScanOptions = {}): Promise<ScanReport> {
  const report: ScanReport = { files: 0, bytes: 0, hits: [], unreadable: [] };
  const max = opts.maxFileBytes ?? 64 * 1024 * 1024;
  const skip = new Set(opts.skipNames ?? []);
  const skipPaths = new Set(opts.skipPaths ?? []);
  async function visit(path: string): Promise<void> {
    if (skipPaths.has(path)) return;
    let st;
    try {
      st = await stat(path);
    } catch {
      report.unreadable.push(path);
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = await readdir(path);
      } catch {
        report.unreadable.push(path);
        return;
      }
      for (const n of names.sort()) if (!skip.has(n)) await visit(join(path, n));
      return;
    }
    if (!st.isFile()) return;
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch {
      report.unreadable.push(path);
      return;
    }
    if (buf.length > max) buf = buf.subarray(0, max);
    report.files += 1;
    report.bytes += buf.length;
    report.hits.push(...scanBuffer(buf, path, opts));
  }
  await visit(root);
  return report;
}

/** Scans several directories (missing ones are skipped) and merges the reports. */
export async function scanDirectories(roots: readonly string[], opts: ScanOptions = {}): Promise<ScanReport> {
  const total: ScanReport = { files: 0, bytes: 0, hits: [], unreadable: [] };
  for (const r of roots) {
    const exists = await stat(r).then(
      () => true,
      () => false,
    );
    if (!exists) continue;
    const one = await scanDirectory(r, opts);
    total.files += one.files;
    total.bytes += one.bytes;
    total.hits.push(...one.hits);
    total.unreadable.push(...one.unreadable);
  }
  return total;
}

/** One line per hit, for assertion messages (values masked). */
export function formatHits(hits: readonly SecretHit[]): string {
  return hits.map((h) => `${h.where} @${h.offset} ${h.kind} ${h.what} (${h.encoding})`).join('\n');
}
