// The operations the built-in commands need, over the confined look-up (vfs.ts). Synchronous, so
// a look-up and its use happen in one step. New files and folders get the shell's umask.
import {
  closeSync,
  constants,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  chmodSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { Confined, FsError, SYSTEM_DIRS } from './vfs';
import type { Loc } from './vfs';

export interface Info {
  type: 'file' | 'dir' | 'link' | 'chr' | 'other';
  size: number;
  mode: number;
  mtime: Date;
  nlink: number;
}

const EPOCH = new Date(0);

export class ShellFs extends Confined {
  umask = 0o022;

  info(path: string, cwd: string, follow = true): Info {
    const loc = this.existing(path, cwd, follow);
    if (loc.sys === 'dir') return { type: 'dir', size: 4096, mode: 0o755, mtime: EPOCH, nlink: 2 };
    if (loc.sys) return { type: 'chr', size: 0, mode: 0o666, mtime: EPOCH, nlink: 1 };
    const st = loc.st ?? lstatSync(loc.host);
    const type = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    return { type, size: st.size, mode: st.mode & 0o7777, mtime: st.mtime, nlink: st.nlink };
  }

  exists(path: string, cwd: string): boolean {
    try {
      this.existing(path, cwd);
      return true;
    } catch {
      return false;
    }
  }

  read(path: string, cwd: string): Buffer {
    const loc = this.existing(path, cwd);
    if (loc.sys === 'dir') throw new FsError('EISDIR');
    if (loc.sys) return Buffer.alloc(0);
    if (loc.st?.isDirectory()) throw new FsError('EISDIR');
    this.assertInside(loc.host);
    return readFileSync(loc.host);
  }

  list(path: string, cwd: string): string[] {
    const loc = this.existing(path, cwd);
    if (loc.sys === 'dir') return [];
    if (loc.sys) throw new FsError('ENOTDIR');
    if (!loc.st?.isDirectory()) throw new FsError('ENOTDIR');
    this.assertInside(loc.host);
    const names = readdirSync(loc.host);
    if (loc.v === '/') for (const d of SYSTEM_DIRS) if (!names.includes(d) && !['lib32', 'libx32'].includes(d)) names.push(d);
    return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private writable(path: string, cwd: string, follow = true): Loc & { sys?: undefined } {
    const loc = this.lookup(path, cwd, follow);
    if (loc.sys) throw new FsError('EROFS');
    return loc;
  }

  /** Opens for writing; answers a host fd, or 'null' for /dev/null, or the fd number of /dev/std*. */
  open(path: string, cwd: string, append: boolean): { fd: number } | { null: true } | { std: number } {
    const loc = this.lookup(path, cwd);
    if (loc.sys === 'null') return { null: true };
    if (loc.sys === 'fd') return { std: loc.fd };
    if (loc.sys) throw new FsError('EROFS');
    if (loc.st?.isDirectory()) throw new FsError('EISDIR');
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | (append ? constants.O_APPEND : constants.O_TRUNC);
    const fd = openSync(loc.host, flags, 0o666 & ~this.umask);
    if (!loc.st) fchmodSync(fd, 0o666 & ~this.umask);
    return { fd };
  }

  write(path: string, cwd: string, data: Buffer | string, append = false): void {
    const o = this.open(path, cwd, append);
    if (!('fd' in o)) return;
    try {
      writeSync(o.fd, typeof data === 'string' ? Buffer.from(data) : data);
    } finally {
      closeSync(o.fd);
    }
  }

  touch(path: string, cwd: string): void {
    const loc = this.writable(path, cwd);
    if (loc.st) utimesSync(loc.host, new Date(), new Date());
    else this.write(path, cwd, '', true);
  }

  mkdir(path: string, cwd: string, parents = false): void {
    if (parents) {
      const abs = path.startsWith('/') ? path : `${cwd}/${path}`;
      const parts = abs.split('/').filter((c) => c !== '');
      for (let n = 1; n <= parts.length; n++) {
        const p = `/${parts.slice(0, n).join('/')}`;
        const loc = this.lookup(p, '/');
        if (loc.sys === 'dir' || (!loc.sys && loc.st?.isDirectory())) continue;
        if (!loc.sys && loc.st) throw new FsError(n === parts.length ? 'EEXIST' : 'ENOTDIR');
        this.mkdir(p, '/');
      }
      return;
    }
    const loc = this.writable(path, cwd, false);
    if (loc.st) throw new FsError('EEXIST');
    mkdirSync(loc.host);
    chmodSync(loc.host, 0o777 & ~this.umask);
  }

  remove(path: string, cwd: string, recursive: boolean): void {
    const loc = this.writable(path, cwd, false);
    if (!loc.st) throw new FsError('ENOENT');
    if (loc.v === '/') throw new FsError('EBUSY');
    if (loc.st.isDirectory() && !recursive) throw new FsError('EISDIR');
    rmSync(loc.host, { recursive, force: false });
  }

  /** Renames `from` to `to` (into `to` when it is a directory); answers the new virtual path. */
  rename(from: string, to: string, cwd: string): string {
    const src = this.writable(from, cwd, false);
    if (!src.st) throw new FsError('ENOENT');
    let dst = this.writable(to, cwd);
    if (dst.st?.isDirectory()) dst = this.writable(`${dst.v}/${src.v.split('/').pop() ?? ''}`, '/', false);
    if (src.v === '/' || dst.v === src.v) throw new FsError('EINVAL');
    renameSync(src.host, dst.host);
    return dst.v;
  }

  chmod(path: string, cwd: string, mode: (old: number) => number): void {
    const loc = this.existing(path, cwd);
    if (loc.sys) throw new FsError('EROFS');
    const old = lstatSync(loc.host).mode & 0o7777;
    chmodSync(loc.host, mode(old) & 0o777);
  }
}
