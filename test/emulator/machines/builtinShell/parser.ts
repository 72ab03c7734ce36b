// Parses tokens into lists, and-or lists, pipelines and commands: simple commands (assignments,
// words, redirections), if/elif/else/fi, for/in/do/done, while/until, { …; } and ( … ).
import { Incomplete, ShellSyntaxError } from './ast';
import type { AndOr, Command, List, Pipeline, Redir, Word } from './ast';
import { tokenize } from './lexer';
import type { Token } from './lexer';

const RESERVED = new Set([
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'for',
  'in',
  'do',
  'done',
  'while',
  'until',
  '{',
  '}',
  '!',
  'case',
  'esac',
  'function',
]);

/** The plain text of a word that has no quotes and no expansions (keywords, names). */
function plain(w: Word): string | undefined {
  const [p, ...more] = w.parts;
  return p?.t === 'lit' && !p.q && more.length === 0 ? p.v : undefined;
}

export function parse(src: string): List {
  const toks = tokenize(src);
  let i = 0;
  const peek = (): Token | undefined => toks[i];
  const keyword = (t: Token | undefined): string | undefined => (t?.k === 'word' ? plain(t.w) : undefined);
  const isOp = (v: string): boolean => {
    const t = peek();
    return t?.k === 'op' && t.v === v;
  };
  const near = (): string => {
    const t = peek();
    if (!t) return 'end of file';
    return t.k === 'word' ? t.w.raw : t.k === 'op' ? t.v : t.k === 'nl' ? 'newline' : t.op;
  };
  const fail = (): never => {
    if (!peek()) throw new Incomplete('unexpected end of file');
    throw new ShellSyntaxError(`syntax error near unexpected token \`${near()}'`);
  };
  const skipNl = (): void => {
    while (peek()?.k === 'nl') i++;
  };
  const expectWord = (kw: string): void => {
    skipNl();
    if (keyword(peek()) !== kw) fail();
    i++;
  };

  /** A compound command's list: at least one command. */
  function body(stop: ReadonlySet<string>): List {
    const l = list(stop);
    if (l.length === 0) fail();
    return l;
  }

  function list(stop: ReadonlySet<string>): List {
    const out: AndOr[] = [];
    for (;;) {
      while (peek()?.k === 'nl' || isOp(';')) i++;
      const t = peek();
      if (!t || (t.k === 'op' && t.v === ')') || stop.has(keyword(t) ?? '\0')) return out;
      out.push(andOr());
      if (isOp('&')) throw new ShellSyntaxError('background jobs (&) are not supported by the built-in shell');
      const after = peek();
      if (after && after.k !== 'nl' && !(after.k === 'op' && (after.v === ';' || after.v === ')')) && !stop.has(keyword(after) ?? '\0'))
        fail();
    }
  }

  function andOr(): AndOr {
    const first = pipeline();
    const rest: AndOr['rest'] = [];
    while (isOp('&&') || isOp('||')) {
      const op = (peek() as { v: '&&' | '||' }).v;
      i++;
      skipNl();
      rest.push({ op, p: pipeline() });
    }
    return { first, rest };
  }

  function pipeline(): Pipeline {
    let negate = false;
    if (keyword(peek()) === '!') {
      negate = true;
      i++;
    }
    const cmds = [command()];
    while (isOp('|')) {
      i++;
      skipNl();
      cmds.push(command());
    }
    return { negate, cmds };
  }

  function redirs(into: Redir[]): boolean {
    const t = peek();
    if (t?.k !== 'redir') return false;
    i++;
    const target = peek();
    if (target?.k !== 'word') fail();
    i++;
    into.push({ fd: t.fd, op: t.op, target: (target as { w: Word }).w });
    return true;
  }

  function trailing(): Redir[] {
    const r: Redir[] = [];
    while (redirs(r));
    return r;
  }

  function command(): Command {
    const kw = keyword(peek());
    if (isOp('(')) {
      i++;
      const inner = body(new Set());
      if (!isOp(')')) fail();
      i++;
      return { k: 'group', body: inner, subshell: true, redirs: trailing() };
    }
    if (kw === '{') {
      i++;
      const inner = body(new Set(['}']));
      expectWord('}');
      return { k: 'group', body: inner, subshell: false, redirs: trailing() };
    }
    if (kw === 'if') {
      i++;
      const clauses: Array<{ cond: List; body: List }> = [];
      let otherwise: List | undefined;
      for (;;) {
        const cond = body(new Set(['then']));
        expectWord('then');
        clauses.push({ cond, body: body(new Set(['elif', 'else', 'fi'])) });
        const next = keyword(peek());
        i++;
        if (next === 'elif') continue;
        if (next === 'else') {
          otherwise = body(new Set(['fi']));
          expectWord('fi');
        } else if (next !== 'fi') {
          i--;
          fail();
        }
        return { k: 'if', clauses, otherwise, redirs: trailing() };
      }
    }
    if (kw === 'while' || kw === 'until') {
      i++;
      const cond = body(new Set(['do']));
      expectWord('do');
      const loop = body(new Set(['done']));
      expectWord('done');
      return { k: 'while', until: kw === 'until', cond, body: loop, redirs: trailing() };
    }
    if (kw === 'for') {
      i++;
      const nameTok = peek();
      const name = nameTok?.k === 'word' ? plain(nameTok.w) : undefined;
      if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail();
      i++;
      let items: Word[] | undefined;
      skipNl();
      if (keyword(peek()) === 'in') {
        i++;
        items = [];
        for (let t = peek(); t?.k === 'word'; t = peek()) {
          items.push(t.w);
          i++;
        }
      }
      if (isOp(';')) i++;
      expectWord('do');
      const loop = body(new Set(['done']));
      expectWord('done');
      return { k: 'for', name: name ?? '', items, body: loop, redirs: trailing() };
    }
    if (kw === 'case' || kw === 'function') throw new ShellSyntaxError(`${kw} is not supported by the built-in shell`);
    const cmd: Command & { k: 'simple' } = { k: 'simple', assigns: [], words: [], redirs: [] };
    for (;;) {
      if (redirs(cmd.redirs)) continue;
      const t = peek();
      if (t?.k !== 'word') break;
      const first = t.w.parts[0];
      const m = cmd.words.length === 0 && first?.t === 'lit' && !first.q ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v) : null;
      if (m?.[1]) {
        const rest = first?.t === 'lit' ? first.v.slice(m[0].length) : '';
        cmd.assigns.push({
          name: m[1],
          value: { parts: [...(rest ? [{ t: 'lit' as const, v: rest, q: false }] : []), ...t.w.parts.slice(1)], raw: t.w.raw },
        });
      } else {
        if (cmd.words.length === 0 && cmd.assigns.length === 0 && RESERVED.has(plain(t.w) ?? '\0') && plain(t.w) !== '!') break;
        cmd.words.push(t.w);
      }
      i++;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) fail();
    return cmd;
  }

  const out = list(new Set());
  if (peek()) fail();
  return out;
}
