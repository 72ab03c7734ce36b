// A hostile SSH server, met by the real OpenSSH client through the ssh config our code writes:
// lines before the identification (escape sequences, invalid UTF-8, a fake "password:" prompt, far
// too many), an identification that is very long or holds control bytes, and a pre-login banner
// with all of these. Our code reads nothing the server sends (the connect command hands the alias
// to Remote-SSH; `ssh-keygen -R` after a reset gets only the API's IP); what is checked here is
// that every such login ends (logged in, or a clear error), no raw escape reaches the terminal,
// our ssh config keeps every byte, and known_hosts gets nothing but well-formed host-key lines,
// which `ssh-keygen -R` removes cleanly.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upsertHost } from '../../../src/core/ssh/sshConfig';
import { editSshConfigFile } from '../../../src/core/ssh/sshConfigFile';
import type { SwasApi } from '../../../src/core/swasApi';
import { makeKey } from '../../fixtures/openssh';
import type { TestKey } from '../../fixtures/openssh';
import { startHarness } from '../client/harness';
import type { Harness } from '../client/harness';

let h: Harness;
let api: SwasApi;
let key: TestKey;
let dir: string;
let config: string;
let known: string;
let web: { instanceId: string; ip: string; port: number };
const ALIAS = 'swas-web-prod-1';

before(async () => {
  h = await startHarness({ ssh: true });
  api = h.client();
  key = makeKey();
  dir = mkdtempSync(join(tmpdir(), 'swas-banner-'));
  config = join(dir, 'config');
  known = join(dir, 'known_hosts');
  const i = (await api.listInstances('cn-hangzhou', {}, { fresh: true })).items.find((x) => x.instanceName === 'web-prod-1');
  assert.ok(i);
  const m = (
    (await h.admin('GET', '/machines')) as { machines: Array<{ instanceId: string; publicIp: string; sshPort: number }> }
  ).machines.find((x) => x.instanceId === i.instanceId);
  assert.ok(m && /^127\./.test(m.publicIp));
  web = { instanceId: i.instanceId, ip: m.publicIp, port: m.sshPort };
  await h.admin('PUT', `/machines/${web.instanceId}/file`, { path: '/root/.ssh/authorized_keys', content: `${key.publicKey}\n` });
  writeFileSync(config, 'Host *\n  ServerAliveInterval 30\n');
  await editSshConfigFile(config, (t) =>
    upsertHost(t, { alias: ALIAS, hostName: web.ip, user: 'root', port: web.port, identityFile: key.privateKey }),
  );
});
after(async () => {
  key.dispose();
  rmSync(dir, { recursive: true, force: true });
  await h.stop();
});
afterEach(() => h.admin('POST', `/machines/${web.instanceId}/ssh-banner`, {}));

function login(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = [
    '-F',
    config,
    '-o',
    'BatchMode=yes',
    '-o',
    'StrictHostKeyChecking=accept-new',
    '-o',
    `UserKnownHostsFile=${known}`,
    '-o',
    'ConnectTimeout=10',
    '-o',
    'LogLevel=INFO',
    ALIAS,
    'echo ok',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('ssh', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: dir } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('latin1'), stderr: Buffer.concat(err).toString('latin1') }),
    );
  });
}

const ESC = '\u001b[2J\u001b]0;pwned\u0007\u001b[31m';
const FAKE_PROMPT = "root@web-prod-1's password: ";
const b64 = (b: Buffer | string): string => Buffer.from(b).toString('base64');

const CASES: Array<{ name: string; body: Record<string, string>; mayFail: boolean }> = [
  { name: 'normal', body: {}, mayFail: false },
  {
    name: 'lines before the ident: escapes, invalid UTF-8, a fake prompt',
    body: {
      preIdentBase64: b64(
        Buffer.concat([Buffer.from(`${ESC}hello\r\n${FAKE_PROMPT}\r\n`), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0d, 0x0a])]),
      ),
    },
    mayFail: true,
  },
  { name: 'a thousand lines before the ident', body: { preIdentBase64: b64(`${'x'.repeat(200)}\r\n`.repeat(1000)) }, mayFail: true },
  { name: 'one very long line before the ident', body: { preIdentBase64: b64(`${'y'.repeat(70_000)}\r\n`) }, mayFail: true },
  { name: 'a very long ident', body: { identBase64: b64(`OpenSSH_9.2 ${'z'.repeat(400)}`) }, mayFail: true },
  {
    name: 'an ident with control bytes and invalid UTF-8',
    body: { identBase64: b64(Buffer.concat([Buffer.from(`OpenSSH_9.2 ${ESC}`), Buffer.from([0xff, 0x00, 0x80])])) },
    mayFail: true,
  },
  {
    name: 'a banner with escapes, a fake prompt, bidi override and 60 KB of text',
    body: { banner: `${ESC}Welcome\r\n${FAKE_PROMPT}\n\u202eevil\n${'w'.repeat(60_000)}` },
    mayFail: false,
  },
  { name: 'a banner with a NUL byte', body: { banner: 'Welcome\u0000hidden' }, mayFail: true },
];

for (const c of CASES) {
  test(`hostile server (${c.name}): the login ends clearly; ssh config and known_hosts stay clean`, async (t) => {
    await h.admin('POST', `/machines/${web.instanceId}/ssh-banner`, c.body);
    const configBefore = readFileSync(config);
    const r = await login();
    t.diagnostic(`ssh exit ${String(r.code)}: ${JSON.stringify(r.stderr.slice(0, 160))}`);
    if (r.code === 0) assert.equal(r.stdout, 'ok\n');
    else {
      assert.ok(c.mayFail, `${c.name}: ${r.stderr.slice(0, 300)}`);
      assert.equal(r.code, 255);
      assert.match(r.stderr.slice(0, 2000), /[a-z]{3,}/i, 'a message, not silence');
    }
    assert.ok(!r.stderr.includes('\u001b') && !r.stdout.includes('\u001b'), 'no raw escape reaches the terminal');
    assert.deepEqual(readFileSync(config), configBefore, 'the ssh config keeps every byte');
    const lines = existsSync(known)
      ? readFileSync(known, 'latin1')
          .split('\n')
          .filter((l) => l !== '')
      : [];
    for (const l of lines)
      assert.match(
        l,
        /^(\[127\.\d+\.\d+\.\d+\]:\d+|127\.\d+\.\d+\.\d+|\|1\|\S+) (ssh-ed25519|ecdsa-sha2-nistp\d+|ssh-rsa) [A-Za-z0-9+/]+=*$/,
        `known_hosts line: ${JSON.stringify(l.slice(0, 120))}`,
      );
    assert.ok(lines.length <= 1, 'at most the one host key');
  });
}

test('after the hostile logins, ssh-keygen -R removes the host key and leaves a clean known_hosts', () => {
  assert.ok(existsSync(known), 'a normal login recorded the host key');
  const host = web.port === 22 ? web.ip : `[${web.ip}]:${web.port}`;
  const r = spawnSync('ssh-keygen', ['-R', host, '-f', known], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(known, 'utf8').trim(), '');
});
