// Loads the BUILT webview bundle (dist/webview.js) in headless Debian chromium, inside the
// same HTML and CSP the panel host serves, with a stand-in `acquireVsCodeApi` that records
// every posted message. Requests go to a fake origin served from disk; nothing else loads.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { after, before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/lib/browser';
import { buildFormHtml } from '../../src/panels/formHtml';
import type { FormContext, FormDraft, HostMessage, SubmitState } from '../../src/protocol/createImageMessages';
import { FORM_STRINGS_EN } from '../../src/protocol/formStrings';
import type { ControlKind } from '../../webview/toolkitParts';
import { CONTROL_TAGS, FOCUS_TARGET } from '../../webview/toolkitParts';
import type { ThemeKind } from './themes';
import { THEMES, themeHtml } from './themes';

const ROOT = resolve(__dirname, '../../..');
const ORIGIN = 'https://webview.test';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
  });
}

/** One chromium for the test file: launched before its tests and handed to `use`, closed after them. */
export function useBrowser(use: (browser: Browser) => void): void {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    use(browser);
  });
  after(async () => {
    await browser.close();
  });
}

export interface Posted {
  type: string;
  [k: string]: unknown;
}

/**
 * The form's controls by name, each with its selector (the ids and classes are the form's
 * contract) and its kind. Tests reach a control only through `field`/`host`/`option`, built from
 * this table and the toolkit's own (webview/toolkitParts.ts), so no test knows a toolkit tag.
 */
const CONTROLS = {
  imageName: ['#imageName', 'textField'],
  systemSnapshot: ['#systemSnapshot', 'dropdown'],
  dataSnapshot: ['#dataSnapshot', 'dropdown'],
  description: ['#description', 'textArea'],
  resourceGroupId: ['#resourceGroupId', 'textField'],
  createSnapshot: ['#createSnapshot', 'button'],
  addTag: ['#addTag', 'button'],
  tagKey: ['.tag-key', 'textField'],
  tagValue: ['.tag-value', 'textField'],
  tagRemove: ['.tag-remove', 'button'],
  retry: ['#retry', 'button'],
  submit: ['#submit', 'button'],
  cancel: ['#cancel', 'button'],
  copyCli: ['#copyCli', 'button'],
} as const satisfies Record<string, readonly [string, ControlKind]>;
export type ControlName = keyof typeof CONTROLS;
const TAG_PARTS = new Set<ControlName>(['tagKey', 'tagValue', 'tagRemove']);

export interface FormPage {
  page: Page;
  /** The element of a control that takes focus (what a user types into or presses). `row`: tag row index. */
  field(name: ControlName, row?: number): Locator;
  /** The control's host element (its id, disabled state, value). */
  host(name: ControlName, row?: number): Locator;
  /** The options of a dropdown, or the one whose text contains `text`. */
  option(name: ControlName, text?: string): Locator;
  /** Messages the webview posted, in order. */
  posted(): Promise<Posted[]>;
  waitForPosted(type: string, count?: number): Promise<Posted>;
  send(message: HostMessage): Promise<void>;
  cspViolations(): Promise<string[]>;
  blockedRequests: string[];
  pageErrors: string[];
}

export function demoContext(over: Partial<FormContext> = {}): FormContext {
  return {
    regionId: 'cn-hangzhou',
    regionName: 'China (Hangzhou)',
    server: { instanceId: 'i-web1', instanceName: 'web-prod-1', status: 'Running', planId: 'swas.s2.c2m2s50b4t08', spec: '2 vCPU · 2 GiB' },
    snapshots: [
      {
        snapshotId: 's-sys-old',
        snapshotName: 'nightly-1',
        status: 'Accomplished',
        sourceDiskType: 'System',
        instanceId: 'i-web1',
        creationTime: '2026-11-01T02:00:00Z',
        progress: 100,
      },
      {
        snapshotId: 's-sys-new',
        snapshotName: 'nightly-2',
        status: 'Accomplished',
        sourceDiskType: 'System',
        instanceId: 'i-web1',
        creationTime: '2026-11-20T02:00:00Z',
        progress: 100,
      },
      {
        snapshotId: 's-sys-prog',
        snapshotName: 'running',
        status: 'Progressing',
        sourceDiskType: 'System',
        instanceId: 'i-web1',
        creationTime: '2026-11-25T02:00:00Z',
        progress: 40,
      },
      {
        snapshotId: 's-data-1',
        snapshotName: 'data-1',
        status: 'Accomplished',
        sourceDiskType: 'Data',
        instanceId: 'i-web1',
        creationTime: '2026-11-20T03:00:00Z',
        progress: 100,
      },
    ],
    imageNames: ['existing-image'],
    serverCount: 4,
    imageCount: 2,
    preselectedSystemSnapshotId: '',
    ...over,
  };
}

export function initMessage(
  context: FormContext = demoContext(),
  draft: FormDraft | null = null,
  submit: SubmitState = { phase: 'idle' },
): HostMessage {
  return { type: 'init', locale: 'en', strings: { ...FORM_STRINGS_EN }, context, draft, submit };
}

export interface OpenOptions {
  /** The VS Code theme the page is shown in (default: dark, VS Code's default). */
  theme?: ThemeKind;
  /** Behave like a Chromium before 135 (VS Code 1.100's Electron): no ARIA element references. */
  withoutElementReflection?: boolean;
}

export async function openForm(browser: Browser, savedState: unknown = undefined, options: OpenOptions = {}): Promise<FormPage> {
  const page = await browser.newPage();
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const nonce = randomBytes(16).toString('base64');
  const bare = buildFormHtml({
    cspSource: ORIGIN,
    nonce,
    scriptUri: `${ORIGIN}/dist/webview.js`,
    styleUri: `${ORIGIN}/media/form.css`,
    lang: 'en',
    title: 'Create Custom Image',
  });
  const html = themeHtml(bare, THEMES[options.theme ?? 'dark']);
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const files: Record<string, [string, string]> = {
      [`${ORIGIN}/dist/webview.js`]: ['dist/webview.js', 'text/javascript'],
      [`${ORIGIN}/media/form.css`]: ['media/form.css', 'text/css'],
    };
    if (url === `${ORIGIN}/index.html`) return route.fulfill({ body: html, contentType: 'text/html' });
    const f = files[url];
    if (f) return route.fulfill({ body: readFileSync(resolve(ROOT, f[0])), contentType: f[1] });
    blockedRequests.push(url);
    return route.abort();
  });
  await page.addInitScript((saved: unknown) => {
    const w = globalThis as unknown as Record<string, unknown> & {
      document: {
        addEventListener(
          t: string,
          cb: (e: { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }) => void,
        ): void;
      };
    };
    const posted: unknown[] = [];
    const csp: string[] = [];
    let state = saved;
    w.__posted = posted;
    w.__csp = csp;
    w.document.addEventListener('securitypolicyviolation', (e) =>
      csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => state,
      setState: (s: unknown) => {
        state = JSON.parse(JSON.stringify(s));
        w.__state = state;
      },
    });
  }, savedState);
  if (options.withoutElementReflection) {
    await page.addInitScript(() => {
      const proto = (globalThis as unknown as { Element: { prototype: object } }).Element.prototype;
      for (const p of ['ariaDescribedByElements', 'ariaLabelledByElements', 'ariaErrorMessageElements']) Reflect.deleteProperty(proto, p);
    });
  }
  await page.goto(`${ORIGIN}/index.html`);
  const posted = (): Promise<Posted[]> => page.evaluate(() => (globalThis as unknown as { __posted: Posted[] }).__posted);
  const host = (name: ControlName, row?: number): Locator => {
    const [selector] = CONTROLS[name];
    const rows = page.locator('.tag-row');
    if (TAG_PARTS.has(name)) return (row === undefined ? rows : rows.nth(row)).locator(selector);
    return page.locator(selector);
  };
  return {
    page,
    host,
    field(name, row) {
      const inner = FOCUS_TARGET[CONTROLS[name][1]];
      return inner ? host(name, row).locator(inner) : host(name, row);
    },
    option(name, text) {
      const all = host(name).locator(CONTROL_TAGS.option);
      return text === undefined ? all : all.filter({ hasText: text });
    },
    posted,
    blockedRequests,
    pageErrors,
    async waitForPosted(type, count = 1) {
      await page.waitForFunction(
        ([t, n]) => (globalThis as unknown as { __posted: Array<{ type: string }> }).__posted.filter((m) => m.type === t).length >= n,
        [type, count] as const,
        { timeout: 5000 },
      );
      const all = (await posted()).filter((m) => m.type === type);
      return all[count - 1] as Posted;
    },
    async send(message) {
      // window.postMessage delivers on a later task; a sentinel posted right after it arrives only
      // once the form has handled the message (same source, in order), so a test reads the result.
      await page.evaluate(
        (m) =>
          new Promise<void>((resolve) => {
            interface Win {
              postMessage(m: unknown, o: string): void;
              addEventListener(t: 'message', l: (e: { data: unknown }) => void): void;
              removeEventListener(t: 'message', l: (e: { data: unknown }) => void): void;
            }
            const w = globalThis as unknown as Win;
            const sentinel = `__handled_${Math.random()}`;
            const onMessage = (e: { data: unknown }): void => {
              if (e.data !== sentinel) return;
              w.removeEventListener('message', onMessage);
              resolve();
            };
            w.addEventListener('message', onMessage);
            w.postMessage(m, '*');
            w.postMessage(sentinel, '*');
          }),
        message,
      );
    },
    cspViolations: () => page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp),
  };
}

/** Open the form and deliver `init`; resolves when the form is on screen. */
export async function openInitialized(
  browser: Browser,
  init: HostMessage = initMessage(),
  savedState?: unknown,
  options: OpenOptions = {},
): Promise<FormPage> {
  const f = await openForm(browser, savedState, options);
  await f.waitForPosted('ready');
  await f.send(init);
  await f.field('imageName').waitFor();
  return f;
}

export async function errorText(f: FormPage, id: string): Promise<string> {
  return (await f.page.locator(`#${id}`).textContent()) ?? '';
}

// Page-side expressions are strings: the host tsconfig has no DOM lib.
export async function activeId(f: FormPage): Promise<string> {
  return String(await f.page.evaluate('document.activeElement ? document.activeElement.id : ""'));
}

export async function activeHasClass(f: FormPage, cls: string): Promise<boolean> {
  return Boolean(await f.page.evaluate(`!!document.activeElement && document.activeElement.classList.contains(${JSON.stringify(cls)})`));
}

interface MiniDocument {
  document: { activeElement: { id: string } | null; getElementById(id: string): { textContent: string | null } | null };
}

export async function waitForText(f: FormPage, id: string, part: string): Promise<void> {
  await f.page.waitForFunction(
    ([i, p]) => ((globalThis as unknown as MiniDocument).document.getElementById(i)?.textContent ?? '').includes(p),
    [id, part] as const,
    { timeout: 5000 },
  );
}

export async function webviewState(f: FormPage): Promise<unknown> {
  return f.page.evaluate('window.__state');
}

export async function waitForFocus(f: FormPage, id: string): Promise<void> {
  await f.page.waitForFunction((i) => (globalThis as unknown as MiniDocument).document.activeElement?.id === i, id, { timeout: 3000 });
}
