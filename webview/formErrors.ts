// Shows rule issues and placed API errors under their fields, marks the fields invalid (the
// error becomes part of the focused control's description), sums up an invalid submit in the
// form's one live region, and finds the control to focus for an issue.
import { DESCRIPTION_MAX } from '../src/core/rules/description';
import type { RuleIssue } from '../src/core/rules/ruleCodes';
import { MAX_TAGS } from '../src/core/rules/tags';
import type { SubmitState } from '../src/protocol/createImageMessages';
import type { FormStrings, FormStringKey } from '../src/protocol/formStrings';
import { fmt } from '../src/protocol/formStrings';
import type { FormRefs, TagRowRefs } from './formView';
import { setInvalid } from './toolkit';

export type ApiFailure = Extract<SubmitState, { phase: 'failed' }>;

export const FIELD_ORDER = ['imageName', 'systemSnapshot', 'dataSnapshot', 'description', 'resourceGroupId'] as const;

export function ruleMessage(t: FormStrings, issue: RuleIssue): string {
  const key = `rule.${issue.code}` as FormStringKey;
  const tpl = t[key] ?? issue.code;
  if (issue.code === 'description.tooLong') return fmt(tpl, DESCRIPTION_MAX);
  if (issue.code === 'tags.tooMany') return fmt(tpl, MAX_TAGS);
  return tpl;
}

export function apiText(t: FormStrings, f: ApiFailure): string {
  return f.requestId ? `${f.message} ${fmt(t.requestId, f.requestId)}` : f.message;
}

export interface ErrorView {
  issues: RuleIssue[];
  visible: (issue: RuleIssue) => boolean;
  apiError: ApiFailure | undefined;
}

export function renderFieldErrors(t: FormStrings, refs: FormRefs, rows: TagRowRefs[], v: ErrorView): void {
  const shown = v.issues.filter(v.visible);
  for (const field of FIELD_ORDER) {
    const issue = shown.find((i) => i.field === field);
    // The API's answer placed here wins: it is authoritative and carries the RequestId. (After a
    // stale-list error the host re-reads the region, so the form's own rule would otherwise say
    // the same thing a second time, e.g. "name taken" next to ImageNameAlreadyExist.)
    const apiHere = v.apiError?.placement === field ? v.apiError : undefined;
    const text = apiHere ? apiText(t, apiHere) : issue ? ruleMessage(t, issue) : '';
    const errorEl = refs.errors[field] as HTMLElement;
    errorEl.textContent = text;
    setInvalid(refs[field], errorEl, text !== '');
  }
  const serverIssue = shown.find((i) => i.field === 'server');
  (refs.errors.server as HTMLElement).textContent = serverIssue ? ruleMessage(t, serverIssue) : '';
  const tooMany = shown.find((i) => i.field === 'tags');
  (refs.errors.tags as HTMLElement).textContent = tooMany ? ruleMessage(t, tooMany) : '';
  rows.forEach((row, index) => {
    const keyIssue = shown.find((i) => i.field === 'tagKey' && i.index === index);
    const valueIssue = shown.find((i) => i.field === 'tagValue' && i.index === index);
    row.error.textContent = [keyIssue, valueIssue]
      .map((i) => (i ? ruleMessage(t, i) : ''))
      .filter(Boolean)
      .join(' ');
    setInvalid(row.key, row.error, keyIssue !== undefined);
    setInvalid(row.value, row.error, valueIssue !== undefined);
  });
  // The summary speaks on submit only; once nothing is wrong any more it is stale: clear it.
  if (shown.length === 0 && !v.apiError) refs.summary.textContent = '';
}

/** The name a user knows a field by, as the summary lists it. */
function fieldName(t: FormStrings, refs: FormRefs, issue: RuleIssue): string {
  const n = (issue.index ?? 0) + 1;
  switch (issue.field) {
    case 'tagKey':
      return fmt(t['tags.keyAria'], n);
    case 'tagValue':
      return fmt(t['tags.valueAria'], n);
    case 'tags':
      return t['tags.label'];
    case 'server':
      return t['section.server'];
    case 'quota':
      return refs.quota.textContent ?? '';
    default:
      return t[`${issue.field}.label`];
  }
}

/**
 * Announce an invalid submit once, politely: "2 fields need attention: Image name and Tag 1
 * value." (the per-field errors are not live regions, so this is the only announcement).
 * `issues` in form order; an empty list clears the summary.
 */
export function announceIssues(t: FormStrings, refs: FormRefs, issues: RuleIssue[]): void {
  const names = [...new Set(issues.map((i) => fieldName(t, refs, i)).filter(Boolean))];
  // "Image name and Tag 1 value" / "镜像名称和标签 1 值": the list in the form's language.
  const list = new Intl.ListFormat(document.documentElement.lang || 'en', { type: 'conjunction' }).format(names);
  const text = names.length === 0 ? '' : names.length === 1 ? fmt(t['summary.one'], list) : fmt(t['summary.many'], names.length, list);
  // A new text node each time, so a second submit with the same problems is announced again.
  refs.summary.replaceChildren(...(text ? [document.createTextNode(text)] : []));
}

/** The control that should get focus for an issue (the first invalid field on submit). */
export function controlFor(refs: FormRefs, rows: TagRowRefs[], issue: RuleIssue): HTMLElement {
  switch (issue.field) {
    case 'tagKey':
      return rows[issue.index ?? 0]?.key ?? refs.addTag;
    case 'tagValue':
      return rows[issue.index ?? 0]?.value ?? refs.addTag;
    case 'tags':
      return rows[rows.length - 1]?.remove ?? refs.addTag;
    case 'quota':
      return refs.quota;
    case 'server':
      return refs.errors.server as HTMLElement;
    default:
      return refs[issue.field];
  }
}

/** Issues in the order of the form, so the first one is the first field on screen. */
export function inFormOrder(issues: RuleIssue[]): RuleIssue[] {
  const rank = (i: RuleIssue): number => {
    const order = [
      'server',
      'imageName',
      'systemSnapshot',
      'dataSnapshot',
      'description',
      'tags',
      'tagKey',
      'tagValue',
      'resourceGroupId',
      'quota',
    ];
    const base = order.indexOf(i.field);
    const tagBase = i.field === 'tagKey' || i.field === 'tagValue' ? order.indexOf('tagKey') : base;
    return tagBase * 1000 + (i.index ?? 0) * 2 + (i.field === 'tagValue' ? 1 : 0);
  };
  return [...issues].sort((a, b) => rank(a) - rank(b));
}
