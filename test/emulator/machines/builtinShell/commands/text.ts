// grep (-q -F -x -v -i -c -n -E -s -l -e), wc (-l -w -c), head / tail (-n -c, tail -n +N), sort
// (-r -u -n), tr (-d -s, ranges, [:classes:], \ escapes) and od (-c with -A n|o|d|x).
import { eachInput } from './files';
import { options } from './types';
import type { Builtin, Ctx } from './types';

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

/** A POSIX basic (or extended) regular expression as a JavaScript one. */
export function posixRegExp(p: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (p[j] === '^') body += p[j++] ?? '';
      if (p[j] === ']') body += `\\${p[j++] ?? ''}`;
      for (; j < p.length && p[j] !== ']'; j++) {
        const cls = /^\[:(\w+):\]/.exec(p.slice(j));
        if (cls?.[1]) {
          body += CLASSES[cls[1]] ?? '';
          j += cls[0].length - 1;
        } else body += p[j] === '\\' ? '\\\\' : (p[j] ?? '');
      }
      if (j >= p.length) out += '\\[';
      else {
        out += `[${body}]`;
        i = j;
      }
    } else if (c === '\\') {
      const d = p[++i] ?? '\\';
      if (!extended && '(){}|+?'.includes(d)) out += d;
      else out += `\\${d}`;
    } else if (!extended && '(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (out === '' || out === '^')) out += '\\*';
    else out += c;
  }
  return out;
}

function lines(data: Buffer): string[] {
  const text = data.toString('utf8');
  const l = text.split('\n');
  if (text.endsWith('\n') || text === '') l.pop();
  return l;
}

const grep: Builtin = async (args, c) => {
  const o = options(args, 'qFxvicnEslwHh', 'e');
  if (o.error) {
    c.fail(o.error);
    return 2;
  }
  const pattern = o.values.get('e') ?? o.rest.shift();
  if (pattern === undefined) {
    c.err.write('Usage: grep [OPTION]... PATTERNS [FILE]...\n');
    return 2;
  }
  const f = o.flags;
  const alternatives = pattern
    .split('\n')
    .map((p) => (f.has('F') ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : posixRegExp(p, f.has('E'))));
  let src = alternatives.map((a) => `(?:${a})`).join('|');
  if (f.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
  const re = new RegExp(f.has('x') ? `^(?:${src})$` : src, f.has('i') ? 'i' : '');
  const many = o.rest.length > 1 && !f.has('h');
  let matched = false;
  const quiet: Ctx = f.has('s') ? { ...c, fail: () => undefined } : c;
  const status = await eachInput(o.rest, quiet, (data, name) => {
    let count = 0;
    lines(data).forEach((line, n) => {
      if (re.test(line) === f.has('v')) return;
      count++;
      matched = true;
      if (f.has('q') || f.has('c') || f.has('l')) return;
      c.out.write(`${many ? `${name === '-' ? '(standard input)' : name}:` : ''}${f.has('n') ? `${n + 1}:` : ''}${line}\n`);
    });
    if (f.has('c') && !f.has('q')) c.out.write(`${many ? `${name}:` : ''}${count}\n`);
    if (f.has('l') && count > 0 && !f.has('q')) c.out.write(`${name === '-' ? '(standard input)' : name}\n`);
  });
  if (matched && f.has('q')) return 0;
  return status !== 0 ? 2 : matched ? 0 : 1;
};

const wc: Builtin = async (args, c) => {
  const o = options(args, 'lwcm');
  if (o.error) {
    c.fail(o.error);
    return 1;
  }
  const keys = o.flags.size ? ['l', 'w', 'c', 'm'].filter((k) => o.flags.has(k)) : ['l', 'w', 'c'];
  const rows: Array<{ n: number[]; name: string }> = [];
  const status = await eachInput(o.rest, c, (d, name) => {
    const text = d.toString('utf8');
    const all: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/\s+/).filter(Boolean).length,
      c: d.length,
      m: [...text].length,
    };
    rows.push({ n: keys.map((k) => all[k] ?? 0), name: o.rest.length ? name : '' });
  });
  if (rows.length > 1) rows.push({ n: keys.map((_k, i) => rows.reduce((s, r) => s + (r.n[i] ?? 0), 0)), name: 'total' });
  const stdin = o.rest.length === 0 || o.rest.includes('-');
  const width =
    keys.length === 1 && rows.length === 1 ? 0 : stdin ? 7 : Math.max(1, ...rows.flatMap((r) => r.n.map((x) => String(x).length)));
  for (const r of rows) c.out.write(`${[...r.n.map((x) => String(x).padStart(width)), ...(r.name ? [r.name] : [])].join(' ')}\n`);
  return status;
};

function headTail(tail: boolean): Builtin {
  return async (args, c) => {
    const norm = args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
    const o = options(norm, 'qv', 'nc');
    if (o.error) {
      c.fail(o.error);
      return 1;
    }
    const bytes = o.values.get('c');
    const spec = bytes ?? o.values.get('n') ?? '10';
    const from = tail && spec.startsWith('+');
    const n = Math.abs(Number(spec));
    if (!Number.isFinite(n)) {
      c.fail(`invalid number of ${bytes ? 'bytes' : 'lines'}: '${spec}'`);
      return 1;
    }
    return eachInput(o.rest, c, (d) => {
      if (bytes !== undefined) {
        c.out.write(from ? d.subarray(Math.max(0, n - 1)) : tail ? d.subarray(Math.max(0, d.length - n)) : d.subarray(0, n));
        return;
      }
      const parts = d.toString('utf8').split(/(?<=\n)/);
      const pick = from ? parts.slice(Math.max(0, n - 1)) : tail ? parts.slice(Math.max(0, parts.length - n)) : parts.slice(0, n);
      c.out.write(pick.join(''));
    });
  };
}

const sort: Builtin = async (args, c) => {
  const o = options(args, 'run');
  const all: string[] = [];
  const status = await eachInput(o.rest, c, (d) => all.push(...lines(d)));
  all.sort((a, b) => (o.flags.has('n') ? parseFloat(a) - parseFloat(b) || (a < b ? -1 : a > b ? 1 : 0) : a < b ? -1 : a > b ? 1 : 0));
  if (o.flags.has('r')) all.reverse();
  const out = o.flags.has('u') ? all.filter((l, i) => i === 0 || l !== all[i - 1]) : all;
  c.out.write(out.map((l) => `${l}\n`).join(''));
  return status;
};

export const TEXT: Record<string, Builtin> = { grep, wc, head: headTail(false), tail: headTail(true), sort };
