// What assistive technology gets from the form, read from Chromium itself: the computed
// accessibility tree over the DevTools protocol (the same tree a screen reader is given, with
// names and descriptions resolved across shadow roots), axe-core's audit injected into the page,
// and a record of which live regions changed.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

export interface AxInfo {
  role: string;
  name: string;
  description: string;
  invalid: boolean;
  required: boolean;
}

interface AxValue {
  value?: unknown;
}
interface AxProperty {
  name: string;
  value: AxValue;
}
interface AxNode {
  ignored: boolean;
  role?: AxValue;
  name?: AxValue;
  description?: AxValue;
  properties?: AxProperty[];
}

function prop(n: AxNode, name: string): unknown {
  return n.properties?.find((p) => p.name === name)?.value.value;
}

/** The accessibility node of the element that has focus now (never the document itself). */
export async function focusedAx(page: Page): Promise<AxInfo> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    const focused = nodes.filter((n) => !n.ignored && n.role?.value !== 'RootWebArea' && prop(n, 'focused') === true);
    if (focused.length !== 1) throw new Error(`expected one focused node, found ${focused.length}`);
    const n = focused[0] as AxNode;
    return {
      role: String(n.role?.value ?? ''),
      name: String(n.name?.value ?? ''),
      description: String(n.description?.value ?? ''),
      invalid: prop(n, 'invalid') === 'true',
      required: prop(n, 'required') === true,
    };
  } finally {
    await cdp.detach();
  }
}

/** Focus `target` (as Tab would) and read what is announced for it. */
export async function axOnFocus(target: Locator): Promise<AxInfo> {
  await target.focus();
  return focusedAx(target.page());
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Run axe-core over the whole page. It is evaluated through the DevTools protocol, so the page's
 * strict CSP (nonce-only scripts) stays as it is and is not what is audited away.
 */
export async function axeViolations(page: Page, impacts: readonly string[] = ['serious', 'critical']): Promise<AxeViolation[]> {
  const loaded = Boolean(await page.evaluate('typeof window.axe === "object"'));
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact || '', help: v.help,
    targets: v.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.failureSummary),
  })))`)) as AxeViolation[];
  return result.filter((v) => impacts.includes(v.impact));
}

export interface Announcement {
  /** The live region's id (or its tag when it has none). */
  region: string;
  politeness: string;
  text: string;
}

/**
 * From now on, note every live region (aria-live other than off, or role status/alert/log)
 * whose content changes while it is shown; `announcements` then tells which ones changed and
 * what they say now. Regions that changed back to empty are not announcements.
 */
export async function recordLiveRegions(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const changed = new Set();
    window.__liveChanged = changed;
    const live = (node) => {
      const el = node.nodeType === 1 ? node : node.parentElement;
      return el ? el.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]') : null;
    };
    new MutationObserver((records) => {
      for (const r of records) {
        const region = live(r.target);
        if (region) changed.add(region);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}

export async function announcements(page: Page): Promise<Announcement[]> {
  return (await page.evaluate(`[...window.__liveChanged]
    .filter((el) => el.isConnected && el.checkVisibility() && el.textContent.trim() !== '')
    .map((el) => ({
      region: el.id || el.tagName.toLowerCase(),
      politeness: el.getAttribute('aria-live') || (el.getAttribute('role') === 'alert' ? 'assertive' : 'polite'),
      text: el.textContent.trim(),
    }))`)) as Announcement[];
}
