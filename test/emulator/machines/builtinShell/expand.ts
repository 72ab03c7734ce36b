// Word expansion: ~, parameters ($VAR, ${VAR}, ${VAR:-word}…, $?), command substitution ($(…),
// trailing newlines dropped), arithmetic ($((…))), field splitting of unquoted results on
// blanks, pathname expansion (* ? […] through the confined file system), then quote removal.
import { ShellSyntaxError } from './ast';
import type { Part, Word } from './ast';
import { arithmetic } from './arith';

export interface ExpandContext {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /** Runs `src` in a subshell and answers its standard output. */
  substitute(src: string): Promise<string>;
  /** Paths matching a glob pattern (`\` escapes a character), sorted; [] when none. */
  glob(pattern: string): string[];
}

interface Field {
  text: string;
  pattern: string;
  globbable: boolean;
  touched: boolean;
}

const GLOB = /[*?[]/;

async function partValue(p: Part, ctx: ExpandContext): Promise<string> {
  switch (p.t) {
    case 'lit':
      return p.v;
    case 'tilde':
      return ctx.get('HOME') ?? '/';
    case 'cmd':
      return (await ctx.substitute(p.src)).replace(/\n+$/, '');
    case 'arith': {
      const src = p.src.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*|\?)\}?/g, (_m, n: string) => ctx.get(n) ?? '');
      return String(arithmetic(src, (n) => ctx.get(n) ?? ''));
    }
    case 'var': {
      const v = ctx.get(p.name);
      if (!p.op) return v ?? '';
      const empty = v === undefined || (p.op.startsWith(':') && v === '');
      const arg = p.arg ?? '';
      switch (p.op.replace(':', '')) {
        case '-':
          return empty ? arg : (v ?? '');
        case '+':
          return empty ? '' : arg;
        case '=':
          if (empty) ctx.set(p.name, arg);
          return empty ? arg : (v ?? '');
        default:
          if (empty) throw new ShellSyntaxError(`${p.name}: ${arg || 'parameter null or not set'}`);
          return v ?? '';
      }
    }
  }
}

/** Expands words into fields (what a simple command's argv is made of). */
export async function expandWords(words: readonly Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const fields: Field[] = [];
    let cur: Field = { text: '', pattern: '', globbable: false, touched: false };
    const close = (): void => {
      if (cur.text !== '' || cur.touched) fields.push(cur);
      cur = { text: '', pattern: '', globbable: false, touched: false };
    };
    const add = (s: string, quoted: boolean): void => {
      cur.text += s;
      cur.pattern += quoted ? s.replace(/[*?[\]\\]/g, '\\$&') : s;
      if (!quoted && GLOB.test(s)) cur.globbable = true;
      if (quoted) cur.touched = true;
    };
    for (const p of w.parts) {
      const v = await partValue(p, ctx);
      const quoted = p.t === 'tilde' || ('q' in p && p.q);
      if (quoted || p.t === 'lit') {
        add(v, quoted);
        continue;
      }
      const pieces = v.split(/[ \t\n]+/);
      pieces.forEach((piece, n) => {
        if (n > 0) close();
        add(piece, false);
      });
    }
    close();
    for (const f of fields) {
      const matches = f.globbable ? ctx.glob(f.pattern) : [];
      if (matches.length > 0) out.push(...matches);
      else out.push(f.text);
    }
  }
  return out;
}

/** Expands one word without splitting or globbing (assignments, redirection targets). */
export async function expandWord(w: Word, ctx: ExpandContext): Promise<string> {
  let s = '';
  for (const p of w.parts) s += await partValue(p, ctx);
  return s;
}
