// Builtins that change the shell itself: cd, exit, set (-e/+e), umask, export, unset, eval, ":".
import { ExitSignal } from './commands/types';
import type { Builtin } from './commands/types';
import type { Shell } from './shell';
import { errorText } from './vfs';

export function shellBuiltin(sh: Shell, name: string): Builtin | undefined {
  switch (name) {
    case ':':
      return () => 0;
    case 'exit':
      return (args, c) => {
        const code = args[0] === undefined ? sh.status : Number(args[0]);
        if (!Number.isInteger(code)) {
          c.err.write(`sh: exit: ${args[0] ?? ''}: numeric argument required\n`);
          throw new ExitSignal(2);
        }
        throw new ExitSignal(((code % 256) + 256) % 256);
      };
    case 'cd':
      return (args, c) => {
        const home = sh.vars.get('HOME') ?? '/';
        const to = args[0] === undefined ? home : args[0] === '-' ? (sh.vars.get('OLDPWD') ?? sh.cwd) : args[0];
        try {
          const loc = sh.fs.existing(to, sh.cwd);
          if (!(loc.sys === 'dir' || (!loc.sys && loc.st?.isDirectory()))) throw Object.assign(new Error(), { code: 'ENOTDIR' });
          sh.vars.set('OLDPWD', sh.cwd);
          sh.cwd = loc.v;
          sh.vars.set('PWD', loc.v);
          if (args[0] === '-') c.out.write(`${loc.v}\n`);
          return 0;
        } catch (e) {
          c.err.write(`sh: cd: ${to}: ${errorText(e)}\n`);
          return 1;
        }
      };
    case 'set':
      return (args, c) => {
        for (const a of args) {
          if (a === '-e' || a === '-o' || a === 'errexit') sh.errexit = a !== '-o' ? true : sh.errexit;
          else if (a === '+e') sh.errexit = false;
          else if (a === '--') break;
          else {
            c.err.write(`sh: set: ${a}: not supported by the built-in shell (it knows -e and +e)\n`);
            return 2;
          }
        }
        if (args.length === 0) for (const [k, v] of [...sh.vars].sort()) c.out.write(`${k}='${v.replace(/'/g, `'\\''`)}'\n`);
        return 0;
      };
    case 'umask':
      return (args, c) => {
        if (args[0] === undefined) {
          c.out.write(`${sh.fs.umask.toString(8).padStart(4, '0')}\n`);
          return 0;
        }
        if (!/^[0-7]{1,4}$/.test(args[0])) {
          c.err.write(`sh: umask: ${args[0]}: octal number out of range\n`);
          return 1;
        }
        sh.fs.umask = parseInt(args[0], 8) & 0o777;
        return 0;
      };
    case 'export':
    case 'readonly':
      return (args) => {
        for (const a of args) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(a);
          if (m?.[1]) sh.vars.set(m[1], m[2] ?? '');
        }
        return 0;
      };
    case 'unset':
      return (args) => {
        for (const a of args) if (a !== '-v') sh.vars.delete(a);
        return 0;
      };
    case 'eval':
      return (args, c) => sh.script(args.join(' '), { in: c.stdin, out: c.out, err: c.err });
    default:
      return undefined;
  }
}
