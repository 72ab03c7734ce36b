// The interactive side of the built-in shell (an SSH login): reads what is typed, line by line,
// and runs each complete command. With a terminal (pty) it shows the prompt (PS1 with \u \h \w \$),
// echoes what is typed, handles CR or LF as Enter, backspace (DEL or ^H), ^C (drops the line),
// ^D on an empty line (logs out) and ignores arrow keys; "> " asks for the rest of an open
// command. Without a terminal it reads commands silently, as `sh` reading a script from stdin.
import { Incomplete } from './ast';
import type { Sink, Source } from './io';
import { parse } from './parser';
import type { Shell } from './shell';

export interface LineShellOptions {
  tty: boolean;
  /** Output to the terminal (already translated to CR LF when tty). */
  out: Sink;
  err: Sink;
}

export function promptText(sh: Shell): string {
  const ps1 = sh.vars.get('PS1') ?? '\\u@\\h:\\w\\$ ';
  const home = sh.vars.get('HOME') ?? '/root';
  const w = sh.cwd === home ? '~' : sh.cwd.startsWith(`${home}/`) ? `~${sh.cwd.slice(home.length)}` : sh.cwd;
  return ps1.replace(/\\([uhw$])/g, (_m, k: string) =>
    k === 'u' ? sh.user : k === 'h' ? sh.hostName() : k === 'w' ? w : sh.user === 'root' ? '#' : '$',
  );
}

/** Runs the session until exit, ^D or the end of input; answers the exit status. */
export async function lineShell(sh: Shell, input: Source, o: LineShellOptions): Promise<number> {
  let line = '';
  let pending = '';
  let lastCr = false;
  let escape = 0;
  const show = (s: string): void => {
    if (o.tty) o.out.write(s);
  };
  const prompt = (): void => show(pending ? '> ' : promptText(sh));
  const enter = async (): Promise<void> => {
    const src = pending ? `${pending}\n${line}` : line;
    line = '';
    try {
      parse(src);
    } catch (e) {
      if (e instanceof Incomplete) {
        pending = src;
        return;
      }
    }
    pending = '';
    await sh.script(src, { in: { read: () => Promise.resolve(null) }, out: o.out, err: o.err });
  };
  prompt();
  for (let chunk = await input.read(); chunk && !sh.signal.aborted; chunk = await input.read()) {
    for (const ch of chunk.toString('utf8')) {
      if (escape > 0) {
        escape = escape === 1 && ch === '[' ? 2 : /[A-Za-z~]/.test(ch) ? 0 : escape;
        continue;
      }
      if (ch === '\n' && lastCr) {
        lastCr = false;
        continue;
      }
      lastCr = ch === '\r';
      if (ch === '\r' || ch === '\n') {
        show('\r\n');
        await enter();
        if (sh.exited) return sh.status;
        prompt();
      } else if (ch === '\x7f' || ch === '\b') {
        if (o.tty && line.length > 0) {
          line = [...line].slice(0, -1).join('');
          show('\b \b');
        }
      } else if (ch === '\x03' && o.tty) {
        show('^C\r\n');
        line = '';
        pending = '';
        prompt();
      } else if (ch === '\x04' && o.tty) {
        if (line === '') {
          show('logout\r\n');
          return sh.status;
        }
      } else if (ch === '\x1b' && o.tty) escape = 1;
      else {
        line += ch;
        show(ch);
      }
    }
  }
  if (line !== '' || pending !== '') {
    await enter();
    if (pending) {
      o.err.write('sh: syntax error: unexpected end of file\n');
      return 2;
    }
  }
  return sh.status;
}
