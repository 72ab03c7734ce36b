// A simple command: assignments (alone they set shell variables; before a command, only for it),
// words expanded to argv, then the shell's own builtins (cd, exit, set, umask, export, unset, eval),
// else a command of commands/index.ts (/bin/x and /usr/bin/x name the built-in x); an unknown one
// answers "sh: <cmd>: command not found" (127).
import type { Command } from './ast';
import { BUILTINS } from './commands/index';
import { ExitSignal } from './commands/types';
import type { Ctx } from './commands/types';
import type { ExpandContext } from './expand';
import { expandWords } from './expand';
import type { Io, Shell } from './shell';
import { shellBuiltin } from './shellBuiltins';
import { errorText } from './vfs';

export async function runSimple(sh: Shell, cmd: Command & { k: 'simple' }, io: Io, ctx: ExpandContext): Promise<number> {
  sh.substStatus = 0;
  const values: Array<[string, string]> = [];
  for (const a of cmd.assigns)
    values.push([
      a.name,
      (await expandWords([{ ...a.value, parts: a.value.parts.map((p) => ('q' in p ? { ...p, q: true } : p)) }], ctx))[0] ?? '',
    ]);
  const argv = await expandWords(cmd.words, ctx);
  if (argv.length === 0) {
    for (const [k, v] of values) sh.vars.set(k, v);
    return sh.substStatus;
  }
  const saved = values.map(([k]) => [k, sh.vars.get(k)] as const);
  for (const [k, v] of values) sh.vars.set(k, v);
  try {
    const [name = '', ...args] = argv;
    const c: Ctx = { name, sh, stdin: io.in, out: io.out, err: io.err, fail: (m) => io.err.write(`${name}: ${m}\n`) };
    const special = shellBuiltin(sh, name);
    if (special) return await special(args, c);
    const base = /^\/(usr\/)?s?bin\/[^/]+$/.test(name) ? (name.split('/').pop() ?? '') : name;
    const run = Object.prototype.hasOwnProperty.call(BUILTINS, base) ? BUILTINS[base] : undefined;
    if (!run) {
      io.err.write(`sh: ${name}: command not found\n`);
      return 127;
    }
    try {
      return await run(args, { ...c, name: base });
    } catch (e) {
      // A file-system failure the command did not word itself: report it, never end the shell.
      if (e instanceof ExitSignal || typeof (e as { code?: unknown }).code !== 'string') throw e;
      io.err.write(`${base}: ${errorText(e)}\n`);
      return 1;
    }
  } finally {
    for (const [k, v] of saved)
      if (v === undefined) sh.vars.delete(k);
      else sh.vars.set(k, v);
  }
}
