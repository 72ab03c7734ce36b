// System packages the VS Code hosts and the browser need (Debian names). When some are missing:
// installed with apt-get if we are root on Debian, otherwise named with the line that installs them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** chromium drives the workbench; ripgrep seeds code-server 4.100.3's offline install; the rest
 *  build code-server's native modules (node-pty, kerberos, native-keymap, keytar). */
export const HOST_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'build-essential', 'python3'];

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Returns true when every package is present (after installing what it could). */
export function ensureSystemPackages(pkgs = HOST_PACKAGES) {
  if (!existsSync('/usr/bin/dpkg-query')) {
    console.log(`system: not a Debian system; make sure these (Debian names) are installed: ${pkgs.join(' ')}`);
    return true;
  }
  const missing = pkgs.filter((p) => !installed(p));
  if (missing.length === 0) return true;
  const line = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`system: missing Debian packages: ${missing.join(' ')}\n  install them with: sudo apt-get update && sudo ${line}`);
    return false;
  }
  console.log(`system: installing missing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const up = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const inst = up.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  if (!inst || inst.status !== 0) {
    console.error(`system: apt-get failed; install them with: ${line}`);
    return false;
  }
  return true;
}
