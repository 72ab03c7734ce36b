// Reading the workbench page's web storage (evaluated in the page; strings keep the DOM lib out
// of the Node tsconfig).
import type { Page } from 'playwright-core';

/** localStorage['secrets.provider']: where code-server keeps VS Code's sealed SecretStorage. */
export async function sealedSecrets(page: Page): Promise<string | null> {
  return (await page.evaluate("localStorage.getItem('secrets.provider')")) as string | null;
}

/** All of sessionStorage as JSON. */
export async function sessionStorageDump(page: Page): Promise<string> {
  return (await page.evaluate('JSON.stringify(Object.entries(sessionStorage))')) as string;
}
