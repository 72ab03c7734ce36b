// After a reset the old host key must go from known_hosts under every name OpenSSH filed it: a
// server reached on port 2222 has its key under `[ip]:2222`, which `ssh-keygen -R ip` alone keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { knownHostsNames } from '../../../src/core/ssh/knownHosts';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleExampleExampleExampleExampleExample0';

test('names: the bare IP for port 22, also [ip]:port for another; nothing for a non-IP', () => {
  assert.deepEqual(knownHostsNames('127.1.0.4'), ['127.1.0.4']);
  assert.deepEqual(knownHostsNames('127.1.0.4', 22), ['127.1.0.4']);
  assert.deepEqual(knownHostsNames('127.1.0.4', 2222), ['127.1.0.4', '[127.1.0.4]:2222']);
  for (const bad of ['', 'host.example.com', '-f', '127.0.0.1 -f /etc/passwd', '127.0.0.1\n']) assert.deepEqual(knownHostsNames(bad, 2222), [], JSON.stringify(bad));
});

test('real ssh-keygen -R with those names removes the key filed under [ip]:port (the bare IP alone does not)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'swas-kh-'));
  try {
    const file = join(dir, 'known_hosts');
    const other = `192.0.2.1 ${KEY}\n`;
    const remove = (names: string[]): string => {
      writeFileSync(file, `${other}[127.1.0.4]:2222 ${KEY}\n`);
      for (const n of names) assert.equal(spawnSync('ssh-keygen', ['-R', n, '-f', file], { encoding: 'utf8' }).status, 0);
      return readFileSync(file, 'utf8');
    };
    assert.match(remove(['127.1.0.4']), /\[127\.1\.0\.4\]:2222/, 'the bare IP leaves the key of port 2222');
    assert.equal(remove(knownHostsNames('127.1.0.4', 2222)), other);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
