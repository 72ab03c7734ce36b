// An ssh config with every odd construct: Host patterns and negations, `=` separators, quoted
// values with spaces, tabs, comments after values, very long lines, NUL bytes, non-UTF-8 bytes, a
// path that is a directory or a symlink to one, broken markers. Each gives a correct result (our
// host resolves to our values in the real `ssh -G`, and removing it gives back the file byte for
// byte) or a clear SshConfigError, and a file we refuse is never touched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeHost, SECTION_BEGIN, SECTION_END, SshConfigError, upsertHost } from '../../../src/core/ssh/sshConfig';
import type { SshHostEntry } from '../../../src/core/ssh/sshConfig';
import { editSshConfigFile } from '../../../src/core/ssh/sshConfigFile';

const dir = mkdtempSync(join(tmpdir(), 'swas-sshodd-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const entry: SshHostEntry = { alias: 'swas-web-1', hostName: '127.0.1.1', user: 'admin', port: 2022 };

const ODD = [
  'Host *.example.com !bastion.example.com',
  '  User=deploy',
  'Host "quoted name" other',
  '\tHostName\t10.0.0.9   # a comment after the value',
  '  IdentityFile "/home/me/my keys/id_rsa"',
  '  ProxyJump = jump.example.com',
  'Host swas-*  !swas-skip',
  '  User wildcard',
  '  Port 2222',
  'Match host web exec "true"',
  '  User matched',
  `# ${'x'.repeat(20_000)}`,
  'Host swas-web-1.example.com # not our alias',
  '  User lookalike',
  `Host long ${'h'.repeat(900)}`,
  '  Port=2200',
  'Host *',
  '  ServerAliveInterval 30',
].join('\n');

function sshG(config: string, host: string): Map<string, string> {
  const file = join(dir, 'config-g');
  writeFileSync(file, config);
  const r = spawnSync('ssh', ['-G', '-F', file, host], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, r.stderr);
  return new Map(r.stdout.split('\n').map((l) => [l.split(' ')[0] ?? '', l.slice(l.indexOf(' ') + 1)]));
}

test('every odd construct: our host gets our values in ssh -G, other hosts resolve as before, removal restores every byte', () => {
  for (const eol of ['\n', '\r\n']) {
    for (const tail of ['', eol]) {
      const user = ODD.split('\n').join(eol) + tail;
      const withUs = upsertHost(user, entry);
      assert.equal(removeHost(withUs, entry.alias), user);
      assert.equal(upsertHost(withUs, entry), withUs, 'idempotent');
      if (eol === '\n') {
        const g = sshG(withUs, entry.alias);
        assert.deepEqual([g.get('hostname'), g.get('user'), g.get('port')], ['127.0.1.1', 'admin', '2022']);
        for (const other of ['a.example.com', 'swas-other', 'other', 'swas-web-1.example.com'])
          assert.deepEqual(sshG(withUs, other), sshG(user, other), other);
      }
    }
  }
});

test('NUL bytes and a BOM outside the section are kept byte for byte', async () => {
  const file = join(dir, 'nul-config');
  const bytes = Buffer.concat([Buffer.from('\uFEFFHost a\n  User x\u0000y\n# \u0000\u0000\n', 'utf8'), Buffer.from('Host b')]);
  writeFileSync(file, bytes);
  await editSshConfigFile(file, (t) => upsertHost(t, entry));
  assert.ok(readFileSync(file).includes(Buffer.from(SECTION_BEGIN)));
  await editSshConfigFile(file, (t) => removeHost(t, entry.alias));
  assert.deepEqual(readFileSync(file), bytes);
});

test('a file that is not UTF-8 is refused with SshConfig.NotUtf8 and left untouched', async () => {
  const file = join(dir, 'latin1-config');
  const bytes = Buffer.concat([Buffer.from('Host caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\n  User x\n')]);
  writeFileSync(file, bytes);
  await assert.rejects(
    editSshConfigFile(file, (t) => upsertHost(t, entry)),
    (e: unknown) => e instanceof SshConfigError && e.code === 'SshConfig.NotUtf8' && e.message.includes(file),
  );
  assert.deepEqual(readFileSync(file), bytes);
});

test('a path that cannot be read as a file (a folder, a symlink to one) is SshConfig.Unreadable, nothing written', async () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  const link = join(dir, 'link-to-folder');
  symlinkSync(folder, link);
  for (const p of [folder, link]) {
    await assert.rejects(
      editSshConfigFile(p, (t) => upsertHost(t, entry)),
      (e: unknown) => e instanceof SshConfigError && e.code === 'SshConfig.Unreadable' && e.message.includes('EISDIR'),
    );
  }
  assert.equal(spawnSync('ls', ['-A', folder], { encoding: 'utf8' }).stdout, '', 'no temporary file left');
});

test('broken markers: only a begin, only an end, two sections, reversed, a CRLF or indented marker', () => {
  const cases = [
    `Host a\n${SECTION_BEGIN}\nHost swas-web-1\n`,
    `${SECTION_END}\nHost a\n`,
    `${SECTION_BEGIN}\n${SECTION_END}\nHost a\n${SECTION_BEGIN}\n${SECTION_END}\n`,
    `${SECTION_END}\r\nHost a\r\n${SECTION_BEGIN}\r\n`,
    `  ${SECTION_BEGIN}\t\nHost a\n`,
  ];
  for (const bad of cases) {
    assert.throws(
      () => upsertHost(bad, entry),
      (e: unknown) => e instanceof SshConfigError && /Section$/.test(e.code),
      JSON.stringify(bad.slice(0, 40)),
    );
    assert.throws(() => removeHost(bad, entry.alias), SshConfigError);
  }
  // A marker's text later in a line is not a marker.
  const fine = `Host a # ${SECTION_BEGIN}\n`;
  assert.equal(removeHost(upsertHost(fine, entry), entry.alias), fine);
});
