// Installing a public key in a server user's authorized_keys through Cloud Assistant: the script
// is idempotent (the key is added once, whatever the number of runs), marks the line with a
// comment naming this extension so it can be found and removed later, creates ~/.ssh with the
// modes sshd insists on, and touches nothing else (password login, other keys, sshd_config).

const KEY_LINE =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(?:256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) ([A-Za-z0-9+/]+={0,3})(?: (.*))?$/;

export const KEY_MARKER = 'swas-explorer';

export interface PublicKey {
  type: string;
  base64: string;
}

/** Parses one OpenSSH public key line (`type base64 [comment]`); undefined when it is not one. */
export function parsePublicKey(text: string): PublicKey | undefined {
  const line = text.trim();
  if (line.includes('\n') || line.length > 16_384) return undefined;
  const m = KEY_LINE.exec(line);
  if (!m?.[1] || !m[2]) return undefined;
  return { type: m[1], base64: m[2] };
}

/** The authorized_keys line we install: the key with our marker as its comment. */
export function authorizedKeyLine(key: PublicKey, label: string): string {
  const safe = label.replace(/[^A-Za-z0-9._@-]/g, '-').slice(0, 64);
  return `${key.type} ${key.base64} ${KEY_MARKER}:${safe}`;
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A POSIX sh script, run as the login user, that adds the key once. */
export function authorizeKeyScript(key: PublicKey, label: string): string {
  const line = authorizedKeyLine(key, label);
  return [
    'set -e',
    'umask 077',
    'mkdir -p "$HOME/.ssh"',
    'chmod 700 "$HOME/.ssh"',
    'touch "$HOME/.ssh/authorized_keys"',
    'chmod 600 "$HOME/.ssh/authorized_keys"',
    `if ! grep -qF ${shQuote(key.base64)} "$HOME/.ssh/authorized_keys"; then`,
    // Keep a missing final newline from gluing our line to the last key.
    '  [ -s "$HOME/.ssh/authorized_keys" ] && [ "$(tail -c1 "$HOME/.ssh/authorized_keys" | od -An -c | tr -d " ")" != "\\n" ] && echo >> "$HOME/.ssh/authorized_keys"',
    `  printf '%s\\n' ${shQuote(line)} >> "$HOME/.ssh/authorized_keys"`,
    'fi',
    `echo ${shQuote(`${KEY_MARKER}: key installed`)}`,
  ].join('\n');
}

/** A script that removes every key this extension installed (lines carrying our marker). */
export function removeOurKeysScript(): string {
  return [
    'set -e',
    'f="$HOME/.ssh/authorized_keys"',
    '[ -f "$f" ] || exit 0',
    `grep -v ' ${KEY_MARKER}:' "$f" > "$f.swas-tmp" || true`,
    'chmod 600 "$f.swas-tmp"',
    'mv "$f.swas-tmp" "$f"',
  ].join('\n');
}
