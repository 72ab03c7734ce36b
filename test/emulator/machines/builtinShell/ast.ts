// The built-in shell's syntax tree: the POSIX sh subset it understands (see README.md here).

/** One piece of a word; `q` = quoted (no field splitting, no globbing). */
export type Part =
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'var'; name: string; q: boolean; op?: string; arg?: string }
  | { t: 'cmd'; src: string; q: boolean }
  | { t: 'arith'; src: string; q: boolean }
  | { t: 'tilde' };

export interface Word {
  parts: Part[];
  /** The source text (for messages). */
  raw: string;
}

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '&>>';

export interface Redir {
  fd: number;
  op: RedirOp;
  target: Word;
}

export type Command =
  | { k: 'simple'; assigns: Array<{ name: string; value: Word }>; words: Word[]; redirs: Redir[] }
  | { k: 'if'; clauses: Array<{ cond: List; body: List }>; otherwise?: List; redirs: Redir[] }
  | { k: 'for'; name: string; items?: Word[]; body: List; redirs: Redir[] }
  | { k: 'while'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { k: 'group'; body: List; subshell: boolean; redirs: Redir[] };

export interface Pipeline {
  negate: boolean;
  cmds: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; p: Pipeline }>;
}

export type List = AndOr[];

/** The input ended inside a quote, a substitution or a compound command: more lines are needed. */
export class Incomplete extends Error {}

/** A syntax error: the shell reports it and answers 2. */
export class ShellSyntaxError extends Error {}
