// Scenario: the Chinese UI, seen. code-server runs with --locale zh-cn and a minimal local
// language pack (test/e2e/fixtures/zh-cn-language-pack: VS Code needs one to accept a display
// language). Every string of the extension in the welcome view, the tree, the context menus and
// the Create Custom Image form must be the zh-cn one: no English UI string (from package.nls.json,
// the runtime bundle's keys and the form's English strings) may be visible. Screenshots go to
// $SWAS_TEST_ARTIFACTS/e2e/<host>/zh-cn-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { FORM_STRINGS_EN } from '../../src/protocol/formStrings';
import { selectedHosts } from './lib/hosts';
import { zhCnLanguagePackVsix } from './lib/languagePack';
import { repoRoot } from './lib/paths';
import { closeBrowser, withScenario } from './lib/session';
import { expand, regionRow, treeItem, webview } from './lib/workbench';

after(closeBrowser);

const json = (p: string): Record<string, string> => JSON.parse(readFileSync(join(repoRoot, p), 'utf8')) as Record<string, string>;

/** Units, product and API names the Chinese texts keep as they are. */
const KEPT = new Set([
  'GiB',
  'MiB',
  'vCPU',
  'Mbps',
  'SWAS',
  'ECS',
  'RAM',
  'AccessKey',
  'RequestId',
  'ID',
  'STS',
  'CLI',
  'aliyun',
  'SecurityToken',
  'VS',
  'Code',
  'IP',
]);
const untranslatable = (t: string): boolean => (t.match(/[A-Za-z]+/g) ?? []).every((w) => KEPT.has(w));

/** English UI fragments (split at {n} placeholders) that have a different zh-cn text. */
function englishFragments(): string[] {
  const nlsEn = json('package.nls.json');
  const nlsZh = json('package.nls.zh-cn.json');
  const bundle = json('l10n/bundle.l10n.zh-cn.json');
  const pairs: [string, string | undefined][] = [
    ...Object.entries(nlsEn).map(([k, v]): [string, string | undefined] => [v, nlsZh[k]]),
    ...Object.entries(bundle),
    ...Object.values(FORM_STRINGS_EN).map((v): [string, string | undefined] => [v, bundle[v]]),
  ];
  const out = new Set<string>();
  for (const [en, zh] of pairs) {
    if (zh === undefined || zh === en) continue;
    for (const f of en.replace(/\[([^\]]*)\]\(command:[^)]*\)/g, '$1').split(/\{\d+\}|\n/)) {
      const t = f.trim().replace(/[.…:：]+$/, '');
      // A fragment must hold a real word (≥ 3 letters) to be recognisable as English UI text.
      if (/[A-Za-z]{3,}/.test(t) && !/^[A-Z0-9_.]+$/.test(t) && !untranslatable(t)) out.add(t);
    }
  }
  return [...out];
}

const FRAGMENTS = englishFragments();

function englishIn(texts: string[]): string[] {
  const found: string[] = [];
  for (const text of texts) {
    for (const f of FRAGMENTS) {
      const re = new RegExp(`(^|[^A-Za-z])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`);
      if (re.test(text)) found.push(`"${f}" in "${text}"`);
    }
  }
  return found;
}

async function sidebarTexts(page: Page): Promise<string[]> {
  return page.locator('#workbench\\.parts\\.sidebar .monaco-list-row, #workbench\\.parts\\.sidebar .welcome-view-content').allInnerTexts();
}

async function menuTexts(page: Page): Promise<string[]> {
  const items = page.locator('.context-view .monaco-menu [role="menuitem"]');
  await items.first().waitFor({ timeout: 10_000 });
  return (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

async function formTexts(frame: FrameLocator): Promise<string[]> {
  const lines = (await frame.locator('body').innerText())
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // Attributes of what is shown (also inside the toolkit's shadow roots, which locators pierce).
  const attrs = await frame.locator('[aria-label], [placeholder], [title]').evaluateAll((els) =>
    els
      .filter((el) => (el as unknown as { checkVisibility(): boolean }).checkVisibility())
      .flatMap((el) => ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''))
      .filter((v) => v !== ''),
  );
  return [...lines, ...attrs];
}

const CJK = /[\u4e00-\u9fff]/;

for (const host of selectedHosts()) {
  describe(`zh-cn UI on ${host.label}`, () => {
    it('shows the welcome view, the tree, the context menus and the form in Simplified Chinese only', { timeout: 300_000 }, () =>
      withScenario(
        host,
        'zh-cn',
        async (s) => {
          const { page } = s;
          assert.ok(FRAGMENTS.length > 100, `only ${FRAGMENTS.length} English fragments to look for`);
          // The activity bar entry keeps its name (the same in both languages).
          await page.locator('.activitybar [aria-label^="SWAS Explorer"]').first().click();
          const offer = page.locator('.welcome-view-content').getByRole('button', { name: '从环境变量导入密钥' });
          await offer.waitFor({ timeout: 60_000 });
          const welcome = await sidebarTexts(page);
          assert.deepEqual(englishIn(welcome), [], 'English in the welcome view');
          assert.ok(
            welcome.some((t) => CJK.test(t)),
            welcome.join(' | '),
          );
          await s.shot('zh-cn welcome');

          await offer.click();
          const hz = regionRow(page, 'cn-hangzhou');
          await hz.waitFor({ timeout: 60_000 });
          await expand(hz);
          const web = treeItem(page, 'web-prod-1');
          await web.waitFor({ timeout: 60_000 });
          // (treeItem() ends its pattern with \b, which never matches after a CJK character)
          const images = page.getByRole('treeitem', { name: /^自定义镜像/ }).first();
          await images.waitFor({ timeout: 30_000 });
          await expand(images);
          await treeItem(page, 'db-staging-base').waitFor({ timeout: 30_000 });
          const tree = await sidebarTexts(page);
          assert.deepEqual(englishIn(tree), [], 'English in the tree');
          assert.ok(
            tree.some((t) => /运行中/.test(t)),
            `no Chinese server status in: ${tree.join(' | ')}`,
          );
          await s.shot('zh-cn tree');

          for (const row of [web, treeItem(page, 'db-staging-base')]) {
            await row.click({ button: 'right' });
            const menu = await menuTexts(page);
            await s.shot(`zh-cn menu ${(await row.getAttribute('aria-label'))?.split(/[ ,]/)[0] ?? ''}`);
            assert.deepEqual(englishIn(menu), [], 'English in the context menu');
            for (const m of menu) assert.match(m, CJK, `menu item "${m}" is not Chinese`);
            await page.keyboard.press('Escape');
          }

          await web.click({ button: 'right' });
          const item = page
            .locator('.context-view .monaco-menu')
            .getByRole('menuitem', { name: /^创建自定义镜像/ })
            .first();
          await item.waitFor({ timeout: 10_000 });
          await item.hover();
          await item.click();
          const frame = webview(page);
          await frame.locator('#imageName').waitFor({ timeout: 60_000 });
          await frame.locator('#quota').waitFor({ timeout: 30_000 });
          const form = await formTexts(frame);
          await s.shot('zh-cn form');
          assert.deepEqual(englishIn(form), [], 'English in the form');
          assert.ok(
            form.some((t) => CJK.test(t)),
            form.join(' | '),
          );
        },
        {
          locale: 'zh-cn',
          vsix: [zhCnLanguagePackVsix()],
          openView: false,
          env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'EMULdemo0000000000000001', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'emulator-demo-secret-0001' },
        },
      ),
    );
  });
}
