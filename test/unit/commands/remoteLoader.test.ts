// The thin handlers registered at activation for the lazy remote bundle: their ids are exactly the
// ones registerRemoteCommands registers (read from its source, which the unit build cannot load:
// it imports vscode), and every one is a command the manifest contributes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { REMOTE_BUNDLE, REMOTE_COMMAND_IDS } from '../../../src/commands/remoteLoader';

const root = resolve(__dirname, '../../../..');

test('REMOTE_COMMAND_IDS lists exactly the commands registerRemoteCommands registers', () => {
  const source = readFileSync(resolve(root, 'src/commands/remote/registerRemote.ts'), 'utf8');
  const registered = [...source.matchAll(/register\('([^']+)'/g)].map((m) => m[1]);
  assert.ok(registered.length >= 10, `found ${registered.length} registrations`);
  assert.deepEqual([...REMOTE_COMMAND_IDS].sort(), [...registered].sort());
});

test('every lazily registered command is contributed by the manifest', () => {
  const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
  assert.deepEqual(
    REMOTE_COMMAND_IDS.filter((id) => !contributed.has(id)),
    [],
  );
});

test('the lazy bundle is the file esbuild.mjs writes beside dist/extension.js', () => {
  assert.equal(REMOTE_BUNDLE, 'remote.js');
  assert.match(readFileSync(resolve(root, 'esbuild.lazy.mjs'), 'utf8'), /outfile: 'dist\/remote\.js'/);
});
