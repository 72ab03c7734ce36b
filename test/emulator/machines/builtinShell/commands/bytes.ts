// tr (-d -s; ranges a-z, [:upper:]-style classes, \n \t \\ \NNN) and od (-c, -t c; -A n|o|d|x).
import { eachInput } from './files';
import type { Builtin } from './types';

const CLASS: Record<string, string> = {
  upper: 'A-Z',
  lower: 'a-z',
  digit: '0-9',
  alpha: 'A-Za-z',
  alnum: 'A-Za-z0-9',
  space: ' \t\n\r\f\v',
  blank: ' \t',
};

export function trSet(spec: string): string[] {
  const s = spec
    .replace(/\[:(\w+):\]/g, (m, n: string) => CLASS[n] ?? m)
    .replace(/\\([0-7]{1,3}|.)/g, (_m, e: string) => {
      if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
      return ({ n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' } as Record<string, string>)[e] ?? e;
    });
  const chars = [...s];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const a = chars[i] ?? '';
    const b = chars[i + 2];
    if (chars[i + 1] === '-' && b !== undefined && b.charCodeAt(0) >= a.charCodeAt(0)) {
      for (let x = a.charCodeAt(0); x <= b.charCodeAt(0); x++) out.push(String.fromCharCode(x));
      i += 2;
    } else out.push(a);
  }
  return out;
}

const tr: Builtin = async (args, c) => {
  const flags = new Set<string>();
  while (args[0] && /^-[ds]+$/.test(args[0])) for (const f of (args.shift() ?? '').slice(1)) flags.add(f);
  const [one, two] = args;
  if (one === undefined || (two === undefined && !flags.has('d') && !flags.has('s'))) {
    c.fail(one === undefined ? 'missing operand' : `missing operand after '${one}'`);
    return 1;
  }
  const set1 = trSet(one);
  const set2 = two === undefined ? [] : trSet(two);
  const data = (
    await (async () => {
      const chunks: Buffer[] = [];
      await eachInput([], c, (d) => chunks.push(d));
      return Buffer.concat(chunks);
    })()
  ).toString('latin1');
  let out = '';
  const squeeze = new Set(flags.has('d') ? set2 : set2.length ? set2 : set1);
  for (const ch of data) {
    let x: string | undefined = ch;
    if (flags.has('d') && set1.includes(ch)) x = undefined;
    else if (!flags.has('d') && set2.length) {
      const i = set1.indexOf(ch);
      if (i >= 0) x = set2[Math.min(i, set2.length - 1)];
    }
    if (x === undefined) continue;
    if (flags.has('s') && squeeze.has(x) && out.endsWith(x)) continue;
    out += x;
  }
  c.out.write(Buffer.from(out, 'latin1'));
  return 0;
};

const NAMED: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

const od: Builtin = async (args, c) => {
  let radix: string = 'o';
  let chars = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('-A')) radix = a.length > 2 ? a.slice(2) : (args[++i] ?? '');
    else if (a === '-c') chars = true;
    else if (a.startsWith('-t')) chars = (a.length > 2 ? a.slice(2) : (args[++i] ?? '')) === 'c';
    else if (a.startsWith('-') && a !== '-') {
      c.fail(`option ${a} is not supported by the built-in shell (it knows -c, -t c and -A)`);
      return 1;
    } else files.push(a);
  }
  if (!chars || !'nodx'.includes(radix) || radix.length !== 1) {
    c.fail('the built-in shell knows only od -c (or -t c) with -A n|o|d|x');
    return 1;
  }
  const chunks: Buffer[] = [];
  const status = await eachInput(files, c, (d) => chunks.push(d));
  const data = Buffer.concat(chunks);
  const addr = (n: number): string =>
    radix === 'n'
      ? ''
      : radix === 'd'
        ? String(n).padStart(7, '0')
        : radix === 'x'
          ? n.toString(16).padStart(6, '0')
          : n.toString(8).padStart(7, '0');
  let out = '';
  for (let at = 0; at < data.length; at += 16) {
    const row = [...data.subarray(at, at + 16)]
      .map((b) => (NAMED[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'))).padStart(4))
      .join('');
    out += `${addr(at)}${row}\n`;
  }
  if (radix !== 'n') out += `${addr(data.length)}\n`;
  c.out.write(out);
  return status;
};

export const BYTES: Record<string, Builtin> = { tr, od };
