// Malformed and hostile requests get proper JSON errors; the server never crashes.
// Codes marked GUESS in a test name are the emulator's choice, not confirmed Alibaba behaviour (see the evidence column in test/emulator/README.md).
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { describe, test } from 'node:test';
import type { RunningEmulator } from '../../emulator/index';
import type { Json } from './harness';
import { admin, call, pop, raw, rejects, start, useEmulator } from './harness';

function code(text: string): unknown {
  return (JSON.parse(text) as Json).Code;
}

function rawSocket(endpoint: string, payload: string): Promise<string> {
  const u = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const s = connect(Number(u.port), u.hostname, () => s.end(payload));
    let out = '';
    s.on('data', (d: Buffer) => (out += d.toString('utf8')));
    s.on('end', () => resolve(out));
    s.on('error', reject);
  });
}

describe('emulator robustness', () => {
  let emu: RunningEmulator;
  useEmulator((started) => {
    emu = started;
  });

  test('bad percent-encoding in the query or body gives InvalidParameter (400, GUESS code)', async () => {
    const q = await raw(`${emu.endpoint}/?Action=ListRegions&X=%E0%A4%A`);
    assert.deepEqual([q.status, code(q.text)], [400, 'InvalidParameter']);
    const b = await raw(`${emu.endpoint}/`, {
      method: 'POST',
      body: 'Action=%ZZ',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.deepEqual([b.status, code(b.text)], [400, 'InvalidParameter']);
  });

  test('a signed 1 MB parameter is refused with InvalidParameter, by GET and by POST (GUESS limit and code)', async () => {
    const huge = 'a'.repeat(1024 * 1024);
    const post = await rejects(
      pop(emu).request(
        'CreateCustomImage',
        { RegionId: 'cn-hangzhou', InstanceId: 'x', ImageName: huge, SystemSnapshotId: 's' },
        { method: 'POST' },
      ),
      'InvalidParameter',
      400,
    );
    assert.match(String(post.Message), /too long/);
    const get = await raw(`${emu.endpoint}/?Action=ListRegions&Big=${huge}`);
    assert.equal(get.status, 431);
    assert.equal(code(get.text), 'RequestHeaderFieldsTooLarge');
  });

  test('a body over 2 MB gives RequestEntityTooLarge (413, GUESS)', async () => {
    const r = await raw(`${emu.endpoint}/`, {
      method: 'POST',
      body: `A=${'b'.repeat(3 * 1024 * 1024)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.deepEqual([r.status, code(r.text)], [413, 'RequestEntityTooLarge']);
  });

  test('a POST without a body is answered like any unsigned request', async () => {
    const r = await raw(`${emu.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' },
    });
    assert.deepEqual([r.status, code(r.text)], [400, 'MissingAccessKeyId']);
  });

  test('an unknown content type with a body gives UnsupportedMediaType (415, GUESS)', async () => {
    const r = await raw(`${emu.endpoint}/`, {
      method: 'POST',
      body: '{"Action":"ListRegions"}',
      headers: { 'content-type': 'application/json' },
    });
    assert.deepEqual([r.status, code(r.text)], [415, 'UnsupportedMediaType']);
  });

  test('other methods and paths give JSON errors', async () => {
    const put = await raw(`${emu.endpoint}/`, { method: 'PUT' });
    assert.deepEqual([put.status, code(put.text)], [400, 'UnsupportedHTTPMethod']);
    const path = await raw(`${emu.endpoint}/v2/instances`);
    assert.deepEqual([path.status, code(path.text)], [404, 'InvalidApi.NotFound']);
  });

  test('garbage on the socket gets a 400 JSON answer (GUESS shape)', async () => {
    const out = await rawSocket(emu.endpoint, 'NOT HTTP AT ALL\r\n\r\n');
    assert.match(out, /^HTTP\/1\.1 400/);
    assert.match(out, /"Code":"BadRequest"/);
  });

  test('1,000 parallel requests are all answered and the server stays healthy', async () => {
    const c = pop(emu);
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        c.request<Json>(i % 3 ? 'ListInstances' : 'ListRegions', { RegionId: 'cn-hangzhou' }, { method: i % 2 ? 'POST' : 'GET' }).then(
          () => 'ok',
          (e: { code?: string }) => String(e.code),
        ),
      ),
    );
    assert.equal(results.filter((r) => r === 'ok').length, 1000, [...new Set(results)].join(','));
    assert.deepEqual(await admin(emu, 'GET', '/health'), { ok: true });
    assert.equal((await call(pop(emu), 'ListInstances', { RegionId: 'cn-hangzhou' })).TotalCount, 4);
  });
});

describe('emulator robustness: aborted uploads', () => {
  test('a client that disconnects mid-body leaves the server healthy', async () => {
    const emu = await start();
    try {
      const u = new URL(emu.endpoint);
      await new Promise<void>((resolve) => {
        const s = connect(Number(u.port), u.hostname, () => {
          s.write(
            'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nAction=List',
          );
          setTimeout(() => {
            s.destroy();
            resolve();
          }, 50);
        });
      });
      assert.deepEqual(await admin(emu, 'GET', '/health'), { ok: true });
      assert.equal((await call(pop(emu), 'ListRegions')).RequestId !== undefined, true);
    } finally {
      await emu.stop();
    }
  });
});
