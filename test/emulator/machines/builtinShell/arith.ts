// $(( … )): integer arithmetic with + - * / % ( ), unary - + !, comparisons, == != && ||.
// Bare names read shell variables (unset or non-numeric = 0).
import { ShellSyntaxError } from './ast';

const BINARY: Array<Record<string, (a: number, b: number) => number>> = [
  { '||': (a, b) => Number(a !== 0 || b !== 0) },
  { '&&': (a, b) => Number(a !== 0 && b !== 0) },
  { '==': (a, b) => Number(a === b), '!=': (a, b) => Number(a !== b) },
  { '<=': (a, b) => Number(a <= b), '>=': (a, b) => Number(a >= b), '<': (a, b) => Number(a < b), '>': (a, b) => Number(a > b) },
  { '+': (a, b) => a + b, '-': (a, b) => a - b },
  {
    '*': (a, b) => a * b,
    '/': (a, b) => {
      if (b === 0) throw new ShellSyntaxError('division by 0');
      return Math.trunc(a / b);
    },
    '%': (a, b) => {
      if (b === 0) throw new ShellSyntaxError('division by 0');
      return a % b;
    },
  },
];

export function arithmetic(src: string, lookup: (name: string) => string): number {
  const toks = src.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|[-+*/%()<>!]|\S/g) ?? [];
  let i = 0;
  const bad = (): never => {
    throw new ShellSyntaxError(`${src.trim()}: syntax error in expression`);
  };
  const level = (n: number): number => {
    if (n >= BINARY.length) return unary();
    let left = level(n + 1);
    for (let op = toks[i]; op !== undefined && BINARY[n]?.[op]; op = toks[i]) {
      i++;
      const f = BINARY[n]?.[op] ?? bad;
      left = f(left, level(n + 1));
    }
    return left;
  };
  const unary = (): number => {
    const t = toks[i++];
    if (t === undefined) return bad();
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return Number(unary() === 0);
    if (t === '(') {
      const v = level(0);
      if (toks[i++] !== ')') bad();
      return v;
    }
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) {
      const v = Number(lookup(t).trim());
      return Number.isFinite(v) ? Math.trunc(v) : 0;
    }
    return bad();
  };
  if (toks.length === 0) return 0;
  const v = level(0);
  if (i < toks.length) bad();
  return v;
}
