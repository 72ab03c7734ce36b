// The built-in shell's file system: every path is looked up component by component inside the
// server's disk folder, as a chroot would: `..` stops at the server's `/`, a symbolic link is
// read and followed *inside* the folder (an absolute target starts again at the server's `/`), so
// no name, `..` or link can reach a host file. Every call is synchronous (no other run of this
// shell can change the folder between the look-up and the use), and each host path is checked
// to lie inside the folder before use. /usr, /bin, /lib*, /sbin, /proc, /sys and /dev are empty
// read-only directories (writes: "Read-only file system"); /dev/null discards, /dev/std* are fds.
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join, sep } from 'node:path';

export const SYSTEM_DIRS: ReadonlySet<string> = new Set(['usr', 'bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32', 'proc', 'sys', 'dev']);

const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EINVAL: 'Invalid argument',
  EXDEV: 'Invalid cross-device link',
  EBUSY: 'Device or resource busy',
};

export class FsError extends Error {
  constructor(readonly code: string) {
    super(STRERROR[code] ?? code);
  }
}

/** The text of any error from the file system (a strerror sentence). */
export function errorText(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && STRERROR[code]) return STRERROR[code];
  return e instanceof Error ? e.message : String(e);
}

export type Loc =
  | { sys?: undefined; v: string; host: string; st: Stats | undefined }
  | { sys: 'dir' | 'null' | 'missing'; v: string }
  | { sys: 'fd'; v: string; fd: number };

export class Confined {
  readonly root: string;

  constructor(root: string) {
    this.root = realpathSync(root);
  }

  /** The host path of a component list, asserted to lie inside the folder. */
  private hostOf(parts: readonly string[]): string {
    const host = join(this.root, ...parts);
    if (host !== this.root && !host.startsWith(this.root + sep)) throw new FsError('EACCES');
    return host;
  }

  /**
   * Looks `path` up (relative to `cwd`); `follow`: whether a link as the last component is
   * followed. The last component may be missing (st undefined); a missing parent is ENOENT.
   */
  lookup(path: string, cwd: string, follow = true): Loc {
    if (path === '') throw new FsError('ENOENT');
    const queue = `${path.startsWith('/') ? '' : `${cwd}/`}${path}`.split('/').filter((c) => c !== '' && c !== '.');
    const done: string[] = [];
    let system: string[] | undefined;
    let hops = 0;
    while (queue.length > 0) {
      const c = queue.shift() ?? '';
      if (system) {
        if (c === '..') {
          if (system.pop() !== undefined && system.length === 0) system = undefined;
        } else system.push(c);
        continue;
      }
      if (c === '..') {
        done.pop();
        continue;
      }
      if (done.length === 0 && SYSTEM_DIRS.has(c)) {
        system = [c];
        continue;
      }
      const host = this.hostOf([...done, c]);
      let st: Stats | undefined;
      try {
        st = lstatSync(host);
      } catch (e) {
        if ((e as { code?: string }).code !== 'ENOENT') throw e;
      }
      if (!st) {
        if (queue.length > 0) throw new FsError('ENOENT');
        return { v: `/${[...done, c].join('/')}`, host, st: undefined };
      }
      if (st.isSymbolicLink() && (queue.length > 0 || follow)) {
        if (++hops > 40) throw new FsError('ELOOP');
        const target = readlinkSync(host);
        if (target.startsWith('/')) done.length = 0;
        queue.unshift(...target.split('/').filter((x) => x !== '' && x !== '.'));
        continue;
      }
      if (queue.length > 0 && !st.isDirectory()) throw new FsError('ENOTDIR');
      done.push(c);
      if (queue.length === 0) return { v: `/${done.join('/')}`, host, st };
    }
    if (system) {
      const v = `/${system.join('/')}`;
      if (system.length === 1) return { sys: 'dir', v };
      if (v === '/dev/null') return { sys: 'null', v };
      const fd = ['/dev/stdin', '/dev/stdout', '/dev/stderr'].indexOf(v);
      if (fd >= 0) return { sys: 'fd', v, fd };
      return { sys: 'missing', v };
    }
    const host = this.hostOf(done);
    return { v: `/${done.join('/')}`, host, st: lstatSync(host) };
  }

  /** Like lookup, but the thing must exist (ENOENT otherwise). */
  existing(path: string, cwd: string, follow = true): Loc {
    const loc = this.lookup(path, cwd, follow);
    if (loc.sys === 'missing' || (!loc.sys && !loc.st)) throw new FsError('ENOENT');
    return loc;
  }

  /** Whether the real file behind a host path still lies in the folder (belt and braces). */
  assertInside(host: string): void {
    let real: string;
    try {
      real = realpathSync(host);
    } catch {
      return;
    }
    if (real !== this.root && !real.startsWith(this.root + sep)) throw new FsError('EACCES');
  }
}
