// The built-in shell as a process for the emulator: stdin, stdout and stderr streams, kill() and
// 'close' (code, or null after a kill), like the ChildProcess of a bubblewrap run. A command runs
// as `sh -c`; without one, a login shell reads stdin (lineShell.ts). No child process is started.
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Sink } from './io';
import { StreamSource } from './io';
import { lineShell } from './lineShell';
import { Shell } from './shell';

export interface BuiltinOptions {
  /** The server's disk folder: its `/`. */
  root: string;
  cwd: string;
  user: string;
  env?: Record<string, string>;
}

export class BuiltinProcess extends EventEmitter {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  private readonly abort = new AbortController();
  killed = false;

  constructor(o: BuiltinOptions, command: string | undefined, tty: boolean) {
    super();
    const sink = (s: PassThrough): Sink => ({
      write: (d) => {
        if (s.writableEnded) return;
        s.write(tty ? Buffer.from((typeof d === 'string' ? d : d.toString('utf8')).replace(/\r?\n/g, '\r\n')) : d);
      },
    });
    setImmediate(() => void this.run(o, command, tty, sink(this.stdout), sink(tty ? this.stdout : this.stderr)));
  }

  private async run(o: BuiltinOptions, command: string | undefined, tty: boolean, out: Sink, err: Sink): Promise<void> {
    let code: number | null;
    try {
      // A server has a /tmp (on its disk here; bubblewrap gives a private one).
      const tmp = join(o.root, 'tmp');
      if (!existsSync(tmp)) {
        mkdirSync(tmp);
        chmodSync(tmp, 0o1777);
      }
      const sh = new Shell({ ...o, signal: this.abort.signal });
      const input = new StreamSource(this.stdin, this.abort.signal);
      code = command !== undefined ? await sh.script(command, { in: input, out, err }) : await lineShell(sh, input, { tty, out, err });
    } catch (e) {
      err.write(`sh: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 2;
    }
    if (this.killed) code = null;
    // 'close' comes after both outputs were read out, as with a real process.
    await Promise.all(
      [this.stdout, this.stderr].map((s) => {
        const ended = new Promise((r) => s.once('end', r));
        s.end();
        if (s.readableFlowing === null) s.resume();
        return ended;
      }),
    );
    this.emit('exit', code, this.killed ? 'SIGKILL' : null);
    this.emit('close', code, this.killed ? 'SIGKILL' : null);
  }

  kill(_signal?: NodeJS.Signals | number): boolean {
    if (this.killed) return false;
    this.killed = true;
    this.abort.abort();
    return true;
  }
}

/** Starts the built-in shell over the server's folder: `command` as sh -c, else a login shell. */
export function spawnBuiltin(o: BuiltinOptions, command: string | undefined, tty: boolean): BuiltinProcess {
  return new BuiltinProcess(o, command, tty);
}
