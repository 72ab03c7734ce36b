// Debian's chromium driven by playwright-core (no browser download), flags from HARNESS §3.3.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.SWAS_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Flags for Debian's chromium as root on this closed network (HARNESS.md): no sandbox, no GPU, and
 * none of the background connections that the machine's network refuses. Every test that
 * launches chromium (e2e, webview, the soak's in-host part) uses these.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (or set SWAS_CHROMIUM)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: process.env.SWAS_HEADED !== '1',
    args: [...CHROMIUM_ARGS],
  });
}

export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1400, height: 900 } });
}
