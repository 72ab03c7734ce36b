// Waiting for state through locators that are re-resolved on every poll (VS Code re-renders
// list rows, so element handles can go stale).
import type { Locator } from 'playwright-core';

/** Waits until the element's text (trimmed) matches `re` (empty elements count: they are hidden). */
export async function waitForText(loc: Locator, re: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    const left = Math.max(100, Math.min(2000, deadline - Date.now()));
    text = ((await loc.textContent({ timeout: left }).catch(() => null)) ?? '').trim();
    if (re.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`text of ${loc.toString()} is "${text}", expected ${String(re)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `attr` of the element equals `value`; false on timeout. */
export async function attributeBecomes(loc: Locator, attr: string, value: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = Math.max(100, Math.min(2000, deadline - Date.now()));
    if ((await loc.getAttribute(attr, { timeout: left }).catch(() => null)) === value) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `probe` (a page, file or admin-API check) holds; each probe is itself a round trip. */
export async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}
