// The built-in shell against the real one: every script the extension sends (authorize a key,
// remove our keys), every script our tests send, and the rest of the built-in set, run once in
// bash under bubblewrap and once in the built-in shell, each over a fresh copy of the same disk:
// the same stdout, stderr (the shell's own name in messages aside), exit code and files after.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizeKeyScript, parsePublicKey, removeOurKeysScript } from '../../../src/core/remote/authorizeKey';
import { spawnBuiltin } from '../../emulator/machines/builtinShell/process';
import { sandboxAvailable, spawnInSandbox } from '../../emulator/machines/sandbox';

const scratch = mkdtempSync(join(tmpdir(), 'swas-builtin-vs-bash-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;

const KEY = parsePublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINew me@laptop');
const PUB = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFromTest swas-test';
const OTHER = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExisting other@host';

/** A fresh server disk as DiskFolders lays it out, plus the files a case asks for. */
function disk(files: Record<string, string>): string {
  const root = join(scratch, String(n++));
  mkdirSync(join(root, 'root', '.ssh'), { recursive: true, mode: 0o700 });
  mkdirSync(join(root, 'etc', 'ssh'), { recursive: true });
  mkdirSync(join(root, 'home'), { recursive: true });
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
  writeFileSync(join(root, 'etc', 'hostname'), 'web-prod-1\n');
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

/** Every file and folder of the disk the scripts may touch: path, type, mode, content. */
function tree(root: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, rel)).sort()) {
    const p = rel ? `${rel}/${name}` : name;
    if (!rel && ['bin', 'lib', 'lib64', 'sbin', 'usr', 'proc', 'dev', 'sys', 'tmp'].includes(name)) continue;
    if (p === 'etc/alternatives') continue;
    const st = lstatSync(join(root, p));
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isSymbolicLink()) out.push(`${p} -> ${readlinkSync(join(root, p))}`);
    else if (st.isDirectory()) out.push(`${p}/ ${mode}`, ...tree(root, p));
    else out.push(`${p} ${mode} ${JSON.stringify(readFileSync(join(root, p), 'utf8'))}`);
  }
  return out;
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  files: string[];
}

function outcome(
  child: {
    stdout: NodeJS.ReadableStream | null;
    stderr: NodeJS.ReadableStream | null;
    stdin: NodeJS.WritableStream | null;
    on(e: 'close', f: (code: number | null) => void): unknown;
  },
  root: string,
  input: string,
): Promise<Outcome> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    // A script that exits before reading its input (set -e) closes the pipe first: EPIPE is not the outcome.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr: stderr.replace(/^(\/bin\/)?bash: (line \d+: )?/gm, 'sh: '), files: tree(root) }),
    );
  });
}

async function both(script: string, files: Record<string, string> = {}, input = ''): Promise<{ bash: Outcome; builtin: Outcome }> {
  assert.ok(sandboxAvailable(), 'this comparison needs bubblewrap (Debian package "bubblewrap")');
  const a = disk(files);
  const b = disk(files);
  const where = (root: string): { root: string; cwd: string; user: string } => ({ root, cwd: '/root', user: 'root' });
  const bash = await outcome(spawnInSandbox(where(a), ['/bin/bash', '-c', script]), a, input);
  const builtin = await outcome(spawnBuiltin(where(b), script, false), b, input);
  return { bash, builtin };
}

const CASES: Array<{ name: string; script: string; files?: Record<string, string>; input?: string }> = [];
if (KEY) {
  const auth = authorizeKeyScript(KEY, 'swas-web');
  CASES.push(
    { name: 'authorize a key (fresh disk)', script: auth },
    {
      name: 'authorize a key already there (idempotent)',
      script: auth,
      files: { 'root/.ssh/authorized_keys': `${OTHER}\nssh-ed25519 ${KEY.base64} swas-explorer:swas-web\n` },
    },
    { name: 'authorize a key after a last line without newline', script: auth, files: { 'root/.ssh/authorized_keys': OTHER } },
    { name: 'authorize a key without ~/.ssh', script: `rm -rf /root/.ssh; ${auth}` },
    {
      name: 'remove our keys',
      script: removeOurKeysScript(),
      files: { 'root/.ssh/authorized_keys': `${OTHER}\nssh-ed25519 ${KEY.base64} swas-explorer:x\n` },
    },
    { name: 'remove our keys with no key file', script: `rm -f /root/.ssh/authorized_keys; ${removeOurKeysScript()}` },
  );
}
CASES.push(
  {
    name: 'the SSH tests authorise a key',
    script: `mkdir -p /root/.ssh && chmod 700 /root/.ssh && grep -qxF '${PUB}' /root/.ssh/authorized_keys 2>/dev/null || echo '${PUB}' >> /root/.ssh/authorized_keys`,
  },
  {
    name: 'the SSH tests authorise a key twice',
    script: `grep -qxF '${PUB}' /root/.ssh/authorized_keys 2>/dev/null || echo '${PUB}' >> /root/.ssh/authorized_keys`,
    files: { 'root/.ssh/authorized_keys': `${PUB}\n` },
  },
  { name: 'hostname, a file, exit 7', script: 'cat /etc/hostname; echo "made over ssh" > /root/over-ssh.txt; exit 7' },
  { name: 'stdin to a file, wc, stderr', script: 'cat > /root/in.txt; wc -c < /root/in.txt; echo oops >&2', input: 'twelve bytes' },
  {
    name: 'command substitution, hidden ls error, exit 3',
    script: 'echo "hello from $(cat /etc/hostname)"; echo kept > /root/note.txt; ls /work 2>/dev/null; exit 3',
  },
  { name: 'a missing file through 2>&1 || true', script: 'cat /root/only-web 2>&1 || true' },
  {
    name: 'arithmetic',
    script: 'echo typed-$((6*7)) > /root/typed.txt; cat /root/typed.txt; i=3; echo $((i * (2 + 1) - 10 / 3)) $((7 % 4))',
  },
  { name: 'read-only system folders', script: 'touch /usr/evil 2>&1; mkdir /usr/x 2>&1; echo x > /usr/y; echo $?; echo done' },
  {
    name: 'quoting',
    script: `a='single $HOME'; b="double $HOME"; echo "$a" "$b" \\$HOME '"' "'" "a\\"b" x\\ y; echo "$(echo "in $(echo nested)")"; v="a  b"; printf '[%s]' $v "$v" ''; echo`,
  },
  {
    name: 'variables and defaults',
    script:
      'echo $HOME $USER ${HOME}/x ${NOPE:-dflt} ${NOPE-} "${NOPE:+alt}" ${HOME:+alt}; x=; echo "[${x:-e}]"; false; echo $?; true; echo $?',
  },
  {
    name: 'redirections and their order',
    script:
      'echo out > f; echo more >> f; cat < f; ls /nope > g 2>&1; cat g; ls /nope 2>&1 > h; cat h; echo err 1>&2 2>/dev/null; echo quiet > /dev/null; cat f g h | wc -l',
  },
  {
    name: 'operators',
    script:
      'true && echo a; false && echo b; false || echo c; true || echo d; ! false && echo e; false; echo $?; (exit 4); echo $?; { echo g; echo h; } > gh; cat gh',
  },
  {
    name: 'if, for, while',
    script:
      'if [ -d /root ]; then echo dir; elif true; then echo no; else echo no; fi; for x in 1 "2 3" $HOME; do echo "[$x]"; done; i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done; if false; then echo no; fi; echo $?',
  },
  { name: 'set -e stops at the first failure', script: 'set -e; echo one; false && echo no; [ -f /nope ] || echo fine; false; echo never' },
  { name: 'set -e and a failing substitution', script: 'set -e; x=$(false); echo never' },
  {
    name: 'test and [',
    script:
      'touch e; echo x > s; mkdir d; for p in e s d nope; do [ -e $p ]; echo "$p e$? $([ -f $p ]; echo f$?) $([ -d $p ]; echo d$?) $([ -s $p ]; echo s$?)"; done; [ a = a ]; echo $?; [ a != a ]; echo $?; [ 2 -gt 10 ]; echo $?; [ -n "" ]; echo $?; [ -z "" ]; echo $?; test ! -e nope; echo $?; [ 1 -eq 1 -a 2 -eq 2 ]; echo $?',
  },
  {
    name: 'files: mkdir, cp, mv, rm, chmod, ls',
    script:
      'mkdir -p a/b/c; echo 1 > a/b/f; cp a/b/f a/g; cp -r a z; mv z/g z/h; mv a/g a/b/; rm a/b/c -r 2>/dev/null || rm -r a/b/c; chmod 750 z; chmod u+x,g-r z/h; chmod 600 a/b/f; ls; ls -a a/b; ls z z/b; rm -rf a/nope; rm a 2>&1; rm nope 2>&1; mkdir a 2>&1; mkdir -p a; echo $?',
  },
  {
    name: 'text: grep, wc, head, tail, sort, tr, od',
    script:
      'printf "one\\ntwo\\nthree\\nTwo\\n" > t; grep tw t; grep -v o t; grep -c o t; grep -n -i two t; grep -x two t; grep -F "t.o" t; echo $?; grep -q one t && echo q; grep "^t\\(w\\|h\\)" t; grep -E "e{2}" t; grep one t nope 2>&1; echo $?; wc -l t; wc -w < t; wc t; head -n 2 t; head -1 t; tail -n 1 t; tail -c 4 t; tail -n +3 t; sort t; sort -r t; tr a-z A-Z < t; tr -d "o\\n" < t; echo; printf "hi\\n\\t\\001x" | od -An -c; printf "ab" | od -c',
  },
  {
    name: 'echo and printf',
    script:
      'echo -n a; echo b; echo -e "x\\ty\\n"; echo "a\\nb"; printf "%s=%d|%5s|%-3s|%%\\n" a 42 r l; printf "%s\\n" one two three; printf "%b\\n" "a\\tb"; printf "x\\n" extra',
  },
  {
    name: 'cd, pwd and ~',
    script:
      'pwd; cd /etc; pwd; cd ..; pwd; cd ../..; pwd; cd; pwd; echo ~ ~/x; cd /nope 2>/dev/null; echo $?; mkdir -p q/r; cd q/r && pwd; cd -',
  },
  { name: 'who and where', script: 'whoami; id -un; id -u; id -g; hostname; uname; uname -s; date +%F; date -u +%Y; date +%s | wc -c' },
  { name: 'an unknown command is 127', script: 'nope-cmd arg; echo $?' },
  { name: 'globs', script: 'touch a1 a2 b1 .hidden; echo a*; echo ?1; echo [ab]2; echo "a*"; echo none*; echo /etc/host*; ls -d *1' },
  { name: 'exit codes wrap and default to the last status', script: 'false; exit' },
  { name: 'a syntax error', script: 'if then fi' },
);

describe('the built-in shell does what bash does', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const { bash, builtin } = await both(c.script, c.files, c.input);
      if (c.name === 'a syntax error') {
        assert.equal(builtin.code, bash.code);
        assert.equal(builtin.stdout, bash.stdout);
        return;
      }
      assert.deepEqual(builtin, bash);
    });
  }
});
