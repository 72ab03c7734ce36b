// The managed section, read by the real OpenSSH client (`ssh -G` prints the configuration it would
// use for a host, without connecting): our host gets our values even under a user's `Host *`, and
// every other host resolves exactly as it did before the section was added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { upsertHost } from '../../../src/core/ssh/sshConfig';

const dir = mkdtempSync(join(tmpdir(), 'swas-sshg-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function resolved(config: string, host: string): string {
  const file = join(dir, 'config');
  writeFileSync(file, config);
  const r = spawnSync('ssh', ['-G', '-F', file, host], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
  // Keep the exit code and the answer, minus lines that name the config file or host itself.
  return `${r.status}\n${r.stdout}${r.stderr.replace(/^Pseudo-terminal.*\n/gm, '')}`;
}

const validLine = fc.constantFrom(
  'Host github.com',
  '  HostName 10.0.0.5',
  'Host *',
  '  User ubuntu',
  '  Port 2200',
  '\tIdentityFile ~/.ssh/id_rsa',
  'Include config.d/*',
  'Match host other.test',
  '  User matched',
  'Match all',
  '# a comment',
  '',
  'Port=2222',
  '  ServerAliveInterval 30',
);

test('ssh -G: our host gets our values even when the user file starts with Host * and a User', () => {
  const out = resolved(
    upsertHost('Host *\n  User ubuntu\n  Port 2200\n', {
      alias: 'swas-web',
      hostName: '127.0.1.2',
      user: 'root',
      port: 22,
      identityFile: join(dir, 'my key'),
    }),
    'swas-web',
  );
  assert.match(out, /^user root$/m);
  assert.match(out, /^hostname 127\.0\.1\.2$/m);
  assert.match(out, /^port 22$/m);
  assert.match(out, /^identitiesonly yes$/m);
  assert.ok(out.includes(`identityfile ${join(dir, 'my key')}`));
});

test('ssh -G: every other host resolves exactly as before the section was added', () => {
  fc.assert(
    fc.property(
      fc.array(validLine, { maxLength: 14 }),
      fc.constantFrom('\n', '\r\n'),
      fc.constantFrom('other.test', 'github.com', 'plain'),
      (ls, eol, host) => {
        const cfg = ls.join(eol) + (ls.length ? eol : '');
        const before = resolved(cfg, host);
        const after = resolved(upsertHost(cfg, { alias: 'swas-web', hostName: '127.0.1.2', user: 'root', port: 22 }), host);
        assert.equal(after, before);
      },
    ),
    { numRuns: 60 },
  );
});
