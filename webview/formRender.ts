// Pure-ish rendering of context-derived parts: server facts, snapshot dropdowns, quota line.
import { imageQuota } from '../src/core/rules/quota';
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
  const options: OptionSpec[] = [
    { value: '', label: role === 'system' ? t['systemSnapshot.placeholder'] : t['dataSnapshot.noneOption'] },
  ];
  for (const c of choices) {
    const s = ctx.snapshots.find((x) => x.snapshotId === c.snapshot.snapshotId);
    let label = fmt(t['snapshot.option'], c.snapshot.snapshotName || c.snapshot.snapshotId, shortTime(c.snapshot.creationTime));
    if (c.reason) {
      const why = c.reason.endsWith('.failed') ? t['snapshot.reason.failed'] : fmt(t['snapshot.reason.progressing'], s?.progress ?? 0);
      label = `${label} — ${why}`;
    } else {
      usable.push(c.snapshot.snapshotId);
    }
    options.push({ value: c.snapshot.snapshotId, label, disabled: c.reason !== undefined });
  }
  return { options, usable };
}

export function renderSnapshotDropdown(el: FieldElement, t: FormStrings, ctx: FormContext, role: SnapshotRole, selected: string): string[] {
  const { options, usable } = snapshotOptions(t, ctx, role);
  setOptions(el, options, selected);
  return usable;
}

export function renderQuota(el: HTMLElement, errorEl: HTMLElement, t: FormStrings, ctx: FormContext, apiMessage: string): boolean {
  const q = imageQuota(ctx.serverCount, ctx.imageCount);
  el.textContent = fmt(t['quota.line'], ctx.regionName || ctx.regionId, q.used, q.limit);
  const text = q.full ? fmt(t['quota.full'], Math.max(1, q.toDelete), ctx.regionName || ctx.regionId) : '';
  errorEl.textContent = [text, apiMessage].filter(Boolean).join(' ');
  return q.full;
}
