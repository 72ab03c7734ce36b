// Command text with odd bytes through Run Command's core to the emulator's Cloud Assistant and back:
// NUL, CR/LF mixes, lone surrogates, escape sequences, `{{name}}` braces, shell metacharacters, the
// documented 16 KB (Base64) limit, and output with odd bytes or far too much of it. Every run ends
// in a result or a clear error; the output decodes and, neutralised, holds no control character.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMAND_CONTENT_LIMIT, neutralise } from '../../../src/core/remote/commandText';
import { CLIENT_CODES } from '../../../src/core/errors';
import { runOnServers } from '../../../src/core/remote/runOnServers';
import type { RunDeps, RunOutcome, RunTarget } from '../../../src/core/remote/runOnServers';
import type { SwasApi } from '../../../src/core/swasApi';
import { startHarness } from '../client/harness';
import type { Harness } from '../client/harness';

let h: Harness;
let api: SwasApi;
let web: RunTarget;

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function deps(): RunDeps {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      await h.admin('GET', '/invocations/finished');
    },
  };
}

async function run(script: string): Promise<RunOutcome> {
  const [o] = await runOnServers(api.remote, [web], script, { timeoutSeconds: 60, workingUser: 'root' }, deps());
  assert.ok(o);
  // Whatever came back: a result or a clear error, and text the report can show.
  assert.ok(o.result !== undefined || (o.error !== undefined && o.error.code.length > 0 && o.error.message.length > 0), JSON.stringify(o));
  assert.ok(!UNSAFE.test(neutralise(`${o.result?.output ?? ''}${o.result?.errorInfo ?? ''}${o.error?.message ?? ''}`)));
  return o;
}

before(async () => {
  h = await startHarness({ ssh: true });
  api = h.client();
});
after(() => h.stop());
beforeEach(async () => {
  await h.admin('POST', '/reset');
  const i = (await api.listInstances('cn-hangzhou', {}, { fresh: true })).items.find((x) => x.instanceName === 'web-prod-1');
  assert.ok(i);
  web = { regionId: i.regionId, instanceId: i.instanceId, instanceName: i.instanceName, osType: i.osType };
});

test('output with escape sequences, NUL and invalid UTF-8 decodes, and is shown as inert tokens', async () => {
  const o = await run("printf '\\033[31mred\\033[0m\\000|\\377\\376|\\342\\200\\256rtl\\r\\nend\\n'");
  assert.equal(o.result?.status, 'Success');
  assert.equal(o.result?.output, '\u001b[31mred\u001b[0m\u0000|\ufffd\ufffd|\u202ertl\r\nend\n');
  assert.equal(neutralise(o.result?.output ?? ''), '␛[31mred␛[0m␀|\ufffd\ufffd|<U+202E>rtl\nend\n');
});

test('script text with CR/LF mixes, braces and metacharacters runs as sent; a lone surrogate is refused clearly', async () => {
  let o = await run('echo one\r\necho two\necho three\r');
  assert.equal(o.result?.output, 'one\r\ntwo\nthree\r\n', 'the CR stays part of the line: the API gets the text as typed');
  o = await run('echo {{name}} "$((6*7))" \'; rm -rf / ;\' `echo x` $(echo y) && echo "a|b>c<d&e"');
  assert.equal(o.result?.output, '{{name}} 42 ; rm -rf / ; x y\na|b>c<d&e\n', 'no parameters are sent, so {{name}} stays literal');
  await h.clearRequests();
  o = await run('echo "\ud800"');
  assert.equal(o.error?.code, CLIENT_CODES.invalidText, 'a lone surrogate has no UTF-8 form: a clear error, not "URI malformed"');
  assert.match(o.error?.message ?? '', /CommandContent/);
  assert.equal((await h.requests('RunCommand')).length, 0);
});

test("a NUL byte in the script gets the API's answer (an Error run with a reason), not a hang or a crash", async () => {
  const o = await run('echo a\u0000b');
  assert.equal(o.result?.status, 'Error');
  assert.match(o.result?.errorInfo ?? '', /could not be started/);
});

test('the documented 16 KB (Base64) limit: at the limit it runs; one byte more is refused before any call', async () => {
  const filler = `:${' '.repeat(12_288 - 10)}\necho ok\n`;
  assert.equal(Buffer.byteLength(filler), 12_288);
  let o = await run(filler);
  assert.equal(o.result?.output, 'ok\n');
  await h.clearRequests();
  o = await run(`${filler} `);
  assert.equal(o.error?.code, CLIENT_CODES.commandTooLong);
  assert.match(o.error?.message ?? '', new RegExp(`16388 bytes .* at most ${COMMAND_CONTENT_LIMIT}`));
  assert.equal((await h.requests('RunCommand')).length, 0, 'nothing was sent');
});

test('huge binary output decodes (as much as the API keeps) and neutralises', async () => {
  const o = await run('head -c 1000000 /dev/urandom; echo');
  assert.equal(o.result?.status, 'Success');
  assert.ok((o.result?.output.length ?? 0) > 10_000);
  assert.ok(!UNSAFE.test(neutralise(o.result?.output ?? '')));
});
