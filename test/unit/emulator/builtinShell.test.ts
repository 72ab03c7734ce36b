// The built-in shell's own rules (what bash is compared with lives in
// test/contract/emulator/builtinVsBash.test.ts): parsing, quoting, expansions, redirections,
// set -e, what it refuses, the interactive line reader and the process wrapper.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Incomplete, ShellSyntaxError } from '../../emulator/machines/builtinShell/ast';
import { BufferSource, Capture } from '../../emulator/machines/builtinShell/io';
import { lineShell } from '../../emulator/machines/builtinShell/lineShell';
import { parse } from '../../emulator/machines/builtinShell/parser';
import { spawnBuiltin } from '../../emulator/machines/builtinShell/process';
import { Shell } from '../../emulator/machines/builtinShell/shell';
import { parseSandboxChoice, resolveSandbox, sandboxFromEnv } from '../../emulator/machines/sandbox';

const base = mkdtempSync(join(tmpdir(), 'swas-builtin-'));
after(() => rmSync(base, { recursive: true, force: true }));
let n = 0;

function server(): string {
  const root = join(base, String(n++));
  for (const d of ['root/.ssh', 'etc', 'tmp']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'etc', 'hostname'), 'web-prod-1\n');
  return root;
}

async function run(script: string, input = '', root = server()): Promise<{ code: number; out: string; err: string; root: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await new Shell({ root, user: 'root', cwd: '/root' }).script(script, { in: new BufferSource(Buffer.from(input)), out, err });
  return { code, out: out.text(), err: err.text(), root };
}

describe('built-in shell: syntax', () => {
  test('an open quote, substitution or compound command asks for more; a misplaced word is a syntax error', () => {
    for (const src of ["echo 'abc", 'echo "abc', 'echo $(date', 'if true; then echo', 'for x in a; do', '{ echo', 'echo \\', 'true &&'])
      assert.throws(() => parse(src), Incomplete, src);
    for (const src of ['fi', 'then echo', 'echo a; do', 'if then fi', '( )', 'echo a | | b'])
      assert.throws(() => parse(src), ShellSyntaxError, src);
  });

  test('what the built-in shell does not do is refused with a sentence (here-documents, &, case)', async () => {
    assert.match((await run('cat <<EOF\nx\nEOF')).err, /here-documents \(<<\) are not supported by the built-in shell/);
    assert.match((await run('sleep 1 &')).err, /background jobs \(&\) are not supported/);
    assert.match((await run('case x in x) echo;; esac')).err, /case is not supported/);
    assert.equal((await run('cat <<EOF')).code, 2);
  });

  test('comments, line continuations, keywords as plain arguments', async () => {
    const r = await run('echo a # not this\necho b \\\n c; echo if then fi }');
    assert.equal(r.out, 'a\nb c\nif then fi }\n');
  });
});

describe('built-in shell: commands and streams', () => {
  test('an unknown command answers "sh: <cmd>: command not found" and 127; /bin/x and /usr/bin/x are the built-in x', async () => {
    const r = await run('frobnicate -x; echo $?; /bin/echo a; /usr/bin/true && echo b');
    assert.equal(r.err, 'sh: frobnicate: command not found\n');
    assert.equal(r.out, '127\na\nb\n');
  });

  test('stdin reaches the first command of a pipeline; 2>&1 and >&2 follow their order', async () => {
    const r = await run('cat | tr a-z A-Z; ls /nope 2>&1 >/dev/null | wc -l; echo to-err >&2', 'piped\n');
    assert.equal(r.out, 'PIPED\n1\n');
    assert.equal(r.err, 'to-err\n');
  });

  test('umask shapes new files and folders; chmod changes them', async () => {
    const r = await run('umask 077; touch f; mkdir d; umask; umask 022; touch g; chmod u+x,go-r g');
    assert.equal(r.out, '0077\n');
    const mode = (p: string): string => (statSync(join(r.root, 'root', p)).mode & 0o777).toString(8);
    assert.deepEqual([mode('f'), mode('d'), mode('g')], ['600', '700', '700']);
  });

  test('exit ends the script at once with its status; in a pipeline or ( ) only that part ends', async () => {
    assert.deepEqual(await run('echo a; exit 300; echo b').then((r) => [r.code, r.out]), [44, 'a\n']);
    assert.deepEqual(await run('(exit 5); echo $?; exit 6 | true; echo $?').then((r) => [r.code, r.out]), [0, '5\n0\n']);
  });

  test('uptime (the placeholder of Run Command) and date answer in their usual shape', async () => {
    const r = await run('uptime; date; date +%F_%T');
    assert.match(
      r.out,
      /^ \d\d:\d\d:\d\d up .+,  1 user,  load average: 0\.00, 0\.00, 0\.00\n[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\n\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d\n$/,
    );
  });

  test("the disk is the server's: a file written is on the folder, /tmp exists, hostname reads /etc/hostname", async () => {
    const r = await run('echo hi > /root/x; echo t > /tmp/t; hostname; cat /tmp/t');
    assert.equal(r.out, 'web-prod-1\nt\n');
    assert.equal(readFileSync(join(r.root, 'root', 'x'), 'utf8'), 'hi\n');
  });
});

describe('built-in shell: an interactive login', () => {
  async function typed(input: string): Promise<{ code: number; out: string }> {
    const out = new Capture();
    const sh = new Shell({ root: server(), user: 'root', cwd: '/root', env: { PS1: '\\u@\\h:\\w\\$ ' } });
    const code = await lineShell(sh, new BufferSource(Buffer.from(input)), { tty: true, out, err: out });
    return { code, out: out.text() };
  }

  test('the prompt names user, host and folder (~ for home); CR runs a line; what is typed is echoed', async () => {
    const r = await typed('cd /etc\rpwd\rexit 3\r');
    assert.equal(r.code, 3);
    assert.equal(r.out, 'root@web-prod-1:~# cd /etc\r\nroot@web-prod-1:/etc# pwd\r\n/etc\nroot@web-prod-1:/etc# exit 3\r\n');
  });

  test('backspace edits the line, ^C drops it, an open if asks "> " for more, ^D logs out', async () => {
    const r = await typed('echo abx\x7fc\r\x03junk\x03if true\rthen echo in\rfi\r\x04');
    assert.ok(r.out.includes('echo abx\x08 \x08c\r\nabc\n'), r.out);
    assert.match(r.out, /\^C\r\n/);
    assert.match(r.out, /if true\r\n> then echo in\r\n> fi\r\nin\n/);
    assert.match(r.out, /logout\r\n$/);
  });

  test('without a terminal, lines are read silently, as sh reads a script from stdin', async () => {
    const out = new Capture();
    const sh = new Shell({ root: server(), user: 'root', cwd: '/root' });
    assert.equal(await lineShell(sh, new BufferSource(Buffer.from('echo one\necho two\n')), { tty: false, out, err: out }), 0);
    assert.equal(out.text(), 'one\ntwo\n');
  });
});

describe('built-in shell: the process and the choice of sandbox', () => {
  test('a process closes with its status after its output; kill() ends a sleep and closes with null', async () => {
    const p = spawnBuiltin({ root: server(), cwd: '/root', user: 'root' }, 'echo out; echo err >&2; exit 9', false);
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdin.end();
    assert.equal(await new Promise((r) => p.on('close', r)), 9);
    assert.deepEqual([out, err], ['out\n', 'err\n']);
    const slow = spawnBuiltin({ root: server(), cwd: '/root', user: 'root' }, 'sleep 600; echo never', false);
    slow.stdout.resume();
    slow.stderr.resume();
    const closed = new Promise((r) => slow.on('close', r));
    setImmediate(() => slow.kill('SIGKILL'));
    assert.equal(await closed, null);
  });

  test('an endless loop does not freeze the emulator: timers still fire, and kill() ends it', async () => {
    const p = spawnBuiltin({ root: server(), cwd: '/root', user: 'root' }, 'while true; do echo x > /dev/null; done', false);
    p.stdout.resume();
    p.stderr.resume();
    const closed = new Promise((r) => p.on('close', r));
    await new Promise((r) => setTimeout(r, 20));
    p.kill('SIGKILL');
    assert.equal(await closed, null);
  });

  test('with a pty, output lines end in CR LF', async () => {
    const p = spawnBuiltin({ root: server(), cwd: '/root', user: 'root' }, 'echo a; echo b', true);
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.resume();
    await new Promise((r) => p.on('close', r));
    assert.equal(out, 'a\r\nb\r\n');
  });

  test('--sandbox / SWAS_EMULATOR_SANDBOX: bwrap, builtin or auto; bwrap where it cannot start is an error', () => {
    assert.equal(parseSandboxChoice(' Builtin '), 'builtin');
    assert.throws(() => parseSandboxChoice('docker'), /--sandbox must be bwrap, builtin or auto/);
    assert.equal(sandboxFromEnv({ SWAS_EMULATOR_SANDBOX: 'bwrap' }), 'bwrap');
    assert.equal(sandboxFromEnv({}), undefined);
    assert.equal(
      resolveSandbox('auto', () => false),
      'builtin',
    );
    assert.equal(
      resolveSandbox('auto', () => true),
      'bwrap',
    );
    assert.equal(
      resolveSandbox('builtin', () => true),
      'builtin',
    );
    assert.throws(() => resolveSandbox('bwrap', () => false), /bubblewrap cannot start a sandbox here/);
  });
});
