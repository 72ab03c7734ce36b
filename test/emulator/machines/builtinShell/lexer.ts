// Splits shell source into words (with their quoting kept as parts), operators, redirections and
// newlines. Quotes: '…', "…" (with \ before $ ` " \ and newline), \x outside quotes; $VAR, ${VAR},
// ${VAR:-word}, $?, $(…), `…`, $((…)); ~ at a word's start; # comments.
import { Incomplete, ShellSyntaxError } from './ast';
import type { Part, RedirOp, Word } from './ast';

export type Token = { k: 'word'; w: Word } | { k: 'op'; v: string } | { k: 'redir'; fd: number; op: RedirOp } | { k: 'nl' };

const OPS = ['&&', '||', ';;', '&>>', '&>', '>>', '>&', '>|', '<&', '<<', ';', '&', '|', '(', ')', '<', '>'];
const REDIRS = new Set(['&>>', '&>', '>>', '>&', '>|', '<&', '<', '>']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Index just past the `)` that closes a `$(` whose body starts at `i`. */
export function closeParen(src: string, i: number): number {
  let depth = 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') i += 2;
    else if (c === "'") {
      const e = src.indexOf("'", i + 1);
      if (e < 0) throw new Incomplete('unterminated quote');
      i = e + 1;
    } else if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') i += src[i] === '\\' ? 2 : 1;
      if (i >= src.length) throw new Incomplete('unterminated quote');
      i++;
    } else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return i + 1;
      i++;
    }
  }
  throw new Incomplete('unterminated $(');
}

function closeArith(src: string, i: number): number {
  let depth = 0;
  for (; i < src.length; i++) {
    if (src[i] === '(') depth++;
    else if (src[i] === ')') {
      if (depth === 0 && src[i + 1] === ')') return i + 2;
      depth--;
    }
  }
  throw new Incomplete('unterminated $((');
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const dollar = (q: boolean, parts: Part[]): void => {
    // src[i] === '$'
    const rest = src.slice(i + 1);
    if (rest.startsWith('((')) {
      const end = closeArith(src, i + 3);
      parts.push({ t: 'arith', src: src.slice(i + 3, end - 2), q });
      i = end;
    } else if (rest.startsWith('(')) {
      const end = closeParen(src, i + 2);
      parts.push({ t: 'cmd', src: src.slice(i + 2, end - 1), q });
      i = end;
    } else if (rest.startsWith('{')) {
      const end = src.indexOf('}', i + 2);
      if (end < 0) throw new Incomplete('unterminated ${');
      const body = src.slice(i + 2, end);
      const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])(?:(:?[-+=?])([\s\S]*))?$/.exec(body);
      if (!m?.[1]) throw new ShellSyntaxError(`\${${body}}: bad substitution`);
      parts.push({ t: 'var', name: m[1], q, ...(m[2] ? { op: m[2], arg: m[3] ?? '' } : {}) });
      i = end + 1;
    } else {
      const name = NAME.exec(rest)?.[0] ?? (/^[?$#@*!0-9-]/.test(rest) ? rest[0] : undefined);
      if (name) {
        parts.push({ t: 'var', name, q });
        i += 1 + name.length;
      } else {
        parts.push({ t: 'lit', v: '$', q });
        i++;
      }
    }
  };
  while (i < src.length) {
    const c = src[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n') {
      out.push({ k: 'nl' });
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const fd = /^(\d+)(?=[<>])/.exec(src.slice(i, i + 12));
    const opAt = (j: number): string | undefined => OPS.find((o) => src.startsWith(o, j));
    if (fd?.[1] && opAt(i + fd[1].length) && REDIRS.has(opAt(i + fd[1].length) ?? '')) {
      const op = opAt(i + fd[1].length) ?? '';
      out.push({ k: 'redir', fd: Number(fd[1]), op: (op === '>|' ? '>' : op) as RedirOp });
      i += fd[1].length + op.length;
      continue;
    }
    const op = opAt(i);
    if (op) {
      if (op === '<<') throw new ShellSyntaxError('here-documents (<<) are not supported by the built-in shell');
      if (REDIRS.has(op)) out.push({ k: 'redir', fd: op.startsWith('<') ? 0 : 1, op: (op === '>|' ? '>' : op) as RedirOp });
      else out.push({ k: 'op', v: op });
      i += op.length;
      continue;
    }
    const start = i;
    const parts: Part[] = [];
    const lit = (v: string, q: boolean): void => {
      const last = parts[parts.length - 1];
      if (last?.t === 'lit' && last.q === q) last.v += v;
      else parts.push({ t: 'lit', v, q });
    };
    if (c === '~' && (i + 1 >= src.length || /[\s/;&|<>()]/.test(src[i + 1] ?? ''))) {
      parts.push({ t: 'tilde' });
      i++;
    }
    while (i < src.length) {
      const ch = src[i] ?? '';
      if (/[\s;&|<>()]/.test(ch)) break;
      if (ch === '\\') {
        if (src[i + 1] === '\n') i += 2;
        else {
          if (i + 1 >= src.length) throw new Incomplete('trailing backslash');
          lit(src[i + 1] ?? '', true);
          i += 2;
        }
      } else if (ch === "'") {
        const e = src.indexOf("'", i + 1);
        if (e < 0) throw new Incomplete('unterminated quote');
        lit(src.slice(i + 1, e), true);
        i = e + 1;
      } else if (ch === '"') {
        i++;
        lit('', true);
        while (src[i] !== '"') {
          if (i >= src.length) throw new Incomplete('unterminated quote');
          const d = src[i] ?? '';
          if (d === '\\' && /[$`"\\\n]/.test(src[i + 1] ?? '')) {
            if (src[i + 1] !== '\n') lit(src[i + 1] ?? '', true);
            i += 2;
          } else if (d === '$') dollar(true, parts);
          else if (d === '`') backtick(true);
          else {
            lit(d, true);
            i++;
          }
        }
        i++;
      } else if (ch === '$') dollar(false, parts);
      else if (ch === '`') backtick(false);
      else {
        lit(ch, false);
        i++;
      }
    }
    out.push({ k: 'word', w: { parts, raw: src.slice(start, i) } });
    function backtick(q: boolean): void {
      const e = src.indexOf('`', i + 1);
      if (e < 0) throw new Incomplete('unterminated `');
      parts.push({ t: 'cmd', src: src.slice(i + 1, e), q });
      i = e + 1;
    }
  }
  return out;
}
