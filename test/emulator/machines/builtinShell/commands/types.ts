// What a built-in command gets: its arguments, the shell, its streams and the confined disk.
import type { ShellFs } from '../fsOps';
import type { Sink, Source } from '../io';

export interface ShellState {
  readonly fs: ShellFs;
  readonly user: string;
  cwd: string;
  vars: Map<string, string>;
  errexit: boolean;
  signal: AbortSignal;
  hostName(): string;
}

export interface Ctx {
  name: string;
  sh: ShellState;
  stdin: Source;
  out: Sink;
  err: Sink;
  /** Writes "<name>: <message>" to stderr. */
  fail(message: string): void;
}

export type Builtin = (args: string[], ctx: Ctx) => number | Promise<number>;

/** Thrown by `exit` (and by set -e): the shell (or subshell) ends with this status. */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/**
 * Splits leading options: `-rf` → r, f; `--` ends them; a letter in `withValue` takes the rest of
 * its cluster or the next argument. Unknown letters → an error sentence.
 */
export function options(
  args: string[],
  letters: string,
  withValue = '',
): { flags: Set<string>; values: Map<string, string>; rest: string[]; error?: string } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (withValue.includes(c)) {
        const v = a.length > j + 1 ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { flags, values, rest: [], error: `option requires an argument -- '${c}'` };
        values.set(c, v);
        break;
      }
      if (!letters.includes(c)) return { flags, values, rest: [], error: `invalid option -- '${c}'` };
      flags.add(c);
    }
  }
  return { flags, values, rest: args.slice(i) };
}
