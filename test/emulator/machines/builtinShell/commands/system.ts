// Who and where: whoami, id (-u -g -n), hostname (the disk's /etc/hostname), uname (-a -s -n -r
// -m -o), env, date (UTC; +FORMAT with %Y %m %d %H %M %S %s %F %T %a %b %e %Z %%, -u), uptime
// (the emulator's own uptime: a server is as old as the emulator).
import type { Builtin } from './types';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

export function dateText(d: Date, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  const f: Record<string, string> = {
    Y: String(d.getUTCFullYear()),
    m: two(d.getUTCMonth() + 1),
    d: two(d.getUTCDate()),
    e: String(d.getUTCDate()).padStart(2),
    H: two(d.getUTCHours()),
    M: two(d.getUTCMinutes()),
    S: two(d.getUTCSeconds()),
    s: String(Math.floor(d.getTime() / 1000)),
    a: DAYS[d.getUTCDay()] ?? '',
    b: MONTHS[d.getUTCMonth()] ?? '',
    Z: 'UTC',
    '%': '%',
    n: '\n',
    t: '\t',
  };
  f.F = `${f.Y}-${f.m}-${f.d}`;
  f.T = `${f.H}:${f.M}:${f.S}`;
  return format.replace(/%(.)/g, (m, k: string) => f[k] ?? m);
}

const uname: Builtin = (args, c) => {
  const all = { s: 'Linux', n: c.sh.hostName(), r: '5.10.134-16.al8.x86_64', v: '#1 SMP', m: 'x86_64', o: 'GNU/Linux' };
  const wanted = args.join('').replace(/-/g, '');
  const keys = wanted.includes('a') ? ['s', 'n', 'r', 'v', 'm', 'o'] : wanted ? [...wanted] : ['s'];
  c.out.write(`${keys.map((k) => all[k as keyof typeof all] ?? '').join(' ')}\n`);
  return 0;
};

function ids(user: string): { uid: number; gid: number } {
  return user === 'root' ? { uid: 0, gid: 0 } : { uid: 1000, gid: 1000 };
}

const say =
  (text: (args: string[], c: Parameters<Builtin>[1]) => string): Builtin =>
  (args, c) => {
    c.out.write(`${text(args, c)}\n`);
    return 0;
  };

export const SYSTEM: Record<string, Builtin> = {
  whoami: say((_a, c) => c.sh.user),
  hostname: say((_a, c) => c.sh.hostName()),
  id: say((args, c) => {
    const { uid, gid } = ids(c.sh.user);
    const u = c.sh.user;
    const flags = args.join('');
    if (flags.includes('u')) return flags.includes('n') ? u : String(uid);
    if (flags.includes('g')) return flags.includes('n') ? u : String(gid);
    return `uid=${uid}(${u}) gid=${gid}(${u}) groups=${gid}(${u})`;
  }),
  uname,
  env: (_a, c) => {
    for (const [k, v] of c.sh.vars) if (k !== 'IFS') c.out.write(`${k}=${v}\n`);
    return 0;
  },
  date: (args, c) => {
    const format = args.find((a) => a.startsWith('+'));
    const bad = args.find((a) => !a.startsWith('+') && a !== '-u' && a !== '--utc');
    if (bad !== undefined) {
      c.fail(`the built-in shell's date knows +FORMAT and -u only ('${bad}')`);
      return 1;
    }
    c.out.write(`${dateText(new Date(), format?.slice(1))}\n`);
    return 0;
  },
  uptime: say(() => {
    const up = Math.floor(process.uptime());
    const hm = `${Math.floor(up / 3600)}:${two(Math.floor((up % 3600) / 60))}`;
    return ` ${dateText(new Date(), '%T')} up ${up < 3600 ? `${Math.floor(up / 60)} min` : hm},  1 user,  load average: 0.00, 0.00, 0.00`;
  }),
};
