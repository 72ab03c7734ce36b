// The built-in shell's interpreter: lists, && ||, pipelines (each part after the other, the output
// of one the input of the next), if/for/while, { } and ( ), redirections, set -e, and the
// simple commands of simpleCommand.ts.
import { Incomplete, ShellSyntaxError } from './ast';
import type { AndOr, Command, List, Pipeline } from './ast';
import { ExitSignal } from './commands/types';
import type { ShellState } from './commands/types';
import { expandWords } from './expand';
import { ShellFs } from './fsOps';
import { BufferSource, Capture } from './io';
import type { Sink, Source } from './io';
import { parse } from './parser';
import { applyRedirs, expansion } from './redirect';
import { runSimple } from './simpleCommand';

export interface Io {
  in: Source;
  out: Sink;
  err: Sink;
}

export interface ShellOptions {
  root: string;
  user: string;
  cwd: string;
  env?: Record<string, string>;
  signal?: AbortSignal;
}

let steps = 0;

export class Shell implements ShellState {
  readonly fs: ShellFs;
  readonly user: string;
  cwd: string;
  vars: Map<string, string>;
  errexit = false;
  status = 0;
  /** The status of the last command substitution (an assignment-only command answers it). */
  substStatus = 0;
  signal: AbortSignal;
  /** Set once `exit` (or set -e) ended the shell. */
  exited = false;

  constructor(o: ShellOptions, from?: Shell) {
    this.fs = from?.fs ?? new ShellFs(o.root);
    this.user = o.user;
    this.cwd = o.cwd;
    this.signal = o.signal ?? new AbortController().signal;
    const home = o.user === 'root' ? '/root' : `/home/${o.user}`;
    this.vars = from
      ? new Map(from.vars)
      : new Map(
          Object.entries({
            HOME: home,
            USER: o.user,
            LOGNAME: o.user,
            PWD: o.cwd,
            SHELL: '/bin/sh',
            PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
            LANG: 'C.UTF-8',
            IFS: ' \t\n',
            ...o.env,
          }),
        );
    if (from) {
      this.errexit = from.errexit;
      this.status = from.status;
      this.fs.umask = from.fs.umask;
    }
  }

  hostName(): string {
    try {
      return this.fs.read('/etc/hostname', '/').toString('utf8').trim() || 'localhost';
    } catch {
      return 'localhost';
    }
  }

  /** A copy for a subshell: same disk, its own variables and directory. */
  clone(): Shell {
    return new Shell({ root: this.fs.root, user: this.user, cwd: this.cwd, signal: this.signal }, this);
  }

  /** Runs a whole script; answers its status (exit, set -e and syntax errors included). */
  async script(src: string, io: Io): Promise<number> {
    let list: List;
    try {
      list = parse(src);
    } catch (e) {
      if (!(e instanceof ShellSyntaxError || e instanceof Incomplete)) throw e;
      io.err.write(`sh: ${e instanceof Incomplete ? 'syntax error: unexpected end of file' : e.message}\n`);
      return (this.status = 2);
    }
    try {
      return await this.list(list, io, false);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      this.exited = true;
      return (this.status = e.code);
    }
  }

  async list(list: List, io: Io, cond: boolean): Promise<number> {
    for (const ao of list) await this.andOr(ao, io, cond);
    return this.status;
  }

  private async andOr(ao: AndOr, io: Io, cond: boolean): Promise<number> {
    let status = await this.pipeline(ao.first, io, cond || ao.rest.length > 0);
    for (let n = 0; n < ao.rest.length; n++) {
      const step = ao.rest[n];
      if (!step) continue;
      if ((step.op === '&&') !== (status === 0)) continue;
      status = await this.pipeline(step.p, io, cond || n < ao.rest.length - 1);
    }
    return status;
  }

  private async pipeline(p: Pipeline, io: Io, cond: boolean): Promise<number> {
    // Let the emulator breathe (timers, other sessions): `while true; do :; done` must not freeze it.
    if (++steps % 64 === 0) await new Promise((r) => setImmediate(r));
    if (this.signal.aborted) throw new ExitSignal(130);
    let status: number;
    if (p.cmds.length === 1 && p.cmds[0]) status = await this.command(p.cmds[0], io, cond || p.negate);
    else {
      let input = io.in;
      status = 0;
      for (let n = 0; n < p.cmds.length; n++) {
        const cmd = p.cmds[n];
        if (!cmd) continue;
        const last = n === p.cmds.length - 1;
        const out = last ? io.out : new Capture();
        const sub = this.clone();
        try {
          status = await sub.command(cmd, { in: input, out, err: io.err }, true);
        } catch (e) {
          if (!(e instanceof ExitSignal)) throw e;
          status = e.code;
        }
        if (out instanceof Capture) input = new BufferSource(out.buffer());
      }
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.status = status;
    const last = p.cmds[p.cmds.length - 1];
    const checked = p.cmds.length > 1 || last?.k === 'simple' || (last?.k === 'group' && last.subshell);
    if (this.errexit && !cond && !p.negate && status !== 0 && checked) throw new ExitSignal(status);
    return status;
  }

  async command(cmd: Command, io: Io, cond: boolean): Promise<number> {
    const ctx = expansion(this, io);
    const r = await applyRedirs(this, cmd.redirs, io, ctx);
    if (typeof r === 'number') return (this.status = r);
    try {
      return (this.status = await this.body(cmd, r.io, cond, ctx));
    } finally {
      r.close();
    }
  }

  private async body(cmd: Command, io: Io, cond: boolean, ctx: ReturnType<typeof expansion>): Promise<number> {
    switch (cmd.k) {
      case 'group': {
        if (!cmd.subshell) return this.list(cmd.body, io, cond);
        const sub = this.clone();
        try {
          return await sub.list(cmd.body, io, cond);
        } catch (e) {
          if (e instanceof ExitSignal) return e.code;
          throw e;
        }
      }
      case 'if': {
        for (const c of cmd.clauses) if ((await this.list(c.cond, io, true)) === 0) return this.list(c.body, io, cond);
        return cmd.otherwise ? this.list(cmd.otherwise, io, cond) : 0;
      }
      case 'while': {
        let status = 0;
        while (((await this.list(cmd.cond, io, true)) === 0) !== cmd.until) status = await this.list(cmd.body, io, cond);
        return status;
      }
      case 'for': {
        let status = 0;
        const items = cmd.items ? await expandWords(cmd.items, ctx) : [];
        for (const item of items) {
          this.vars.set(cmd.name, item);
          status = await this.list(cmd.body, io, cond);
        }
        return status;
      }
      case 'simple':
        return runSimple(this, cmd, io, ctx);
    }
  }
}
