// The server's status in the form's facts: normalised at the boundary (src/core/enums.ts), shown
// in the UI language, an unknown one as "unknown" — never a raw English status word in the
// Chinese form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { FORM_STRINGS_EN } from '../../src/protocol/formStrings';
import { demoContext, initMessage, openInitialized, useBrowser } from './formHarness';

let browser: Browser;
useBrowser((launched) => {
  browser = launched;
});

const facts = async (f: Awaited<ReturnType<typeof openInitialized>>): Promise<string> =>
  (await f.page.locator('#serverInfo').textContent()) ?? '';

test('an unknown server status (normalised at the boundary) is shown as unknown', async () => {
  const ctx = demoContext({ server: { ...demoContext().server, status: 'unknown' } });
  const f = await openInitialized(browser, initMessage(ctx));
  assert.match(await facts(f), /Status\s*unknown/);
  await f.page.close();
});

test('with the zh-cn strings the status is Chinese, not the API word', async () => {
  const zh = JSON.parse(readFileSync(resolve(__dirname, '../../../l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const strings = Object.fromEntries(Object.entries(FORM_STRINGS_EN).map(([k, en]) => [k, zh[en] ?? en])) as typeof FORM_STRINGS_EN;
  const f = await openInitialized(browser, { ...initMessage(), locale: 'zh-cn', strings } as ReturnType<typeof initMessage>);
  const text = await facts(f);
  assert.ok(text.includes(zh.Running ?? '?'), text);
  assert.doesNotMatch(text, /Running/);
  await f.page.close();
});
