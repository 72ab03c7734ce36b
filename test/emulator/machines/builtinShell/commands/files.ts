// cat, mkdir (-p -m), rmdir, touch, rm (-r -f), cp (-r; a link is copied as what it points at),
// mv, chmod (octal or u+x,go-w style). Messages as GNU coreutils words them.
import { rmdirSync } from 'node:fs';
import { FsError, errorText } from '../vfs';
import { readAll } from '../io';
import { options } from './types';
import type { Builtin, Ctx } from './types';

/** Reads each operand (or stdin for none / "-"); answers 1 when one could not be read. */
export async function eachInput(files: string[], c: Ctx, use: (data: Buffer, name: string) => void): Promise<number> {
  let status = 0;
  for (const f of files.length ? files : ['-']) {
    if (f === '-') {
      use(await readAll(c.stdin), '-');
      continue;
    }
    try {
      use(c.sh.fs.read(f, c.sh.cwd), f);
    } catch (e) {
      c.fail(`${f}: ${errorText(e)}`);
      status = c.name === 'grep' ? 2 : 1;
    }
  }
  return status;
}

function usage(c: Ctx, error: string | undefined): number | undefined {
  if (error === undefined) return undefined;
  c.fail(error);
  return 1;
}

export function parseMode(spec: string, old: number, isDir: boolean): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = old;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxX]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] || 'a';
    let bits = 0;
    for (const p of m[3] ?? '') bits |= p === 'r' ? 4 : p === 'w' ? 2 : p === 'x' || (p === 'X' && (isDir || (old & 0o111) !== 0)) ? 1 : 0;
    let mask = 0;
    for (const w of who) mask |= w === 'u' ? 0o700 : w === 'g' ? 0o070 : w === 'o' ? 0o007 : 0o777;
    const value = (bits * 0o111) & mask;
    mode = m[2] === '+' ? mode | value : m[2] === '-' ? mode & ~value : (mode & ~mask) | value;
  }
  return mode;
}

function copy(c: Ctx, from: string, to: string, recursive: boolean, depth = 0): number {
  const fs = c.sh.fs;
  const cwd = c.sh.cwd;
  const info = fs.info(from, cwd);
  let dest = fs.lookup(to, cwd);
  if (!dest.sys && dest.st?.isDirectory() && depth === 0)
    dest = fs.lookup(`${dest.v}/${from.replace(/\/+$/, '').split('/').pop() ?? ''}`, '/');
  if (info.type === 'dir') {
    if (!recursive) {
      c.fail(`-r not specified; omitting directory '${from}'`);
      return 1;
    }
    const src = fs.lookup(from, cwd).v;
    if (dest.v === src || dest.v.startsWith(`${src}/`) || depth > 64) {
      c.fail(`cannot copy a directory, '${from}', into itself, '${to}'`);
      return 1;
    }
    if (dest.sys || !dest.st) fs.mkdir(dest.v, '/');
    let status = 0;
    for (const name of fs.list(src, '/')) status |= copy(c, `${src}/${name}`, `${dest.v}/${name}`, true, depth + 1);
    return status;
  }
  const data = fs.read(from, cwd);
  const created = !dest.sys && !dest.st;
  fs.write(dest.v, '/', data);
  if (created) fs.chmod(dest.v, '/', () => info.mode & ~fs.umask);
  return 0;
}

function guarded(c: Ctx, what: (f: string) => string, files: string[], act: (f: string) => void, quiet?: (e: unknown) => boolean): number {
  let status = 0;
  for (const f of files) {
    try {
      act(f);
    } catch (e) {
      if (quiet?.(e)) continue;
      c.fail(`${what(f)}: ${errorText(e)}`);
      status = 1;
    }
  }
  return status;
}

export const FILES: Record<string, Builtin> = {
  cat: (args, c) =>
    eachInput(
      args.filter((a) => a !== '--'),
      c,
      (d) => c.out.write(d),
    ),
  mkdir: (args, c) => {
    const o = options(args, 'pv', 'm');
    const bad = usage(c, o.error ?? (o.rest.length === 0 ? 'missing operand' : undefined));
    if (bad !== undefined) return bad;
    return guarded(
      c,
      (f) => `cannot create directory ‘${f}’`,
      o.rest,
      (f) => {
        c.sh.fs.mkdir(f, c.sh.cwd, o.flags.has('p'));
        const m = o.values.get('m');
        if (m !== undefined) c.sh.fs.chmod(f, c.sh.cwd, (old) => parseMode(m, old, true) ?? old);
      },
    );
  },
  rmdir: (args, c) =>
    guarded(
      c,
      (f) => `failed to remove '${f}'`,
      args,
      (f) => {
        const loc = c.sh.fs.existing(f, c.sh.cwd, false);
        if (loc.sys) throw new FsError('EROFS');
        if (!loc.st?.isDirectory()) throw new FsError('ENOTDIR');
        if (loc.v === '/') throw new FsError('EBUSY');
        rmdirSync(loc.host);
      },
    ),
  touch: (args, c) => {
    const o = options(args, 'acm');
    return (
      usage(c, o.error ?? (o.rest.length === 0 ? 'missing file operand' : undefined)) ??
      guarded(
        c,
        (f) => `cannot touch '${f}'`,
        o.rest,
        (f) => c.sh.fs.touch(f, c.sh.cwd),
      )
    );
  },
  rm: (args, c) => {
    const o = options(args, 'rRfvid');
    const force = o.flags.has('f');
    const recursive = o.flags.has('r') || o.flags.has('R');
    const bad = usage(c, o.error ?? (o.rest.length === 0 && !force ? 'missing operand' : undefined));
    if (bad !== undefined) return bad;
    if (
      recursive &&
      o.rest.some((f) => {
        try {
          return c.sh.fs.lookup(f, c.sh.cwd, false).v === '/';
        } catch {
          return false;
        }
      })
    ) {
      c.err.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      return 1;
    }
    return guarded(
      c,
      (f) => `cannot remove '${f}'`,
      o.rest,
      (f) => c.sh.fs.remove(f, c.sh.cwd, recursive),
      (e) => force && (e as FsError).code === 'ENOENT',
    );
  },
  cp: (args, c) => {
    const o = options(args, 'rRafpv');
    const bad = usage(
      c,
      o.error ??
        (o.rest.length < 2
          ? o.rest.length === 0
            ? 'missing file operand'
            : `missing destination file operand after '${o.rest[0] ?? ''}'`
          : undefined),
    );
    if (bad !== undefined) return bad;
    const to = o.rest.pop() ?? '';
    const toDir = ((): boolean => {
      try {
        return c.sh.fs.info(to, c.sh.cwd).type === 'dir';
      } catch {
        return false;
      }
    })();
    if (o.rest.length > 1 && !toDir) return usage(c, `target '${to}' is not a directory`) ?? 1;
    let status = 0;
    for (const f of o.rest) {
      try {
        status |= copy(c, f, to, o.flags.has('r') || o.flags.has('R') || o.flags.has('a'));
      } catch (e) {
        c.fail(
          `${(e as FsError).code === 'ENOENT' && !c.sh.fs.exists(f, c.sh.cwd) ? 'cannot stat' : 'cannot create regular file'} '${(e as FsError).code === 'ENOENT' && !c.sh.fs.exists(f, c.sh.cwd) ? f : to}': ${errorText(e)}`,
        );
        status = 1;
      }
    }
    return status;
  },
  mv: (args, c) => {
    const o = options(args, 'fvni');
    const bad = usage(
      c,
      o.error ??
        (o.rest.length < 2
          ? o.rest.length === 0
            ? 'missing file operand'
            : `missing destination file operand after '${o.rest[0] ?? ''}'`
          : undefined),
    );
    if (bad !== undefined) return bad;
    const to = o.rest.pop() ?? '';
    return guarded(
      c,
      (f) => (c.sh.fs.exists(f, c.sh.cwd) ? `cannot move '${f}' to '${to}'` : `cannot stat '${f}'`),
      o.rest,
      (f) => void c.sh.fs.rename(f, to, c.sh.cwd),
    );
  },
  chmod: (args, c) => {
    const recursive = args[0] === '-R';
    const [spec = '', ...files] = recursive ? args.slice(1) : args;
    if (files.length === 0) return usage(c, spec ? `missing operand after '${spec}'` : 'missing operand') ?? 1;
    if (parseMode(spec, 0, false) === undefined) return usage(c, `invalid mode: '${spec}'`) ?? 1;
    const apply = (f: string, depth: number): void => {
      const info = c.sh.fs.info(f, c.sh.cwd, depth === 0);
      if (info.type === 'link') return;
      c.sh.fs.chmod(f, c.sh.cwd, (old) => parseMode(spec, old, info.type === 'dir') ?? old);
      if (recursive && info.type === 'dir' && depth < 64)
        for (const name of c.sh.fs.list(f, c.sh.cwd)) apply(`${f.replace(/\/+$/, '')}/${name}`, depth + 1);
    };
    return guarded(
      c,
      (f) => `cannot access '${f}'`,
      files,
      (f) => apply(f, 0),
    );
  },
};
