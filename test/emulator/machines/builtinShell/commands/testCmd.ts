// test / [ … ]: -e -f -d -s -r -w -x -L -h -n -z, = == != -eq -ne -lt -le -gt -ge, ! ( ) -a -o.
import type { Builtin, Ctx } from './types';

class TestError extends Error {}

function unary(op: string, v: string, c: Ctx): boolean | undefined {
  const fs = c.sh.fs;
  const info = (follow = true): ReturnType<typeof fs.info> | undefined => {
    try {
      return fs.info(v, c.sh.cwd, follow);
    } catch {
      return undefined;
    }
  };
  switch (op) {
    case '-n':
      return v !== '';
    case '-z':
      return v === '';
    case '-e':
    case '-r':
    case '-w':
      return info() !== undefined;
    case '-f':
      return info()?.type === 'file';
    case '-d':
      return info()?.type === 'dir';
    case '-s':
      return (info()?.size ?? 0) > 0 && info()?.type !== 'chr';
    case '-x':
      return ((info()?.mode ?? 0) & 0o111) !== 0;
    case '-L':
    case '-h':
      return info(false)?.type === 'link';
    case '-c':
      return info()?.type === 'chr';
    case '-p':
    case '-S':
    case '-b':
    case '-t':
      return false;
    default:
      return undefined;
  }
}

function int(v: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(v)) throw new TestError(`${v}: integer expression expected`);
  return Number(v);
}

function binary(a: string, op: string, b: string): boolean | undefined {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return int(a) === int(b);
    case '-ne':
      return int(a) !== int(b);
    case '-lt':
      return int(a) < int(b);
    case '-le':
      return int(a) <= int(b);
    case '-gt':
      return int(a) > int(b);
    case '-ge':
      return int(a) >= int(b);
    default:
      return undefined;
  }
}

function evaluate(args: string[], c: Ctx): boolean {
  const [a = '', b = '', d = ''] = args;
  const o = args.lastIndexOf('-o');
  if (o > 0 && o < args.length - 1 && args.length > 3) return evaluate(args.slice(0, o), c) || evaluate(args.slice(o + 1), c);
  const n = args.lastIndexOf('-a');
  if (n > 0 && n < args.length - 1 && args.length > 3) return evaluate(args.slice(0, n), c) && evaluate(args.slice(n + 1), c);
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return a !== '';
    case 2: {
      if (a === '!') return b === '';
      const r = unary(a, b, c);
      if (r === undefined) throw new TestError(`${a}: unary operator expected`);
      return r;
    }
    case 3: {
      const r = binary(a, b, d);
      if (r !== undefined) return r;
      if (a === '!') return !evaluate(args.slice(1), c);
      if (a === '(' && d === ')') return evaluate([b], c);
      throw new TestError(`${b}: binary operator expected`);
    }
    default:
      if (a === '!') return !evaluate(args.slice(1), c);
      if (a === '(' && args[args.length - 1] === ')') return evaluate(args.slice(1, -1), c);
      throw new TestError('too many arguments');
  }
}

export const test: Builtin = (args, c) => {
  if (c.name === '[') {
    if (args[args.length - 1] !== ']') {
      c.err.write("sh: [: missing `]'\n");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, c) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    c.err.write(`sh: ${c.name}: ${e.message}\n`);
    return 2;
  }
};
