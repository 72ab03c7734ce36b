// The built-in shell never reaches outside the server's folder: generated scripts of file
// commands over generated paths (.., ., absolute paths, the host's own absolute paths, links
// that point out of the folder, to its /, in a loop) leave every host file outside the folder
// exactly as it was (names, types, modes, contents, times), create nothing beside it, and never
// show a host file's content.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Capture, emptySource } from '../../emulator/machines/builtinShell/io';
import { Shell } from '../../emulator/machines/builtinShell/shell';

const base = mkdtempSync(join(tmpdir(), 'swas-confine-'));
after(() => rmSync(base, { recursive: true, force: true }));
const SECRET = 'SECRET-HOST-FILE';
const root = join(base, 'root');

// Outside the folder: a sibling, and a sibling whose name starts like the folder's.
for (const dir of ['outside', 'outside/dir', 'root-evil']) mkdirSync(join(base, dir), { recursive: true });
writeFileSync(join(base, 'outside', 'secret.txt'), SECRET);
writeFileSync(join(base, 'outside', 'dir', 'deep.txt'), SECRET);
writeFileSync(join(base, 'root-evil', 'x'), SECRET);

function freshRoot(): void {
  rmSync(root, { recursive: true, force: true });
  for (const dir of ['root/.ssh', 'etc', 'home', 'tmp']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'etc', 'hostname'), 'web-prod-1\n');
  writeFileSync(join(root, 'root', 'note'), 'inside\n');
  symlinkSync('../outside', join(root, 'esc'));
  symlinkSync('../outside/secret.txt', join(root, 'escfile'));
  symlinkSync(join(base, 'outside'), join(root, 'abs'));
  symlinkSync('../../../../../../..', join(root, 'root', 'up'));
  symlinkSync('../root-evil', join(root, 'evil'));
  symlinkSync('loop', join(root, 'root', 'loop'));
  symlinkSync('/', join(root, 'etc', 'top'));
}

/** Everything under `base` except the server's folder, with modes, contents and times. */
function outside(rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(base, rel)).sort()) {
    const p = rel ? `${rel}/${name}` : name;
    if (p === 'root') continue;
    const st = lstatSync(join(base, p));
    const head = `${p} ${st.mode.toString(8)} ${st.mtimeMs} ${st.nlink}`;
    if (st.isSymbolicLink()) out.push(`${head} -> ${readlinkSync(join(base, p))}`);
    else if (st.isDirectory()) out.push(head, ...outside(p));
    else out.push(`${head} ${readFileSync(join(base, p), 'utf8')}`);
  }
  return out;
}

const segment = fc.constantFrom(
  '..',
  '.',
  'esc',
  'escfile',
  'abs',
  'up',
  'loop',
  'evil',
  'top',
  'outside',
  'root-evil',
  'secret.txt',
  'dir',
  'deep.txt',
  'root',
  'etc',
  'tmp',
  'usr',
  'dev',
  'null',
  'x',
  'new',
  '*',
  '?*',
  base.slice(1),
);
const path = fc.oneof(
  fc.tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 7 })).map(([abs, segs]) => `${abs ? '/' : ''}${segs.join('/')}`),
  fc.constantFrom(
    join(base, 'outside', 'secret.txt'),
    join(base, 'outside'),
    join(base, 'root-evil', 'x'),
    '/',
    '..',
    '../..',
    '/root/up/outside/secret.txt',
    'up/../../esc/dir',
  ),
);
const command = fc
  .tuple(
    fc.constantFrom(
      'cat P',
      'echo hi > P',
      'echo hi >> P',
      'touch P',
      'mkdir -p P/new',
      'mkdir P',
      'rm -rf P',
      'rm P',
      'rm -r P/*',
      'cp P Q',
      'cp -r P Q',
      'mv P Q',
      'chmod 777 P',
      'chmod -R 000 P',
      'ls -la P',
      'cd P && touch z && rm -rf ./*',
      'test -f P && cat P',
      'cat < P',
      'wc -c P',
      'tail -c 3 P',
      'grep -r S P',
      'cat P/*',
      'cp P/* Q',
      'rmdir P',
      'printf x > P/x',
      'cd P; cd ..; cd ..; rm -rf *',
    ),
    path,
    path,
  )
  .map(([t, p, q]) => t.replace(/P/g, p).replace(/Q/g, q));

test("no generated script changes, creates or reads anything outside the server's folder", async () => {
  const before = outside();
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 5 }), async (cmds) => {
      freshRoot();
      const out = new Capture();
      const sh = new Shell({ root, user: 'root', cwd: '/root' });
      await sh.script(cmds.join('\n'), { in: emptySource(), out, err: out });
      assert.deepEqual(outside(), before, `script:\n${cmds.join('\n')}`);
      assert.ok(!out.text().includes(SECRET), `a host file was shown:\n${cmds.join('\n')}\n${out.text()}`);
    }),
    { numRuns: 400 },
  );
});

test('links that lead out of the folder are read inside it (as a chroot would)', async () => {
  freshRoot();
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'secret.txt'), "the server's own file\n");
  const out = new Capture();
  const err = new Capture();
  const sh = new Shell({ root, user: 'root', cwd: '/root' });
  await sh.script(
    `cat /escfile; cat /esc/secret.txt; cat up/outside/secret.txt; ls /etc/top/etc/hostname; cat ${join(base, 'outside', 'secret.txt')}; cat loop; echo x > /abs/y`,
    { in: emptySource(), out, err },
  );
  assert.equal(out.text(), "the server's own file\n".repeat(3) + '/etc/top/etc/hostname\n');
  assert.equal(
    err.text(),
    `cat: ${join(base, 'outside', 'secret.txt')}: No such file or directory\ncat: loop: Too many levels of symbolic links\nsh: /abs/y: No such file or directory\n`,
  );
});
