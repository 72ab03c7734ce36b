// Redirections (> >> < 2> 2>&1 >&2 &> &>>, /dev/null, /dev/std*) and the expansion context a
// command's words are expanded with (variables, $?, command substitution in a subshell, globs).
import { closeSync } from 'node:fs';
import type { Redir } from './ast';
import { ShellSyntaxError } from './ast';
import { ExitSignal } from './commands/types';
import type { ExpandContext } from './expand';
import { expandWords } from './expand';
import { glob } from './glob';
import { BufferSource, Capture, FdSink, NULL_SINK, emptySource } from './io';
import type { Sink, Source } from './io';
import type { Io, Shell } from './shell';
import { errorText } from './vfs';

export function expansion(sh: Shell, io: Io): ExpandContext {
  return {
    get: (name) => {
      if (name === '?') return String(sh.status);
      if (name === '$') return '4242';
      if (name === '#') return '0';
      if (name === '0') return 'sh';
      if (name === '-') return sh.errexit ? 'e' : '';
      if (/^[1-9@*!]$/.test(name)) return '';
      return sh.vars.get(name);
    },
    set: (name, value) => void sh.vars.set(name, value),
    substitute: async (src) => {
      const sub = sh.clone();
      const out = new Capture();
      let status: number;
      try {
        status = await sub.script(src, { in: emptySource(), out, err: io.err });
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        status = e.code;
      }
      sh.substStatus = status;
      return out.text();
    },
    glob: (pattern) => glob(sh.fs, pattern, sh.cwd),
  };
}

export async function applyRedirs(
  sh: Shell,
  redirs: readonly Redir[],
  io: Io,
  ctx: ExpandContext,
): Promise<number | { io: Io; close(): void }> {
  const fds: Array<Sink | Source> = [io.in, io.out, io.err];
  const opened: number[] = [];
  const close = (): void => {
    for (const fd of opened.splice(0)) closeSync(fd);
  };
  for (const r of redirs) {
    let target: string;
    try {
      const words = await expandWords([r.target], ctx);
      if (words.length !== 1) throw new ShellSyntaxError(`${r.target.raw}: ambiguous redirect`);
      target = words[0] ?? '';
    } catch (e) {
      close();
      if (!(e instanceof ShellSyntaxError)) throw e;
      io.err.write(`sh: ${e.message}\n`);
      return 1;
    }
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') continue;
      const from = fds[Number(target)];
      if (!/^\d$/.test(target) || !from) {
        close();
        io.err.write(`sh: ${target}: bad file descriptor\n`);
        return 1;
      }
      fds[r.fd] = from;
      continue;
    }
    try {
      if (r.op === '<') {
        fds[r.fd] = new BufferSource(sh.fs.read(target, sh.cwd));
        continue;
      }
      const o = sh.fs.open(target, sh.cwd, r.op === '>>' || r.op === '&>>');
      let sink: Sink | Source | undefined;
      if ('null' in o) sink = NULL_SINK;
      else if ('std' in o) sink = fds[o.std];
      else {
        opened.push(o.fd);
        sink = new FdSink(o.fd);
      }
      if (!sink) continue;
      fds[r.fd] = sink;
      if (r.op === '&>' || r.op === '&>>') fds[2] = sink;
    } catch (e) {
      close();
      io.err.write(`sh: ${target}: ${errorText(e)}\n`);
      return 1;
    }
  }
  const asSink = (x: Sink | Source | undefined, d: Sink): Sink => (x && 'write' in x ? x : d);
  const asSource = (x: Sink | Source | undefined): Source => (x && 'read' in x ? x : emptySource());
  return { io: { in: asSource(fds[0]), out: asSink(fds[1], NULL_SINK), err: asSink(fds[2], NULL_SINK) }, close };
}
