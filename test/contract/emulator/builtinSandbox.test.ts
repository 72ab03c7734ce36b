// The remote scenarios once more, on the built-in shell (issue 12: where no sandbox can start):
// the emulator's SSH and RunCommand tests and Run Command's core (authorise a key through
// RunCommand, log in with the real OpenSSH client, run commands, a file the admin API sees, an
// interactive login) are loaded here with SWAS_EMULATOR_SANDBOX=builtin, so every emulator they
// start runs its servers' commands in the built-in shell. Their files run as they are with
// bubblewrap (auto) in their own processes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness';

process.env.SWAS_EMULATOR_SANDBOX = 'builtin';

test('the emulator started for these scenarios runs commands in the built-in shell, and /machines says so', async () => {
  const emu = await start({ ssh: true });
  try {
    assert.equal(emu.sandbox, 'builtin');
    const res = await fetch(`${emu.admin}/machines`);
    assert.equal(((await res.json()) as { sandbox: string }).sandbox, 'builtin');
  } finally {
    await emu.stop();
  }
});

// Loaded after the environment is set (a require, not an import, so it is not hoisted), each in a
// suite of its own so that its hooks stay with its tests.
/* eslint-disable @typescript-eslint/no-require-imports */
describe('SSH into the servers (sshServers.test)', () => require('./sshServers.test'));
describe('remote access through the API (remoteAccess.test)', () => require('./remoteAccess.test'));
describe('Run Command and the authorize script (remote/runOnServers.test)', () => require('../remote/runOnServers.test'));
