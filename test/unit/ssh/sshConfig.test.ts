import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  SECTION_BEGIN,
  SECTION_END,
  SshConfigError,
  hostAlias,
  managedHosts,
  removeHost,
  upsertHost,
} from '../../../src/core/ssh/sshConfig';
import type { SshHostEntry } from '../../../src/core/ssh/sshConfig';

// Lines a real ~/.ssh/config holds, odd ones included.
const userLine = fc.oneof(
  fc.constantFrom(
    'Host github.com',
    '  HostName 10.0.0.5',
    'Host *',
    '  User ubuntu',
    '\tIdentityFile ~/.ssh/id_rsa',
    'Include ~/.ssh/config.d/*',
    'Include "C:\\Users\\Me Too\\.ssh\\extra"',
    'Match host *.internal exec "test -f /tmp/x"',
    'Match all',
    '# a comment',
    '#   >>> not our marker',
    '# 中文注释 ✓',
    '',
    '   ',
    'Port=2222',
    '  ProxyJump bastion   ',
    'HostName\t192.0.2.1',
  ),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '').replace(/^\s*#\s*(>>>|<<<)/, '#')),
);

const userConfig = fc
  .record({
    lines: fc.array(userLine, { maxLength: 25 }),
    eol: fc.constantFrom('\n', '\r\n'),
    finalEol: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ lines, eol, finalEol, bom }) => (bom ? '\uFEFF' : '') + lines.join(eol) + (finalEol && lines.length ? eol : ''));

const entry: fc.Arbitrary<SshHostEntry> = fc
  .record({
    alias: fc.stringMatching(/^swas-[a-z0-9-]{1,12}$/),
    hostName: fc.constantFrom('127.0.1.1', '127.0.1.22', 'srv.example.test'),
    user: fc.constantFrom('root', 'ecs-user', 'admin_1'),
    port: fc.integer({ min: 1, max: 65535 }),
    identityFile: fc.option(fc.constantFrom('/root/.ssh/swas_ed25519', '/home/a b/.ssh/k', 'C:\\Users\\Me\\.ssh\\swas'), {
      nil: undefined,
    }),
  })
  .map((e) => (e.identityFile === undefined ? { alias: e.alias, hostName: e.hostName, user: e.user, port: e.port } : e));

test('adding then removing a host gives back the user file byte for byte (LF, CRLF, BOM, no final newline)', () => {
  fc.assert(
    fc.property(userConfig, entry, (cfg, e) => {
      const added = upsertHost(cfg, e);
      assert.notEqual(added, cfg);
      assert.equal(removeHost(added, e.alias), cfg);
    }),
    { numRuns: 400 },
  );
});

test('everything outside the managed section is unchanged by any number of updates', () => {
  fc.assert(
    fc.property(userConfig, userConfig, fc.array(entry, { minLength: 1, maxLength: 5 }), (a, b, entries) => {
      // A section the user moved into the middle of the file stays there.
      const eol = a.includes('\r\n') ? '\r\n' : '\n';
      const head = a.replace(/^\uFEFF/, '') + (a === '' || a.endsWith('\n') ? '' : eol);
      const start = upsertHost('', entries[0] as SshHostEntry);
      const file = head + start + b.replace(/^\uFEFF/, '');
      let cur = file;
      for (const e of entries) cur = upsertHost(cur, e);
      assert.ok(cur.startsWith(head), 'text before the section is kept');
      assert.ok(cur.endsWith(b.replace(/^\uFEFF/, '')), 'text after the section is kept');
      const i = cur.indexOf(SECTION_BEGIN);
      assert.equal(cur.slice(0, i), head);
    }),
    { numRuns: 300 },
  );
});

test('upsert is idempotent and replaces a host instead of adding it twice', () => {
  fc.assert(
    fc.property(userConfig, entry, fc.integer({ min: 1, max: 65535 }), (cfg, e, port) => {
      const once = upsertHost(cfg, e);
      assert.equal(upsertHost(once, e), once);
      const moved = upsertHost(once, { ...e, port });
      const hosts = managedHosts(moved).filter((h) => h.alias === e.alias);
      assert.equal(hosts.length, 1);
      assert.equal(hosts[0]?.port, port);
    }),
    { numRuns: 300 },
  );
});

test('two hosts: removing one keeps the other; removing both restores the file', () => {
  fc.assert(
    fc.property(userConfig, entry, entry, (cfg, a, b0) => {
      const b = { ...b0, alias: a.alias + '-b' };
      const both = upsertHost(upsertHost(cfg, a), b);
      const onlyB = removeHost(both, a.alias);
      assert.deepEqual(
        managedHosts(onlyB).map((h) => h.alias),
        [b.alias],
      );
      assert.equal(removeHost(onlyB, b.alias), cfg);
    }),
    { numRuns: 200 },
  );
});

test('a CRLF file gets CRLF lines in the section, an LF file LF lines', () => {
  const crlf = upsertHost('Host a\r\n  User x\r\n', { alias: 'swas-web', hostName: '127.0.1.2', user: 'root', port: 22 });
  assert.ok(!/[^\r]\n/.test(crlf), 'no bare LF');
  const lf = upsertHost('Host a\n  User x\n', { alias: 'swas-web', hostName: '127.0.1.2', user: 'root', port: 22 });
  assert.ok(!lf.includes('\r'));
});

test('the section goes first and ends with Host *, so the user lines after it still apply to every host', () => {
  const out = upsertHost('Include ~/.ssh/extra\nHost *\n  User ubuntu\n', {
    alias: 'swas-web',
    hostName: '127.0.1.2',
    user: 'root',
    port: 2222,
    identityFile: '/k',
  });
  assert.equal(
    out,
    [
      SECTION_BEGIN,
      'Host swas-web',
      '  HostName 127.0.1.2',
      '  User root',
      '  Port 2222',
      '  IdentityFile /k',
      '  IdentitiesOnly yes',
      'Host *',
      SECTION_END,
      'Include ~/.ssh/extra',
      'Host *',
      '  User ubuntu',
      '',
    ].join('\n'),
  );
});

test('Windows key paths are written with forward slashes and quoted when they hold a space', () => {
  const out = upsertHost('', {
    alias: 'swas-w',
    hostName: '127.0.1.3',
    user: 'root',
    port: 22,
    identityFile: 'C:\\Users\\Me Too\\.ssh\\swas',
  });
  assert.match(out, /^ {2}IdentityFile "C:\/Users\/Me Too\/\.ssh\/swas"$/m);
  assert.equal(managedHosts(out)[0]?.identityFile, 'C:/Users/Me Too/.ssh/swas');
});

test('a broken or doubled section is refused with a clear error, never rewritten', () => {
  const e: SshHostEntry = { alias: 'swas-a', hostName: '127.0.1.1', user: 'root', port: 22 };
  for (const bad of [
    `${SECTION_BEGIN}\nHost x\n`,
    `Host y\n${SECTION_END}\n`,
    `${SECTION_END}\n${SECTION_BEGIN}\n`,
    `${SECTION_BEGIN}\n${SECTION_END}\n${SECTION_BEGIN}\n${SECTION_END}\n`,
  ]) {
    assert.throws(
      () => upsertHost(bad, e),
      (err: unknown) => err instanceof SshConfigError && /Section$/.test(err.code),
    );
    assert.throws(() => removeHost(bad, 'swas-a'), SshConfigError);
  }
});

test('values that would break the file or change its meaning are refused', () => {
  const ok: SshHostEntry = { alias: 'swas-a', hostName: '127.0.1.1', user: 'root', port: 22 };
  const bad: Array<[Partial<SshHostEntry>, string]> = [
    [{ alias: 'swas a' }, 'SshConfig.InvalidAlias'],
    [{ alias: '*' }, 'SshConfig.InvalidAlias'],
    [{ alias: 'swas-a\nHost evil' }, 'SshConfig.InvalidAlias'],
    [{ hostName: '127.0.0.1\n  ProxyCommand sh' }, 'SshConfig.InvalidHostName'],
    [{ user: 'root x' }, 'SshConfig.InvalidUser'],
    [{ user: '-oProxyCommand=x' }, 'SshConfig.InvalidUser'],
    [{ port: 0 }, 'SshConfig.InvalidPort'],
    [{ port: 70000 }, 'SshConfig.InvalidPort'],
    [{ port: 22.5 }, 'SshConfig.InvalidPort'],
    [{ identityFile: '/k\n  ProxyCommand x' }, 'SshConfig.InvalidIdentityFile'],
    [{ identityFile: '/k"x' }, 'SshConfig.InvalidIdentityFile'],
  ];
  for (const [patch, code] of bad) {
    assert.throws(
      () => upsertHost('Host a\n', { ...ok, ...patch }),
      (err: unknown) => err instanceof SshConfigError && err.code === code,
      JSON.stringify(patch),
    );
  }
});

test('host aliases come from the server name, or its id when the name has nothing usable', () => {
  assert.equal(hostAlias('web server 1', 'i-abc'), 'swas-web-server-1');
  assert.equal(hostAlias('网站', 'i-abc123'), 'swas-i-abc123');
  fc.assert(
    fc.property(fc.string(), fc.stringMatching(/^[a-z0-9]{1,20}$/), (name, id) =>
      assert.match(hostAlias(name, `i-${id}`), /^swas-[A-Za-z0-9._-]+$/),
    ),
  );
});
