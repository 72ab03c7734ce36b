// The user's SSH keys: the public keys in ~/.ssh, and a new ed25519 (or, for a SWAS key pair
// that must be RSA, RSA 2048 — the size SWAS itself makes) key made by the system's ssh-keygen (private file mode 0600, no passphrase prompt; the key material is never read into
// logs, settings or state — only its path and its public half are used).
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parsePublicKey } from '../remote/authorizeKey';
import type { PublicKey } from '../remote/authorizeKey';

export interface KeyFile {
  /** The private key's path (the .pub file without its extension). */
  privatePath: string;
  publicKey: PublicKey;
  comment: string;
}

/** Public keys in `dir` (e.g. ~/.ssh) that have their private key beside them. */
export async function listKeys(dir: string): Promise<KeyFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: KeyFile[] = [];
  for (const n of names.filter((x) => x.endsWith('.pub')).sort()) {
    const privatePath = join(dir, n.slice(0, -4));
    try {
      const [text] = await Promise.all([fs.readFile(join(dir, n), 'utf8'), fs.access(privatePath)]);
      const publicKey = parsePublicKey(text);
      if (publicKey) out.push({ privatePath, publicKey, comment: text.trim().split(/\s+/).slice(2).join(' ') });
    } catch {
      // no private key beside it, or unreadable: not offered
    }
  }
  return out;
}

export type KeyKind = 'ed25519' | 'rsa';

/** A free file name in `dir` for a new key, e.g. swas_web-1_ed25519, swas_web-1_ed25519_2… */
export async function freeKeyPath(dir: string, base: string, kind: KeyKind = 'ed25519'): Promise<string> {
  const safe = base.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 60) || 'swas';
  for (let i = 1; i < 100; i++) {
    const p = join(dir, `${safe}_${kind}${i === 1 ? '' : `_${i}`}`);
    try {
      await fs.access(p);
    } catch {
      try {
        await fs.access(`${p}.pub`);
      } catch {
        return p;
      }
    }
  }
  throw new Error('no free key file name');
}

/** Makes a new key pair with ssh-keygen (the folder is created with mode 0700). */
export async function generateKey(privatePath: string, comment: string, kind: KeyKind = 'ed25519'): Promise<KeyFile> {
  await fs.mkdir(join(privatePath, '..'), { recursive: true, mode: 0o700 });
  await new Promise<void>((resolve, reject) => {
    execFile(
      'ssh-keygen',
      ['-q', '-t', kind, ...(kind === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-C', comment, '-f', privatePath],
      { timeout: 30_000 },
      (err) => (err ? reject(new Error(`ssh-keygen failed (${err.message.split('\n')[0] ?? ''})`)) : resolve()),
    );
  });
  await fs.chmod(privatePath, 0o600);
  const publicKey = parsePublicKey(await fs.readFile(`${privatePath}.pub`, 'utf8'));
  if (!publicKey) throw new Error('ssh-keygen wrote no usable public key');
  return { privatePath, publicKey, comment };
}
