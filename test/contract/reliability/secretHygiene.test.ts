// Part 2, short: the scanner itself (it must find what is there), every client error path with STS
// credentials, pop-core's signed-URL messages, and generated tokens in real message shapes.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runHygiene } from '../../reliability/hygiene';
import { runScrubFuzz } from '../../reliability/scrubFuzz';
import { DEFAULT_SECRETS, formatHits, scanBuffer, scanDirectory, scanText } from '../../reliability/secretScan';

const TOKEN = 'emulator-sts-token-valid';

describe('secret scanner', () => {
  it('finds a secret written plainly, percent-encoded, encoded twice and as UTF-16LE', () => {
    assert.equal(scanText(`x ${TOKEN} y`).length, 1);
    assert.equal(
      scanText(`SecurityToken=${encodeURIComponent('a+b/c=' + TOKEN)}`, 't', { secrets: ['a+b/c=' + TOKEN] })[0]?.encoding,
      'percent',
    );
    assert.equal(
      scanText(encodeURIComponent(encodeURIComponent('a+b/' + TOKEN)), 't', { secrets: ['a+b/' + TOKEN] })[0]?.encoding,
      'percent-twice',
    );
    assert.equal(scanBuffer(Buffer.from(`{"k":"${TOKEN}"}`, 'utf16le'), 'b')[0]?.encoding, 'utf16le');
  });

  it('finds unredacted Signature= values and ignores redacted ones and other Signature* names', () => {
    assert.equal(scanText('a&Signature=q8Zk%2BvJ3x9fPQ0ab1234%3D&b').length, 1);
    assert.equal(scanText('SignatureNonce=abc&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0').length, 0);
    assert.equal(scanText('Signature=[redacted] Signature=*** Signature=').length, 0);
    assert.equal(scanBuffer(Buffer.from('Signature=q8Zk%2BvJ3x9fPQ0ab1234', 'utf16le'), 'b').length, 1);
  });

  it('walks a directory tree, binary files included, and names the file of each hit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'swas-scan-'));
    try {
      await mkdir(join(dir, 'a', 'b'), { recursive: true });
      await writeFile(join(dir, 'a', 'clean.log'), 'nothing here');
      await writeFile(
        join(dir, 'a', 'b', '000003.ldb'),
        Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(DEFAULT_SECRETS[0] ?? '', 'utf16le')]),
      );
      const report = await scanDirectory(dir);
      assert.equal(report.files, 2);
      assert.deepEqual(
        report.hits.map((h) => [h.where.slice(dir.length), h.encoding]),
        [['/a/b/000003.ldb', 'utf16le']],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('secret hygiene', () => {
  it('leaks no secret, token or signature from any client error path, log line or the emulator request log', async () => {
    const r = await runHygiene();
    assert.equal(formatHits(r.hits), '');
    assert.ok(r.errorPaths.length >= 25, `${r.errorPaths.length} error paths`);
    assert.ok(
      r.errorPaths.every((p) => p.code !== 'no error' && p.code !== 'not a SwasError'),
      JSON.stringify(r.errorPaths),
    );
    // Positive controls: pop-core's raw GET messages do carry the token and the signature.
    assert.equal(r.controls.length, 3);
    for (const c of r.controls) assert.ok(c.found >= 2, `${c.name}: ${c.found}`);
  });

  it('scrubs 1,200 generated base64 tokens, secrets and signatures from pop-core, httpx and gateway message shapes', () => {
    const r = runScrubFuzz(200);
    assert.equal(r.rawWithSecrets, r.messages);
    assert.equal(formatHits(r.hits), '');
  });
});
