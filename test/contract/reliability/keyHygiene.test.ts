// Private-key material: the scanner's needles for a key file (it must find a key that leaked
// whole, wrapped, as one line or as a BEGIN block, and not flag the format's fixed header), then
// the flows that make and authorise keys through the core, with 0 hits outside the key file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runKeyHygiene } from '../../reliability/keyHygiene';
import { formatHits, privateKeyNeedles, scanBuffer, scanText } from '../../reliability/secretScan';

function twoKeys(): { a: string; b: string } {
  const dir = mkdtempSync(join(tmpdir(), 'swas-keyneedles-'));
  try {
    for (const n of ['a', 'b'])
      assert.equal(spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', n, '-f', join(dir, n)]).status, 0);
    return { a: readFileSync(join(dir, 'a'), 'utf8'), b: readFileSync(join(dir, 'b'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('private-key needles', () => {
  const { a, b } = twoKeys();
  const needles = privateKeyNeedles(a, b);
  const opts = { secrets: needles, signatures: false };
  const lines = a.split('\n').filter((l) => l && !l.startsWith('-----'));

  it("the fixed header line every ed25519 key shares is not a needle; the key's own lines are", () => {
    assert.equal(lines[0], b.split('\n')[1], 'both keys start with the same body line');
    assert.ok(!needles.includes(lines[0] ?? ''));
    assert.ok(
      lines
        .slice(1)
        .filter((l) => l.length >= 16)
        .every((l) => needles.includes(l)),
    );
    assert.equal(scanText(b, 'other key', { ...opts }).length, 0, 'another key is not this key');
  });

  it('finds the key leaked whole, one base64 line of it, the body as one line, JSON-escaped, as UTF-16LE', () => {
    assert.ok(scanText(`log: ${a}`, 'whole', opts).length > 0);
    assert.ok(scanText(`debug ${lines[2] ?? ''} end`, 'one line', opts).length > 0);
    assert.ok(scanText(lines.join(''), 'joined', opts).length > 0);
    assert.ok(scanText(JSON.stringify({ key: a }), 'json', opts).length > 0);
    assert.ok(scanBuffer(Buffer.from(`x${lines[1] ?? ''}`, 'utf16le'), 'utf16', opts).length > 0);
  });

  it('flags any BEGIN … PRIVATE KEY block when asked, whatever the key', () => {
    const hits = scanText(`${b}\n-----BEGIN RSA PRIVATE KEY-----`, 'blocks', { secrets: [], signatures: false, privateKeyBlocks: true });
    assert.deepEqual(
      hits.map((h) => h.what),
      ['-----BEGIN OPENSSH PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----'],
    );
    assert.equal(scanText(b, 'off', { secrets: [], signatures: false }).length, 0, 'off by default');
  });
});

describe('private-key hygiene', () => {
  it('after making and authorising keys through the core (3 preflights, ssh at a prompt each time): 0 hits outside the key file', async () => {
    const r = await runKeyHygiene();
    assert.equal(r.flows, 3);
    assert.equal(r.keysMade, 1, 'the second server and the re-authorisation reuse the key');
    assert.equal(r.authorisations, 3);
    assert.deepEqual(r.control, { found: r.needles + 1, expected: r.needles + 1 }, 'the scanner finds every needle in the key file itself');
    assert.ok(r.files.files >= 4, `only ${r.files.files} files scanned`);
    assert.deepEqual(r.hits, [], formatHits(r.hits));
  });
});
