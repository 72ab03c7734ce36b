// Forgetting a host key after a reset, with the real OpenSSH `ssh -G` and `ssh-keygen -R` on
// scratch files: the files the user's config names, the `[ip]:port` form off port 22, the
// HostKeyAlias, hashed entries, and a missing file (nothing to remove, no error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forgetKnownHost, knownHostsFiles, knownHostsName, sshGArgs } from '../../../src/core/ssh/knownHosts';

function scratch(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'swas-known-hosts-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A throwaway public key, as a known_hosts key part ("ssh-ed25519 AAAA…"). */
function hostKey(dir: string, name: string): string {
  const f = join(dir, name);
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', f], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return readFileSync(`${f}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
}

/** Whether ssh-keygen finds a key for `name` in the file (hashed entries included). */
function known(file: string, name: string): boolean {
  return spawnSync('ssh-keygen', ['-F', name, '-f', file], { encoding: 'utf8' }).status === 0;
}

test('port 22: the key under the plain IP is removed from the UserKnownHostsFile of the config; other hosts stay', async () => {
  const { dir, done } = scratch();
  try {
    const kh = join(dir, 'known_hosts');
    const config = join(dir, 'config');
    writeFileSync(config, `Host *\n  UserKnownHostsFile ${kh}\n`);
    writeFileSync(kh, `127.1.0.9 ${hostKey(dir, 'a')}\n127.1.0.8 ${hostKey(dir, 'b')}\n`);
    spawnSync('ssh-keygen', ['-H', '-f', kh]); // hashed, as Debian's HashKnownHosts writes them
    const r = await forgetKnownHost({ ip: '127.1.0.9', configFile: config });
    assert.deepEqual(r, { name: '127.1.0.9', files: [kh], removedFrom: [kh] });
    assert.equal(known(kh, '127.1.0.9'), false);
    assert.equal(known(kh, '127.1.0.8'), true);
  } finally {
    done();
  }
});

test('our alias on port 2222: the key filed as [ip]:port is removed, the port-22 one of the same IP stays', async () => {
  const { dir, done } = scratch();
  try {
    const kh = join(dir, 'kh one');
    const config = join(dir, 'config');
    writeFileSync(config, `Host swas-web\n  HostName 127.1.0.9\n  Port 2222\nHost *\n  UserKnownHostsFile "${kh}"\n`);
    writeFileSync(kh, `[127.1.0.9]:2222 ${hostKey(dir, 'a')}\n127.1.0.9 ${hostKey(dir, 'b')}\n`);
    const r = await forgetKnownHost({ ip: '127.1.0.9', port: 2222, alias: 'swas-web', configFile: config });
    assert.deepEqual(r, { name: '[127.1.0.9]:2222', files: [kh], removedFrom: [kh] });
    assert.equal(known(kh, '[127.1.0.9]:2222'), false);
    assert.equal(known(kh, '127.1.0.9'), true);
  } finally {
    done();
  }
});

test('a HostKeyAlias is the name the key is filed under', async () => {
  const { dir, done } = scratch();
  try {
    const kh = join(dir, 'known_hosts');
    const config = join(dir, 'config');
    writeFileSync(config, `Host swas-db\n  HostName 127.1.0.7\n  HostKeyAlias db-key\n  UserKnownHostsFile ${kh}\n`);
    writeFileSync(kh, `db-key ${hostKey(dir, 'a')}\n`);
    const r = await forgetKnownHost({ ip: '127.1.0.7', alias: 'swas-db', configFile: config });
    assert.deepEqual(r.removedFrom, [kh]);
    assert.equal(r.name, 'db-key');
  } finally {
    done();
  }
});

test('no known_hosts file, or no key for the server in it: nothing removed, no error, nothing written', async () => {
  const { dir, done } = scratch();
  try {
    const kh = join(dir, 'known_hosts');
    const config = join(dir, 'config');
    writeFileSync(config, `Host *\n  UserKnownHostsFile ${kh} ${join(dir, 'absent')}\n`);
    assert.deepEqual(await forgetKnownHost({ ip: '127.1.0.9', configFile: config }), { name: '127.1.0.9', files: [], removedFrom: [] });
    const other = `127.1.0.8 ${hostKey(dir, 'b')}\n`;
    writeFileSync(kh, other);
    assert.deepEqual(await forgetKnownHost({ ip: '127.1.0.9', configFile: config }), { name: '127.1.0.9', files: [kh], removedFrom: [] });
    assert.equal(readFileSync(kh, 'utf8'), other);
  } finally {
    done();
  }
});

test('only an IP address and an alias of plain characters reach ssh', async () => {
  const never = (): Promise<never> => Promise.reject(new Error('ssh must not run'));
  await assert.rejects(forgetKnownHost({ ip: '-oProxyCommand=x' }, never), /not an IP address/);
  await assert.rejects(forgetKnownHost({ ip: '127.0.0.1', alias: '-F /etc/passwd' }, never), /not a host alias/);
  assert.deepEqual(sshGArgs({ ip: '127.0.0.1', port: 2022 }), ['-G', '-p', '2022', '127.0.0.1']);
  assert.deepEqual(sshGArgs({ ip: '127.0.0.1', alias: 'swas-a', configFile: '/c' }), ['-G', '-F', '/c', 'swas-a']);
});

test('names and the unquoted file list of ssh -G', () => {
  assert.equal(knownHostsName('127.0.0.2', 22), '127.0.0.2');
  assert.equal(knownHostsName('127.0.0.2', 2222), '[127.0.0.2]:2222');
  assert.equal(knownHostsName('127.0.0.2', 2222, 'none'), '[127.0.0.2]:2222');
  const present = new Set(['/h/my known', '/h/kh']);
  assert.deepEqual(
    knownHostsFiles('/h/my known /h/kh /h/kh2', (p) => present.has(p)),
    ['/h/my known', '/h/kh', '/h/kh2'],
  );
  assert.deepEqual(
    knownHostsFiles('none', () => false),
    [],
  );
});
