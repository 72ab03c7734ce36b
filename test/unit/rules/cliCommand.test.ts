import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { buildCliCommand, powerShellQuote, shellQuote } from '../../../src/core/cliCommand';

test('builds the aliyun swas-open CreateCustomImage line with tags numbered from 1', () => {
  const line = buildCliCommand({
    regionId: 'cn-hangzhou',
    instanceId: 'i-abc',
    imageName: 'web-1',
    systemSnapshotId: 's-1',
    dataSnapshotId: 's-2',
    tags: [
      { key: 'env', value: 'prod' },
      { key: 'team', value: '' },
    ],
  });
  assert.equal(
    line,
    "aliyun swas-open CreateCustomImage --RegionId cn-hangzhou --InstanceId i-abc --ImageName web-1 --SystemSnapshotId s-1 --DataSnapshotId s-2 --Tag.1.Key env --Tag.1.Value prod --Tag.2.Key team --Tag.2.Value ''",
  );
});

test('leaves out empty optional parameters and never contains credentials', () => {
  const line = buildCliCommand({
    regionId: 'r',
    instanceId: 'i',
    imageName: 'n1',
    systemSnapshotId: 's',
    description: '',
    resourceGroupId: '',
  });
  assert.doesNotMatch(line, /Description|ResourceGroupId|AccessKey|ClientToken|SecurityToken/);
});

test('quotes a description with spaces and single quotes for the shell', () => {
  assert.equal(shellQuote("it's mine"), `'it'\\''s mine'`);
  assert.equal(shellQuote('$(rm -rf /)'), `'$(rm -rf /)'`);
});

// Words that shells like to change: zsh's `=cmd` and `~` expansion, globs, history, braces, job specs.
const tricky = fc.constantFrom(
  '=ls',
  '=',
  'a=b',
  '~',
  '~root',
  '*',
  '?',
  '[a]',
  '{a,b}',
  '!!',
  '%1',
  '^x',
  '#c',
  '@x',
  '+x',
  ',',
  'a b',
  "it's",
  '$HOME',
  '`id`',
  '\\',
  '-',
  '--%',
  '',
  '‘q’',
);
const word = fc.oneof(fc.string({ maxLength: 20 }), tricky, fc.string({ unit: 'grapheme', maxLength: 8 })).filter((s) => !s.includes('\0'));

function readBack(shell: string, quoted: string[]): string[] {
  const out = execFileSync(shell, ['-c', `printf '%s\\0' ${quoted.join(' ')}`]).toString();
  return out.split('\0').slice(0, -1);
}

for (const shell of ['/bin/sh', '/usr/bin/bash', '/usr/bin/zsh']) {
  test(`property: ${shell} reads back every quoted word unchanged`, () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (ws) => {
        assert.deepEqual(readBack(shell, ws.map(shellQuote)), ws);
      }),
      { numRuns: 60 },
    );
  });
}

test('a value starting with = is quoted (zsh would expand it to a command path)', () => {
  assert.equal(shellQuote('=ls'), "'=ls'");
  assert.equal(readBack('/usr/bin/zsh', [shellQuote('=ls')])[0], '=ls');
  assert.match(
    buildCliCommand({ regionId: 'cn-hangzhou', instanceId: 'i', imageName: 'n1', systemSnapshotId: 's', description: '=ls' }),
    /--Description '=ls'/,
  );
});

test('PowerShell: single-quoted, quotes (also typographic ones) doubled, no bare - or @ or ,', () => {
  assert.equal(powerShellQuote('web-1'), 'web-1');
  assert.equal(powerShellQuote("it's"), "'it''s'");
  assert.equal(powerShellQuote('‘x’'), "'‘‘x’’'");
  assert.equal(powerShellQuote('$env:PATH'), "'$env:PATH'");
  assert.equal(powerShellQuote('--%'), "'--%'");
  assert.equal(powerShellQuote('@a'), "'@a'");
  assert.equal(powerShellQuote('a,b'), "'a,b'");
  assert.equal(powerShellQuote(''), "''");
  const line = buildCliCommand(
    { regionId: 'cn-hangzhou', instanceId: 'i', imageName: 'n1', systemSnapshotId: 's', description: "a 'b' $c" },
    'powershell',
  );
  assert.match(line, /--Description 'a ''b'' \$c'$/);
});

test('property: a PowerShell-quoted word is bare-safe or one single-quoted string with every quote doubled', () => {
  fc.assert(
    fc.property(word, (w) => {
      const q = powerShellQuote(w);
      if (q === w) return /^[A-Za-z0-9_./:][A-Za-z0-9_./:-]*$/.test(w);
      if (!q.startsWith("'") || !q.endsWith("'")) return false;
      // Undo the doubling: what is left between the outer quotes must be the word itself.
      const inner = q.slice(1, -1);
      return (
        /^(?:[^'\u2018\u2019\u201A\u201B]|(['\u2018\u2019\u201A\u201B])\1)*$/.test(inner) &&
        inner.replace(/(['\u2018\u2019\u201A\u201B])\1/g, '$1') === w
      );
    }),
    { numRuns: 500 },
  );
});
