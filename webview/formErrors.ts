// Shows rule issues and placed API errors under their fields, with aria-invalid and
// aria-describedby kept in step, and finds the control to focus for an issue.
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
    setInvalid(refs[field], errorEl.id, text !== '');
  }
  const serverIssue = shown.find((i) => i.field === 'server');
  (refs.errors.server as HTMLElement).textContent = serverIssue ? ruleMessage(t, serverIssue) : '';
  const tooMany = shown.find((i) => i.field === 'tags');
  (refs.errors.tags as HTMLElement).textContent = tooMany ? ruleMessage(t, tooMany) : '';
  rows.forEach((row, index) => {
    const keyIssue = shown.find((i) => i.field === 'tagKey' && i.index === index);
    const valueIssue = shown.find((i) => i.field === 'tagValue' && i.index === index);
    row.error.textContent = [keyIssue, valueIssue].map((i) => (i ? ruleMessage(t, i) : '')).filter(Boolean).join(' ');
    setInvalid(row.key, row.error.id, keyIssue !== undefined);
    setInvalid(row.value, row.error.id, valueIssue !== undefined);
  });
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
    const order = ['server', 'imageName', 'systemSnapshot', 'dataSnapshot', 'description', 'tags', 'tagKey', 'tagValue', 'resourceGroupId', 'quota'];
    const base = order.indexOf(i.field);
    const tagBase = i.field === 'tagKey' || i.field === 'tagValue' ? order.indexOf('tagKey') : base;
    return tagBase * 1000 + (i.index ?? 0) * 2 + (i.field === 'tagValue' ? 1 : 0);
  };
  return [...issues].sort((a, b) => rank(a) - rank(b));
}
