// Reads, edits and atomically rewrites an ssh client config file. The edit is a pure function of
// the text (src/core/ssh/sshConfig.ts); this module only does the file system part:
// - a missing file is empty text (its folder is created with mode 0700, the file with 0600);
// - a symlinked config (dotfile managers) is written through to its target, never replaced;
// - the new text goes to a temporary file in the same folder with the old file's mode, is flushed,
//   and renamed over the old one, so a crash leaves either the old or the new file, never half;
// - if the file changed between our read and our write, nothing is written (SshConfig.Changed);
// - a file that cannot be read (SshConfig.Unreadable) or is not UTF-8 (SshConfig.NotUtf8) is left
//   as it is, with an error that names it.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { SshConfigError } from './sshConfig';

export interface EditResult {
  path: string;
  changed: boolean;
}

async function readOrEmpty(path: string): Promise<{ text: string; mode: number | undefined }> {
  let bytes: Buffer;
  let mode: number;
  try {
    const [b, st] = await Promise.all([fs.readFile(path), fs.stat(path)]);
    bytes = b;
    mode = st.mode & 0o7777;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { text: '', mode: undefined };
    throw new SshConfigError('SshConfig.Unreadable', `${path} could not be read (${code ?? (e as Error).message}); nothing was written`);
  }
  // Text that is not UTF-8 would come back with U+FFFD in place of its bytes: refuse instead of
  // rewriting (a byte outside our section must never change).
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes))
    throw new SshConfigError(
      'SshConfig.NotUtf8',
      `${path} is not UTF-8 text; nothing was written (save it as UTF-8, or add the host by hand)`,
    );
  return { text, mode };
}

async function resolveTarget(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    // A dangling symlink: write to where it points.
    try {
      const link = await fs.readlink(path);
      return link.startsWith('/') ? link : join(dirname(path), link);
    } catch {
      return path;
    }
  }
}

/** Applies `edit` to the file's text and writes the result atomically when it differs. */
export async function editSshConfigFile(path: string, edit: (text: string) => string): Promise<EditResult> {
  const target = await resolveTarget(path);
  const before = await readOrEmpty(target);
  const next = edit(before.text);
  if (next === before.text) return { path: target, changed: false };
  const dir = dirname(target);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(target)}.swas-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', before.mode ?? 0o600);
  try {
    await handle.writeFile(next, 'utf8');
    await handle.chmod(before.mode ?? 0o600);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    const now = await readOrEmpty(target);
    if (now.text !== before.text)
      throw new SshConfigError('SshConfig.Changed', `${target} changed while it was being updated; nothing was written`);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  return { path: target, changed: true };
}
