// Pathname expansion (* ? […], `\` quotes one character) over the confined file system; a name
// starting with "." matches only a pattern starting with ".". Sorted; [] when nothing matches.
import type { ShellFs } from './fsOps';

const HAS_GLOB = /(^|[^\\])[*?[]/;

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

export function globRegExp(comp: string): RegExp {
  let re = '';
  for (let i = 0; i < comp.length; i++) {
    const c = comp[i] ?? '';
    if (c === '\\') re += (comp[++i] ?? '\\').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    else if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = comp.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = comp.slice(i + 1, end);
        const neg = body.startsWith('!') || body.startsWith('^');
        if (neg) body = body.slice(1);
        re += `[${neg ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

export function glob(fs: ShellFs, pattern: string, cwd: string): string[] {
  const comps = pattern.split('/');
  let bases: string[] = [pattern.startsWith('/') ? '/' : ''];
  if (pattern.startsWith('/')) comps.shift();
  comps.forEach((comp, n) => {
    const last = n === comps.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      const join = (name: string): string => (base === '' ? name : base.endsWith('/') ? `${base}${name}` : `${base}/${name}`);
      if (!HAS_GLOB.test(comp)) {
        next.push(join(unescape(comp)));
        continue;
      }
      let names: string[];
      try {
        names = fs.list(base || '.', cwd);
      } catch {
        continue;
      }
      const re = globRegExp(comp);
      for (const name of names) if (re.test(name) && (!name.startsWith('.') || comp.startsWith('.'))) next.push(join(name));
    }
    bases = last ? next : next.filter((b) => b === '' || fs.exists(b, cwd));
  });
  return bases.filter((b) => b !== '' && fs.exists(b, cwd)).sort();
}
