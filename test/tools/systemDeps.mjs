// System packages the suites, the VS Code hosts and the browser need (Debian names). When some are
// missing: installed with apt-get if we are root on Debian, otherwise named with the line that
// installs them. runTests.mjs and start.mjs ask for them BEFORE anything that needs them starts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What code-server's native modules build against (node-pty, kerberos, native-keymap, keytar). */
export const BUILD_PACKAGES = ['libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'build-essential', 'python3'];
/** chromium drives the workbench and the webview tests; ripgrep seeds code-server 4.100.3's offline install. */
export const HOST_PACKAGES = ['chromium', 'ripgrep', ...BUILD_PACKAGES];

/** The emulator's servers: commands run in a bubblewrap sandbox; the SSH tests use the real OpenSSH client. */
export const MACHINE_PACKAGES = ['bubblewrap', 'openssh-client'];

/** Per suite of `npm test`: the Debian packages it needs before it starts. */
export const SUITE_PACKAGES = Object.freeze({
  checks: [],
  unit: ['zsh', 'openssh-client'], // CLI quoting read back by sh, bash and zsh; ssh -G reads the managed ssh config
  contract: MACHINE_PACKAGES, // RunCommand and SSH against the emulator's servers
  webview: ['chromium'], // test/webview/formHarness.ts launches /usr/bin/chromium
  integration: [...HOST_PACKAGES, ...MACHINE_PACKAGES], // code-server hosts (installed on first use) + chromium drives them
  e2e: [...HOST_PACKAGES, ...MACHINE_PACKAGES, 'fonts-wqy-microhei'], // + a CJK font: the zh-cn scenario's screenshots are read by people
});

/** The union, in a stable order, of what the given suites need. */
export function packagesForSuites(suites) {
  const wanted = new Set(suites.flatMap((s) => SUITE_PACKAGES[s] ?? []));
  return [...HOST_PACKAGES, ...MACHINE_PACKAGES, 'zsh', 'fonts-wqy-microhei'].filter((p) => wanted.has(p));
}

/** What `npm start` needs for one host (no browser: the user opens the URL in their own). */
export function packagesForStart(hostId) {
  return hostId === '1.100' ? ['ripgrep', ...BUILD_PACKAGES, ...MACHINE_PACKAGES] : [...BUILD_PACKAGES, ...MACHINE_PACKAGES];
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Returns true when every package is present (after installing what it could). */
export function ensureSystemPackages(pkgs = HOST_PACKAGES) {
  if (pkgs.length === 0) return true;
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
  const inst =
    up.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  if (!inst || inst.status !== 0) {
    console.error(`system: apt-get failed; install them with: ${line}`);
    return false;
  }
  return true;
}
