// Pure-ish rendering of context-derived parts: server facts, snapshot dropdowns, quota line,
// and the advice lines (rules that are not confirmed: shown, never blocking).
import { imageQuota } from '../src/core/rules/quota';
import type { RuleIssue } from '../src/core/rules/ruleCodes';
import { severityOf } from '../src/core/rules/ruleCodes';
import type { SnapshotRole } from '../src/core/rules/snapshots';
import { snapshotChoices } from '../src/core/rules/snapshots';
import type { FormContext } from '../src/protocol/createImageMessages';
import type { FormStrings } from '../src/protocol/formStrings';
import { fmt } from '../src/protocol/formStrings';
import { h } from './dom';
import type { FieldElement, OptionSpec } from './toolkit';
import { setOptions } from './toolkit';

export function renderServerInfo(el: HTMLElement, t: FormStrings, ctx: FormContext): void {
  const row = (label: string, value: string): Node[] => [h('dt', {}, label), h('dd', {}, value)];
  el.replaceChildren(
    ...row(t['field.region'], `${ctx.regionName} (${ctx.regionId})`),
    ...row(t['field.server'], `${ctx.server.instanceName} (${ctx.server.instanceId})`),
    ...row(t['field.status'], statusText(t, ctx.server.status)),
    ...row(t['field.plan'], ctx.server.spec ? `${ctx.server.planId} · ${ctx.server.spec}` : ctx.server.planId),
  );
}

/** The localized server status (any casing); an unknown status as the API sent it. */
function statusText(t: FormStrings, status: string): string {
  const name = status.charAt(0).toUpperCase() + status.slice(1).toLowerCase();
  const key = `instanceStatus.${name}`;
  return key in t ? t[key as keyof FormStrings] : status;
}

function shortTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

export function snapshotOptions(t: FormStrings, ctx: FormContext, role: SnapshotRole): { options: OptionSpec[]; usable: string[] } {
  const choices = snapshotChoices(ctx.snapshots, role, ctx.server.instanceId);
  const usable: string[] = [];
  const options: OptionSpec[] = [{ value: '', label: role === 'system' ? t['systemSnapshot.placeholder'] : t['dataSnapshot.noneOption'] }];
  for (const c of choices) {
    const s = ctx.snapshots.find((x) => x.snapshotId === c.snapshot.snapshotId);
    let label = fmt(t['snapshot.option'], c.snapshot.snapshotName || c.snapshot.snapshotId, shortTime(c.snapshot.creationTime));
    if (c.reason) {
      const why = c.reason.endsWith('.failed') ? t['snapshot.reason.failed'] : fmt(t['snapshot.reason.progressing'], s?.progress ?? 0);
      label = `${label} — ${why}`;
    } else {
      usable.push(c.snapshot.snapshotId);
    }
    // A snapshot the rules only advise against (still progressing, failed: a guess) stays selectable.
    options.push({ value: c.snapshot.snapshotId, label, disabled: c.reason !== undefined && severityOf(c.reason) === 'error' });
  }
  return { options, usable };
}

export function renderSnapshotDropdown(el: FieldElement, t: FormStrings, ctx: FormContext, role: SnapshotRole, selected: string): string[] {
  const { options, usable } = snapshotOptions(t, ctx, role);
  setOptions(el, options, selected);
  return usable;
}

/** The advice line after `anchor` (created on first use): small, muted, never an error. */
export function adviceLine(anchor: HTMLElement, id: string): HTMLElement {
  const existing = document.getElementById(id);
  if (existing) return existing;
  const el = h('p', { id, class: 'help advice', hidden: '' });
  anchor.after(el);
  return el;
}

function setAdvice(el: HTMLElement, t: FormStrings, text: string): void {
  el.textContent = text ? `${t['advice.label']} ${text}` : '';
  el.hidden = text === '';
}

/**
 * The quota line: our reading with its formula and the region it counts, said to be a reading;
 * or, once the API answered CustomImageQuotaLimit, what the API said (the fact) instead. A full
 * reading is advice (the line below it), the API's answer goes to the quota's error line.
 */
export function renderQuota(el: HTMLElement, errorEl: HTMLElement, t: FormStrings, ctx: FormContext, apiMessage: string): void {
  const region = ctx.regionName || ctx.regionId;
  const q = imageQuota(ctx.serverCount, ctx.imageCount);
  const reading = adviceLine(el, 'quota-reading');
  const advice = adviceLine(reading, 'quota-advice');
  reading.classList.remove('advice');
  const fact = ctx.quotaFact;
  if (fact) {
    el.textContent = fmt(t['quota.fact'], region, ctx.imageCount, fact.apiMessage);
    reading.hidden = true;
    setAdvice(advice, t, '');
  } else {
    el.textContent = fmt(t['quota.line'], region, q.used, q.limit, q.perServer, q.servers, q.cap);
    reading.textContent = t['quota.reading'];
    reading.hidden = false;
    setAdvice(advice, t, q.full ? fmt(t['quota.full'], Math.max(1, q.toDelete), region) : '');
  }
  errorEl.textContent = apiMessage;
}

/**
 * Advice under each field (and each tag row): the first advice issue there, when visible. The
 * quota's advice is renderQuota's.
 */
export function renderAdvice(
  refs: { errors: Record<string, HTMLElement> },
  rows: ReadonlyArray<{ error: HTMLElement }>,
  t: FormStrings,
  advice: readonly RuleIssue[],
  message: (issue: RuleIssue) => string,
): void {
  for (const field of ['server', 'imageName', 'systemSnapshot', 'dataSnapshot', 'description', 'tags', 'resourceGroupId']) {
    const anchor = refs.errors[field];
    if (!anchor) continue;
    const issue = advice.find((i) => i.field === field);
    setAdvice(adviceLine(anchor, `${field}-advice`), t, issue ? message(issue) : '');
  }
  rows.forEach((row, index) => {
    const issues = advice.filter((i) => (i.field === 'tagKey' || i.field === 'tagValue') && i.index === index);
    setAdvice(adviceLine(row.error, `tag-${index}-advice`), t, issues.map(message).join(' '));
  });
}
