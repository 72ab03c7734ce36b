// true, false, echo (-n -e -E), printf (%s %d %b %%, widths, \ escapes; the format repeats for
// extra arguments), pwd, sleep (ends early when the run is stopped).
import type { Builtin } from './types';

/** Backslash escapes of echo -e / printf: \n \t \r \\ \a \b \f \v \0NNN \xHH; `\c` stops output. */
export function unescape(s: string): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== '\\' || i + 1 >= s.length) {
      text += c;
      continue;
    }
    const d = s[++i] ?? '';
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };
    if (d in simple) text += simple[d];
    else if (d === 'c') return { text, stop: true };
    else if (d === '0' || /[1-7]/.test(d)) {
      const m = /^[0-7]{0,3}/.exec(s.slice(d === '0' ? i + 1 : i))?.[0] ?? '';
      text += String.fromCharCode(parseInt(m || '0', 8));
      i += m.length - (d === '0' ? 0 : 1);
    } else if (d === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))?.[0] ?? '';
      text += String.fromCharCode(parseInt(m, 16));
      i += m.length;
    } else text += `\\${d}`;
  }
  return { text, stop: false };
}

const echo: Builtin = (args, c) => {
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    const a = args.shift() ?? '';
    if (a.includes('n')) newline = false;
    if (a.includes('e')) escapes = true;
    if (a.includes('E')) escapes = false;
  }
  const joined = args.join(' ');
  const u = escapes ? unescape(joined) : { text: joined, stop: false };
  c.out.write(u.text + (newline && !u.stop ? '\n' : ''));
  return 0;
};

const printf: Builtin = (args, c) => {
  const [format, ...rest] = args;
  if (format === undefined) {
    c.err.write('printf: usage: printf format [arguments]\n');
    return 2;
  }
  let out = '';
  let status = 0;
  let i = 0;
  const conv = /%(-?\d*)(?:\.(\d+))?([sdbiuxXoc%])/g;
  let stop = false;
  do {
    let used = false;
    let at = 0;
    for (const m of format.matchAll(conv)) {
      const lit = unescape(format.slice(at, m.index));
      out += lit.text;
      at = m.index + m[0].length;
      if (lit.stop) {
        stop = true;
        break;
      }
      const [, width = '', prec, kind = 's'] = m;
      if (kind === '%') {
        out += '%';
        continue;
      }
      used = true;
      const arg = rest[i++] ?? '';
      let v: string;
      if (kind === 's') v = prec !== undefined ? arg.slice(0, Number(prec)) : arg;
      else if (kind === 'b') v = unescape(arg).text;
      else if (kind === 'c') v = arg.slice(0, 1);
      else {
        const n = arg === '' ? 0 : Number(arg);
        if (!Number.isFinite(n)) {
          c.err.write(`printf: ${arg}: invalid number\n`);
          status = 1;
        }
        const int = Math.trunc(Number.isFinite(n) ? n : 0);
        v = kind === 'x' ? int.toString(16) : kind === 'X' ? int.toString(16).toUpperCase() : kind === 'o' ? int.toString(8) : String(int);
      }
      const w = Math.abs(Number(width || 0));
      out += width.startsWith('-') ? v.padEnd(w) : v.padStart(w);
    }
    if (stop) break;
    const tail = unescape(format.slice(at));
    out += tail.text;
    if (tail.stop || !used) break;
  } while (i < rest.length);
  c.out.write(out);
  return status;
};

export const BASIC: Record<string, Builtin> = {
  true: () => 0,
  false: () => 1,
  echo,
  printf,
  pwd: (_a, c) => {
    c.out.write(`${c.sh.cwd}\n`);
    return 0;
  },
  sleep: async (args, c) => {
    const seconds = args.reduce(
      (s, a) =>
        s + Number(/^([\d.]+)([smhd]?)$/.exec(a)?.[1] ?? NaN) * ({ s: 1, m: 60, h: 3600, d: 86400 }[/[smhd]$/.exec(a)?.[0] ?? 's'] ?? 1),
      0,
    );
    if (!Number.isFinite(seconds) || args.length === 0) {
      c.fail(args.length === 0 ? 'missing operand' : `invalid time interval '${args.join(' ')}'`);
      return 1;
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, seconds * 1000);
      c.sh.signal.addEventListener('abort', () => {
        clearTimeout(t);
        resolve();
      });
    });
    return c.sh.signal.aborted ? 130 : 0;
  },
};
