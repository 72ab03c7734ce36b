// The form's controller in the webview: state, live validation, messages to and from the host.
// Rule issues come with a severity: errors (confirmed rules) block the submit and show as
// errors; advice (likely or guessed rules) shows as an advice line and the user may submit.
import { DESCRIPTION_MAX } from '../src/core/rules/description';
import { MAX_TAGS } from '../src/core/rules/tags';
import { validateImageName } from '../src/core/rules/imageName';
import type { RuleIssue } from '../src/core/rules/ruleCodes';
import { blockingIssues, severityOf } from '../src/core/rules/ruleCodes';
import { validateCreateImage } from '../src/core/rules/validateCreateImage';
import type { FormContext, FormDraft, HostMessage, SubmitState } from '../src/protocol/createImageMessages';
import type { FormStrings } from '../src/protocol/formStrings';
import { FORM_STRINGS_EN, fmt } from '../src/protocol/formStrings';
import type { ApiFailure } from './formErrors';
import { announceIssues, apiText, controlFor, inFormOrder, renderFieldErrors, ruleMessage } from './formErrors';
import { renderAdvice, renderQuota, renderServerInfo, renderSnapshotDropdown, snapshotOptions } from './formRender';
import type { FormRefs, TagRowRefs } from './formView';
import { buildForm, buildTagRow } from './formView';
import type { FieldElement } from './toolkit';
import { getValue, isTextField, onClick, onEdit, setDisabled, setValue } from './toolkit';
import { NameChecker } from './hostRequests';
import type { VsCodeApi } from './vscodeApi';

/** Focus after the toolkit has re-rendered (a control unlocked this turn is still disabled inside). */
function focusSoon(el: HTMLElement): void {
  requestAnimationFrame(() => el.focus());
}
const DRAFT_POST_MS = 300;

export class FormApp {
  private t: FormStrings = { ...FORM_STRINGS_EN };
  private ctx: FormContext | undefined;
  private refs: FormRefs | undefined;
  private rows: TagRowRefs[] = [];
  private draft: FormDraft = { imageName: '', systemSnapshotId: '', dataSnapshotId: '', description: '', resourceGroupId: '', tags: [] };
  private touched = new Set<string>();
  private showAll = false;
  private takenNames = new Set<string>();
  private hostIssues: RuleIssue[] = [];
  private apiError: ApiFailure | undefined;
  private phase: SubmitState['phase'] = 'idle';
  private readonly names: NameChecker;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly api: VsCodeApi,
    private readonly mount: HTMLElement,
  ) {
    this.names = new NameChecker(api);
  }

  start(): void {
    window.addEventListener('message', (e: MessageEvent) => this.onMessage(e.data as HostMessage));
    this.api.postMessage({ type: 'ready' });
  }

  private onMessage(m: HostMessage): void {
    if (typeof m !== 'object' || m === null || typeof m.type !== 'string') return;
    switch (m.type) {
      case 'init':
        this.init(m.strings, m.locale, m.context, m.draft, m.submit);
        break;
      case 'context':
        this.ctx = m.context;
        this.renderContext();
        break;
      case 'response':
        this.names.onResponse(m);
        break;
      case 'submitState':
        this.applySubmitState(m.state);
        break;
      case 'snapshotState':
        this.applySnapshotState(m.state, m.message);
        break;
      case 'notice':
        this.showNotice(m.text);
        break;
    }
  }

  private init(strings: FormStrings, locale: string, ctx: FormContext, hostDraft: FormDraft | null, submit: SubmitState): void {
    this.t = { ...FORM_STRINGS_EN, ...strings };
    document.documentElement.lang = locale;
    document.title = `${this.t.title}: ${ctx.server.instanceName}`;
    this.ctx = ctx;
    const fromState = this.api.getState()?.draft;
    const saved = fromState ?? hostDraft;
    if (saved) this.draft = { ...saved, tags: saved.tags.map((x) => ({ ...x })) };
    if (ctx.preselectedSystemSnapshotId) this.draft.systemSnapshotId = ctx.preselectedSystemSnapshotId;
    const refs = buildForm(this.t);
    this.refs = refs;
    // Success is the first thing the form shows: its box sits right under the title.
    refs.root.querySelector('h1')?.after(refs.result);
    refs.result.tabIndex = -1;
    this.mount.replaceChildren(refs.root);
    this.mount.removeAttribute('aria-busy');
    document.getElementById('description-help')?.replaceChildren(fmt(this.t['description.help'], DESCRIPTION_MAX));
    document.getElementById('tags-help')?.replaceChildren(fmt(this.t['tags.help'], MAX_TAGS));
    refs.quota.tabIndex = -1;
    (refs.errors.server as HTMLElement).tabIndex = -1;
    setValue(refs.imageName, this.draft.imageName);
    setValue(refs.description, this.draft.description);
    setValue(refs.resourceGroupId, this.draft.resourceGroupId);
    this.wire(refs);
    this.renderTags();
    this.renderContext();
    this.applySubmitState(submit);
    if (this.draft.imageName) this.scheduleNameCheck();
    // The host keeps drafts across close; tell it about one restored from webview state.
    if (fromState) this.api.postMessage({ type: 'draftChanged', draft: this.draft });
  }

  private wire(r: FormRefs): void {
    const text = (el: FieldElement, field: 'imageName' | 'description' | 'resourceGroupId'): void =>
      onEdit(el, () => {
        if (this.draft[field] === getValue(el)) return;
        this.draft[field] = getValue(el);
        this.edited(field);
        if (field === 'imageName') this.scheduleNameCheck();
      });
    text(r.imageName, 'imageName');
    text(r.description, 'description');
    text(r.resourceGroupId, 'resourceGroupId');
    const pick = (el: FieldElement, field: 'systemSnapshotId' | 'dataSnapshotId', id: string): void =>
      onEdit(el, () => {
        if (this.draft[field] === getValue(el)) return;
        this.draft[field] = getValue(el);
        this.edited(id);
      });
    pick(r.systemSnapshot, 'systemSnapshotId', 'systemSnapshot');
    pick(r.dataSnapshot, 'dataSnapshotId', 'dataSnapshot');
    onClick(r.addTag, () => {
      if (this.locked()) return;
      this.draft.tags.push({ key: '', value: '' });
      this.renderTags();
      this.edited('tags');
      this.rows[this.rows.length - 1]?.key.focus();
    });
    onClick(r.submit, () => this.submit());
    r.root.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' && isTextField(e.target)) {
        e.preventDefault();
        this.submit();
      }
    });
    onClick(r.cancel, () => this.api.postMessage({ type: 'cancel' }));
    onClick(r.copyCli, () => this.api.postMessage({ type: 'copyCli', draft: this.draft }));
    onClick(r.retry, () => {
      if (this.phase !== 'failed' || !this.apiError?.retryable) return;
      this.api.postMessage({ type: 'retry' });
    });
    onClick(r.createSnapshot, () => this.api.postMessage({ type: 'createSnapshot' }));
  }

  private renderTags(): void {
    const r = this.refs;
    if (!r) return;
    this.rows = this.draft.tags.map((tag, i) => {
      const row = buildTagRow(this.t, i, (tpl) => fmt(tpl, i + 1));
      setValue(row.key, tag.key);
      setValue(row.value, tag.value);
      onEdit(row.key, () => this.tagEdited(i, 'key', getValue(row.key)));
      onEdit(row.value, () => this.tagEdited(i, 'value', getValue(row.value)));
      onClick(row.remove, () => {
        if (this.locked()) return;
        this.draft.tags.splice(i, 1);
        this.renderTags();
        this.edited('tags');
        (this.rows[i]?.key ?? this.rows[i - 1]?.key ?? r.addTag).focus();
      });
      return row;
    });
    r.tagRows.replaceChildren(...this.rows.map((x) => x.row));
    this.applyLock();
  }

  private tagEdited(i: number, part: 'key' | 'value', value: string): void {
    const tag = this.draft.tags[i];
    if (!tag || tag[part] === value) return;
    tag[part] = value;
    this.edited(`tag-${i}`);
  }

  private renderContext(): void {
    const r = this.refs;
    const ctx = this.ctx;
    if (!r || !ctx) return;
    renderServerInfo(r.serverInfo, this.t, ctx);
    const ids = new Set(ctx.snapshots.map((s) => s.snapshotId));
    if (!ids.has(this.draft.dataSnapshotId)) this.draft.dataSnapshotId = '';
    const { usable } = snapshotOptions(this.t, ctx, 'system');
    if (!ids.has(this.draft.systemSnapshotId) || (this.draft.systemSnapshotId === '' && usable.length))
      this.draft.systemSnapshotId = usable[0] ?? '';
    renderSnapshotDropdown(r.systemSnapshot, this.t, ctx, 'system', this.draft.systemSnapshotId);
    renderSnapshotDropdown(r.dataSnapshot, this.t, ctx, 'data', this.draft.dataSnapshotId);
    r.systemSnapshotEmpty.hidden = usable.length > 0;
    this.validate();
  }

  private edited(field: string): void {
    this.touched.add(field);
    this.hostIssues = [];
    if (this.apiError && this.apiError.placement !== 'banner' && field.startsWith(this.apiError.placement)) this.apiError = undefined;
    if (this.refs && this.apiError?.placement === 'banner') this.refs.retry.hidden = true;
    if (this.refs) this.refs.result.hidden = true;
    this.api.setState({ draft: this.draft });
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.api.postMessage({ type: 'draftChanged', draft: this.draft }), DRAFT_POST_MS);
    this.validate();
  }

  private ruleIssues(): RuleIssue[] {
    const ctx = this.ctx;
    if (!ctx) return [];
    const local = validateCreateImage(this.draft, {
      instanceId: ctx.server.instanceId,
      instanceStatus: ctx.server.status,
      snapshots: ctx.snapshots,
      existingImageNames: [...ctx.imageNames, ...this.takenNames],
      serverCount: ctx.serverCount,
      imageCount: ctx.imageCount,
    });
    const extra = this.hostIssues.filter((h) => !local.some((l) => l.field === h.field && l.index === h.index));
    return inFormOrder([...local, ...extra]);
  }

  /** All issues (errors and advice), in form order. None once the image was created. */
  private validate(): RuleIssue[] {
    const r = this.refs;
    const ctx = this.ctx;
    if (!r || !ctx) return [];
    // After a success the form is done: it never judges its own, just-created name.
    const issues = this.phase === 'succeeded' ? [] : this.ruleIssues();
    const visible = (i: RuleIssue): boolean =>
      this.showAll ||
      i.field === 'quota' ||
      i.field === 'server' ||
      this.touched.has(i.field === 'tagKey' || i.field === 'tagValue' ? `tag-${i.index ?? 0}` : i.field);
    const errors = blockingIssues(issues);
    renderFieldErrors(this.t, r, this.rows, { issues: errors, visible, apiError: this.apiError });
    const advice = issues.filter((i) => i.severity !== 'error' && visible(i) && this.apiError?.placement !== i.field);
    renderAdvice(r, this.rows, this.t, advice, (i) => ruleMessage(this.t, i));
    const quotaApi = this.apiError?.placement === 'quota' ? apiText(this.t, this.apiError) : '';
    renderQuota(r.quota, r.errors.quota as HTMLElement, this.t, ctx, quotaApi);
    this.applyLock();
    return issues;
  }

  private scheduleNameCheck(): void {
    this.names.cancel();
    const name = this.draft.imageName;
    const r = this.refs;
    if (!r) return;
    r.imageNameStatus.textContent = '';
    const code = validateImageName(name);
    if ((code && severityOf(code) === 'error') || this.ctx?.imageNames.includes(name) || this.takenNames.has(name)) return;
    this.names.schedule(
      name,
      () => (r.imageNameStatus.textContent = this.t['imageName.checking']),
      (taken) => {
        if (this.draft.imageName !== name) return;
        if (taken) this.takenNames.add(name);
        r.imageNameStatus.textContent = taken === false ? this.t['imageName.free'] : '';
        this.validate();
      },
    );
  }

  private submit(): void {
    const r = this.refs;
    if (!r || this.locked()) return;
    this.showAll = true;
    this.apiError = undefined;
    r.banner.hidden = true;
    // Only errors stop the submit (and are announced); advice stays on screen and the API decides.
    const blocking = blockingIssues(this.validate());
    announceIssues(this.t, r, blocking);
    const first = blocking[0];
    if (first) {
      controlFor(r, this.rows, first).focus();
      return;
    }
    this.api.postMessage({ type: 'submit', draft: this.draft });
  }

  private locked(): boolean {
    return this.phase === 'submitting' || this.phase === 'succeeded';
  }

  private applyLock(): void {
    const r = this.refs;
    if (!r) return;
    const lock = this.locked();
    for (const el of [
      r.imageName,
      r.systemSnapshot,
      r.dataSnapshot,
      r.description,
      r.resourceGroupId,
      r.addTag,
      r.createSnapshot,
      r.copyCli,
    ])
      setDisabled(el, lock);
    for (const row of this.rows) for (const el of [row.key, row.value, row.remove]) setDisabled(el, lock);
    setDisabled(r.submit, lock);
    r.submit.textContent = this.phase === 'submitting' ? this.t.submitting : this.t.submit;
    r.submit.setAttribute('aria-busy', String(this.phase === 'submitting'));
    r.submitRing.hidden = this.phase !== 'submitting';
  }

  private applySubmitState(s: SubmitState): void {
    const r = this.refs;
    if (!r) return;
    this.phase = s.phase;
    r.banner.hidden = true;
    r.result.hidden = s.phase !== 'succeeded';
    this.apiError = s.phase === 'failed' ? s : undefined;
    if (s.phase === 'invalid') {
      this.showAll = true;
      this.hostIssues = s.issues;
    }
    if (s.phase === 'succeeded') {
      r.resultImageId.textContent = s.imageId;
      r.resultRequestId.textContent = s.requestId;
      focusSoon(r.result);
    }
    if (s.phase === 'failed' && s.placement === 'banner') {
      r.bannerText.textContent = apiText(this.t, s);
      r.retry.hidden = !s.retryable;
      r.banner.hidden = false;
    }
    const issues = blockingIssues(this.validate());
    if (s.phase === 'invalid') announceIssues(this.t, r, issues);
    if (s.phase === 'invalid' && issues[0]) focusSoon(controlFor(r, this.rows, issues[0]));
    if (s.phase === 'failed')
      focusSoon(
        s.placement === 'banner'
          ? s.retryable
            ? r.retry
            : r.banner
          : controlFor(r, this.rows, { field: s.placement, code: 'quota.full', severity: 'advice' }),
      );
  }

  /** A change around the form (e.g. the session's keys): said in the banner, not an error. */
  private showNotice(text: string): void {
    const r = this.refs;
    if (!r) return;
    r.bannerText.textContent = text;
    r.retry.hidden = true;
    r.banner.hidden = false;
  }

  private applySnapshotState(state: 'creating' | 'done' | 'failed', message: string | undefined): void {
    const r = this.refs;
    if (!r) return;
    r.snapshotProgress.hidden = state === 'done';
    r.snapshotProgress.textContent = state === 'creating' ? this.t['systemSnapshot.creating'] : (message ?? '');
    setDisabled(r.createSnapshot, state === 'creating');
  }
}
