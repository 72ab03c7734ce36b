// ls (-a -A -l -1 -d): one name a line (columns when the shell has a terminal, i.e. COLUMNS is
// set); -l with mode, links, owner, size and time; links shown as "name -> target".
import { readlinkSync } from 'node:fs';
import type { Info } from '../fsOps';
import { errorText } from '../vfs';
import { options } from './types';
import type { Builtin, Ctx } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function modeText(i: Info): string {
  const t = i.type === 'dir' ? 'd' : i.type === 'link' ? 'l' : i.type === 'chr' ? 'c' : '-';
  let s = t;
  for (let shift = 6; shift >= 0; shift -= 3) {
    const b = (i.mode >> shift) & 7;
    s += `${b & 4 ? 'r' : '-'}${b & 2 ? 'w' : '-'}${b & 1 ? 'x' : '-'}`;
  }
  return s;
}

function when(d: Date): string {
  const recent = Math.abs(Date.now() - d.getTime()) < 182 * 86_400_000;
  const day = String(d.getUTCDate()).padStart(2);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${day} ${recent ? hm : String(d.getUTCFullYear()).padStart(5)}`;
}

function linkTarget(c: Ctx, path: string): string {
  const loc = c.sh.fs.lookup(path, c.sh.cwd, false);
  return loc.sys ? '' : readlinkSync(loc.host);
}

function show(c: Ctx, entries: Array<{ name: string; path: string }>, long: boolean): void {
  if (!long) {
    const cols = Number(c.sh.vars.get('COLUMNS') ?? 0);
    if (cols > 0 && entries.length > 0) c.out.write(`${entries.map((e) => e.name).join('  ')}\n`);
    else for (const e of entries) c.out.write(`${e.name}\n`);
    return;
  }
  const rows = entries.map((e) => ({ e, i: c.sh.fs.info(e.path, c.sh.cwd, false) }));
  const sizeW = Math.max(1, ...rows.map((r) => String(r.i.size).length));
  const linkW = Math.max(1, ...rows.map((r) => String(r.i.nlink).length));
  for (const { e, i } of rows) {
    const tail = i.type === 'link' ? ` -> ${linkTarget(c, e.path)}` : '';
    c.out.write(
      `${modeText(i)} ${String(i.nlink).padStart(linkW)} root root ${String(i.size).padStart(sizeW)} ${when(i.mtime)} ${e.name}${tail}\n`,
    );
  }
}

export const ls: Builtin = (args, c) => {
  const o = options(args, 'aAl1dFh');
  if (o.error) {
    c.fail(o.error);
    return 2;
  }
  const f = o.flags;
  const operands = o.rest.length ? o.rest : ['.'];
  const files: Array<{ name: string; path: string }> = [];
  const dirs: string[] = [];
  let status = 0;
  for (const p of operands) {
    try {
      const info = c.sh.fs.info(p, c.sh.cwd);
      if (info.type === 'dir' && !f.has('d')) dirs.push(p);
      else files.push({ name: p, path: p });
    } catch (e) {
      c.fail(`cannot access '${p}': ${errorText(e)}`);
      status = 2;
    }
  }
  show(c, files, f.has('l'));
  dirs.forEach((d, n) => {
    if (operands.length > 1) c.out.write(`${n > 0 || files.length > 0 ? '\n' : ''}${d}:\n`);
    let names = c.sh.fs.list(d, c.sh.cwd);
    if (f.has('a')) names = ['.', '..', ...names];
    else if (!f.has('A')) names = names.filter((x) => !x.startsWith('.'));
    const entries = names.map((name) => ({ name, path: `${d.replace(/\/+$/, '')}/${name}` }));
    if (f.has('l'))
      c.out.write(`total ${entries.reduce((s, e) => s + Math.ceil(c.sh.fs.info(e.path, c.sh.cwd, false).size / 4096) * 4, 0)}\n`);
    show(c, entries, f.has('l'));
  });
  return status;
};
