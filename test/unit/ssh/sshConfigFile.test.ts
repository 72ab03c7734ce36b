import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editSshConfigFile } from '../../../src/core/ssh/sshConfigFile';
import { SshConfigError, upsertHost } from '../../../src/core/ssh/sshConfig';

const entry = { alias: 'swas-web', hostName: '127.0.1.2', user: 'root', port: 22 };

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'swas-sshcfg-'));
  test.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

test('a missing config is created with mode 0600 in a 0700 folder', async () => {
  const d = tmp();
  const file = join(d, '.ssh', 'config');
  const r = await editSshConfigFile(file, (t) => upsertHost(t, entry));
  assert.equal(r.changed, true);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(statSync(join(d, '.ssh')).mode & 0o777, 0o700);
  assert.equal(readFileSync(file, 'utf8'), upsertHost('', entry));
});

test('the old file mode is kept and no temporary file is left behind', async () => {
  const d = tmp();
  const file = join(d, 'config');
  writeFileSync(file, 'Host a\r\n  User x\r\n');
  chmodSync(file, 0o644);
  await editSshConfigFile(file, (t) => upsertHost(t, entry));
  assert.equal(statSync(file).mode & 0o777, 0o644);
  assert.deepEqual(readdirSync(d), ['config']);
  assert.ok(readFileSync(file, 'utf8').endsWith('Host a\r\n  User x\r\n'));
});

test('a symlinked config is written through to its target; the link stays a link', async () => {
  const d = tmp();
  mkdirSync(join(d, 'dotfiles'));
  const target = join(d, 'dotfiles', 'ssh_config');
  writeFileSync(target, 'Host a\n');
  const link = join(d, 'config');
  symlinkSync(target, link);
  const r = await editSshConfigFile(link, (t) => upsertHost(t, entry));
  assert.equal(r.path, target);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readlinkSync(link), target);
  assert.match(readFileSync(target, 'utf8'), /Host swas-web/);
});

test('an edit that changes nothing writes nothing', async () => {
  const d = tmp();
  const file = join(d, 'config');
  writeFileSync(file, upsertHost('Host a\n', entry));
  const before = statSync(file).mtimeMs;
  const r = await editSshConfigFile(file, (t) => upsertHost(t, entry));
  assert.equal(r.changed, false);
  assert.equal(statSync(file).mtimeMs, before);
});

test('a file changed by someone else while we edit is left as they wrote it (SshConfig.Changed)', async () => {
  const d = tmp();
  const file = join(d, 'config');
  writeFileSync(file, 'Host a\n');
  await assert.rejects(
    editSshConfigFile(file, (t) => {
      writeFileSync(file, 'Host theirs\n');
      return upsertHost(t, entry);
    }),
    (e: unknown) => e instanceof SshConfigError && e.code === 'SshConfig.Changed',
  );
  assert.equal(readFileSync(file, 'utf8'), 'Host theirs\n');
  assert.deepEqual(readdirSync(d), ['config']);
});

test('an edit that throws (a broken section) leaves the file untouched', async () => {
  const d = tmp();
  const file = join(d, 'config');
  const broken = '# >>> SWAS Explorer: managed hosts\nHost x\n';
  writeFileSync(file, broken);
  await assert.rejects(
    editSshConfigFile(file, (t) => upsertHost(t, entry)),
    SshConfigError,
  );
  assert.equal(readFileSync(file, 'utf8'), broken);
});
