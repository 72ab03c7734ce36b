// The panel's host-side brain, vscode-free: it validates every webview message (untrusted),
// answers requests, runs the submission with one ClientToken per submission (reused by
// Retry), and places errors. It is bound to the profile it was opened for: a session change
// re-binds it (same profile) or closes it (sign-out, other profile), and aborts its work in
// flight. The VS Code adapter (createImagePanel.ts) supplies `ui`.
import { randomUUID } from 'node:crypto';
import { buildCliCommand } from '../core/cliCommand';
import { isPermissionDeniedCode, isSwasError } from '../core/errors';
import type { CreateCustomImageParams, RegionData } from '../core/model';
import { blockingIssues } from '../core/rules/ruleCodes';
import { validateCreateImage } from '../core/rules/validateCreateImage';
import type { FormContext, FormDraft, HostMessage, SubmitState, WebviewMessage } from '../protocol/createImageMessages';
import { errorPlacement, isPermissionCode, isRetryableCode } from '../protocol/errorPlacement';
import type { FormStringKey, FormStrings } from '../protocol/formStrings';
import { fmt } from '../protocol/formStrings';
import { parseWebviewMessage } from '../protocol/validateWebviewMessage';
import type { CreateImageDeps, CreateImageTarget, DraftStore } from './createImageDeps';
import { panelKey } from './createImageDeps';
import { buildFormContext, createdImage, ruleContext } from './formContext';
import { settledOutcome, waitForSnapshot } from './snapshotWait';

export interface CreateImageUi {
  post(message: HostMessage): void;
  strings: FormStrings;
  locale: string;
  /** Progress notification around the API call. */
  withProgress<T>(imageName: string, task: () => Promise<T>): Promise<T>;
  /** Success notification; resolves true when the user chose "Reveal in Explorer". */
  notifyCreated(imageName: string, imageId: string): Promise<boolean>;
  /** The line for sh/bash/zsh, and the same for PowerShell. */
  copyCli(command: string, powerShell: string): Promise<void>;
  /** The host's localized sentence for an error the form has no string of its own for. */
  describeError?(e: unknown): string;
  /** Bring the panel to the front (after the snapshot command, the form comes back). */
  reveal(): void;
  close(): void;
  /** The session ended for this form: say why (a notification) and close the panel. */
  closeForSession(message: string): void;
}

interface Pending {
  key: string;
  params: CreateCustomImageParams;
}

export type SessionOutcome = 'rebound' | 'closed';

export function draftToParams(regionId: string, instanceId: string, d: FormDraft, clientToken: string): CreateCustomImageParams {
  const p: CreateCustomImageParams = { regionId, instanceId, imageName: d.imageName, systemSnapshotId: d.systemSnapshotId, clientToken };
  if (d.dataSnapshotId) p.dataSnapshotId = d.dataSnapshotId;
  if (d.description) p.description = d.description;
  if (d.resourceGroupId) p.resourceGroupId = d.resourceGroupId;
  if (d.tags.length) p.tags = d.tags.map((t) => ({ key: t.key, value: t.value }));
  return p;
}

/** Resolves with the task's value, or rejects with an AbortError as soon as `signal` aborts. */
function abortable<T>(task: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('Aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    task.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

export class CreateImageController {
  private context: FormContext | undefined;
  private submitState: SubmitState = { phase: 'idle' };
  private pending: Pending | undefined;
  private busy = false;
  private ready = false;
  private disposed = false;
  private snapshotRunning = false;
  /** Aborted by a session change, a re-bind or the panel closing: form reloads, snapshot waits. */
  private work = new AbortController();
  /** The name this form just created: never judged "taken" by the form itself. */
  private createdName: string | undefined;
  readonly key: string;

  constructor(
    private readonly target: CreateImageTarget,
    private readonly deps: CreateImageDeps,
    private readonly ui: CreateImageUi,
    private readonly drafts: DraftStore,
    private regionName: string,
    data: RegionData,
    /** The profile the form is for (the server belongs to its account). */
    readonly profile: string,
  ) {
    this.key = panelKey(profile, target);
    this.context = buildFormContext(data, regionName, target.instanceId, target.snapshotId ?? '');
  }

  get serverName(): string {
    return this.context?.server.instanceName ?? this.target.instanceId;
  }

  /** The entry point was used again for this server (maybe with a snapshot chosen). */
  preselect(snapshotId: string | undefined): void {
    if (!snapshotId || !this.context) return;
    this.context = { ...this.context, preselectedSystemSnapshotId: snapshotId };
    const draft = this.drafts.get(this.key);
    if (draft) this.drafts.set(this.key, { ...draft, systemSnapshotId: snapshotId });
    if (this.ready) this.sendInit();
  }

  /** Entry for every message from the webview. Never throws. */
  async handle(raw: unknown): Promise<void> {
    if (this.disposed) return;
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.deps.logger.warn(`Create Custom Image: ignored a webview message (${parsed.reason})`);
      return;
    }
    try {
      await this.dispatch(parsed.message);
    } catch (e) {
      this.deps.logger.error(`Create Custom Image: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * The session changed. The same profile (its keys or the endpoint changed): work in flight is
   * aborted, the form re-reads its data and says so in the banner. Signed out or another
   * profile: everything is aborted and the form closes, saying why; the draft stays under this
   * form's profile.
   */
  sessionChanged(profile: string | undefined): SessionOutcome {
    if (this.disposed) return 'closed';
    this.work.abort();
    this.work = new AbortController();
    if (profile === this.profile) {
      this.post({ type: 'notice', text: this.t('session.rebound', this.profile) });
      void this.reloadContext().catch((e: unknown) =>
        this.deps.logger.warn(`Create Custom Image: reload after a session change failed: ${String(e)}`),
      );
      return 'rebound';
    }
    const message =
      profile === undefined
        ? this.t('session.closedSignedOut', this.serverName, this.profile)
        : this.t('session.closedSwitched', this.serverName, this.profile, profile);
    this.dispose();
    this.ui.closeForSession(message);
    return 'closed';
  }

  private async dispatch(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.sendInit();
        return;
      case 'draftChanged':
        this.drafts.set(this.key, m.draft);
        return;
      case 'request':
        return this.checkName(m.id, m.params.name);
      case 'submit':
        this.drafts.set(this.key, m.draft);
        return this.submit(m.draft);
      case 'retry':
        return this.retry();
      case 'cancel':
        this.ui.close();
        return;
      case 'copyCli':
        return this.copyCli(m.draft);
      case 'createSnapshot':
        return this.createSnapshot();
    }
  }

  private post(m: HostMessage): void {
    if (this.ready && !this.disposed) this.ui.post(m);
  }

  /** The context as the webview sees it: the form's own new image is not "taken" by itself. */
  private shown(ctx: FormContext): FormContext {
    const own = this.createdName;
    return own === undefined ? ctx : { ...ctx, imageNames: ctx.imageNames.filter((n) => n !== own) };
  }

  private sendInit(): void {
    if (!this.context || this.disposed) return;
    const draft = this.drafts.get(this.key) ?? null;
    this.ui.post({
      type: 'init',
      locale: this.ui.locale,
      strings: this.ui.strings,
      context: this.shown(this.context),
      draft,
      submit: this.submitState,
    });
  }

  private setSubmit(state: SubmitState): void {
    this.submitState = state;
    this.post({ type: 'submitState', state });
  }

  private setContext(data: RegionData): void {
    const prev = this.context;
    const ctx = buildFormContext(data, this.regionName, this.target.instanceId, prev?.preselectedSystemSnapshotId ?? '');
    if (!ctx) return;
    // The API's CustomImageQuotaLimit stays the fact until this region has fewer images than then.
    if (prev?.quotaFact && ctx.imageCount >= prev.quotaFact.imageCount) ctx.quotaFact = prev.quotaFact;
    this.context = ctx;
    this.post({ type: 'context', context: this.shown(ctx) });
  }

  private async reloadContext(): Promise<void> {
    const signal = this.work.signal;
    const data = await abortable(this.deps.loadRegion(this.target.regionId, { fresh: true, signal }), signal);
    if (!signal.aborted) this.setContext(data);
  }

  /**
   * Is the name taken? Answered from the region's image list as loaded (the tree's cached
   * RegionData, which may be newer than the form's), never with a call: ListCustomImages is the
   * account's to spend, and the API rejects a duplicate anyway (ImageNameAlreadyExist, placed
   * under the name field by `fail`).
   */
  private checkName(id: number, name: string): void {
    const cached = this.deps.cachedRegion(this.target.regionId)?.images.map((i) => i.name) ?? [];
    const taken = name !== this.createdName && [...(this.context?.imageNames ?? []), ...cached].includes(name);
    this.post({ type: 'response', id, kind: 'checkName', ok: true, result: { taken } });
  }

  private async submit(draft: FormDraft): Promise<void> {
    if (this.busy || this.submitState.phase === 'succeeded' || !this.context) {
      this.deps.logger.warn('Create Custom Image: ignored a submit while another is running or done');
      return;
    }
    // Only confirmed rules stop a submit; advice is the webview's to show, the API decides.
    const issues = validateCreateImage(draft, ruleContext(this.context));
    if (blockingIssues(issues).length) {
      this.setSubmit({ phase: 'invalid', issues });
      return;
    }
    const key = JSON.stringify(draftToParams(this.target.regionId, this.target.instanceId, draft, ''));
    // Same inputs after a retryable failure = the same submission: keep its ClientToken.
    if (this.pending?.key !== key) {
      this.pending = { key, params: draftToParams(this.target.regionId, this.target.instanceId, draft, randomUUID()) };
    }
    await this.run();
  }

  private async retry(): Promise<void> {
    if (this.busy || !this.pending || this.submitState.phase !== 'failed' || !this.submitState.retryable) {
      this.deps.logger.warn('Create Custom Image: ignored a retry with nothing to retry');
      return;
    }
    await this.run();
  }

  private async run(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    // Never submit A's server with B's keys: the session must still be this form's profile.
    const api = this.deps.profile() === this.profile ? this.deps.getApi() : undefined;
    if (!api) {
      this.setSubmit({
        phase: 'failed',
        code: 'Session.Changed',
        requestId: '',
        placement: 'banner',
        retryable: false,
        message: this.t('error.session', this.profile),
      });
      return;
    }
    this.busy = true;
    this.setSubmit({ phase: 'submitting' });
    const row = this.deps.activity?.imageSubmitting(pending.params, this.serverName);
    try {
      const res = await this.ui.withProgress(pending.params.imageName, () => api.createCustomImage(pending.params));
      if (row !== undefined) this.deps.activity?.imageCreated(row, res.imageId, res.requestId);
      this.pending = undefined;
      this.drafts.set(this.key, undefined);
      // Closed by a session change meanwhile: say it was created, but the other account's tree
      // must not get this image.
      if (this.disposed) return void this.ui.notifyCreated(pending.params.imageName, res.imageId);
      this.createdName = pending.params.imageName;
      this.setSubmit({ phase: 'succeeded', imageId: res.imageId, requestId: res.requestId });
      // The quota line counts the new image at once (its name is not judged by this form).
      if (this.context) {
        this.context = {
          ...this.context,
          imageCount: this.context.imageCount + 1,
          imageNames: [...this.context.imageNames, pending.params.imageName],
        };
        this.post({ type: 'context', context: this.shown(this.context) });
      }
      // The response holds the ImageId: the tree shows the image (creating) without a re-read.
      if (this.deps.imageCreated)
        this.deps.imageCreated(this.target.regionId, createdImage(pending.params, res.imageId, this.context, new Date()));
      else this.deps.refreshImages(this.target.regionId);
      void this.ui.notifyCreated(pending.params.imageName, res.imageId).then((reveal) => {
        if (reveal) return this.deps.revealImage(this.target.regionId, res.imageId);
        return undefined;
      });
    } catch (e) {
      if (row !== undefined) this.deps.activity?.imageFailed(row, e);
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private fail(e: unknown): void {
    const code = isSwasError(e) ? e.code : 'Transport.Failed';
    const requestId = isSwasError(e) ? (e.requestId ?? '') : '';
    const retryable = isRetryableCode(code) || (isSwasError(e) && e.retryable);
    if (!retryable) this.pending = undefined;
    const detail = isSwasError(e) ? e.message : e instanceof Error ? e.message : String(e);
    const placement = errorPlacement(code);
    if (code === 'CustomImageQuotaLimit' && this.context) {
      this.context = { ...this.context, quotaFact: { apiMessage: detail, requestId, imageCount: this.context.imageCount } };
      this.post({ type: 'context', context: this.shown(this.context) });
    }
    this.setSubmit({ phase: 'failed', code, requestId, placement, retryable, message: this.errorMessage(code, detail, e) });
    // The form's lists were stale: re-read the region so the form (and the tree) catch up.
    if (code === 'ImageNameAlreadyExist' || code === 'CustomImageQuotaLimit' || code.includes('SnapshotId')) {
      this.deps.refreshImages(this.target.regionId);
      void this.reloadContext().catch((err: unknown) => this.deps.logger.warn(`Create Custom Image: reload failed: ${String(err)}`));
    }
  }

  private t(key: FormStringKey, ...args: Array<string | number>): string {
    return fmt(this.ui.strings[key], ...args);
  }

  errorMessage(code: string, detail: string, e?: unknown): string {
    const key = `error.${code}` as FormStringKey;
    if (key in this.ui.strings) return this.t(key);
    if (isPermissionCode(code)) return this.t('error.permission');
    if (code.startsWith('Transport.') || code === 'ServiceUnavailable') return this.t('error.transport', code);
    if (code.startsWith('Throttling')) return this.t('error.throttling');
    if (isPermissionDeniedCode(code)) return this.t('error.Forbidden.RAM');
    // Core's messages are English: let the host say it in the UI language when it can.
    if (e !== undefined && this.ui.describeError) return this.t('error.generic', this.ui.describeError(e));
    return this.t('error.generic', `${code}: ${detail}`);
  }

  private async copyCli(draft: FormDraft): Promise<void> {
    const params = draftToParams(this.target.regionId, this.target.instanceId, draft, '');
    await this.ui.copyCli(buildCliCommand(params), buildCliCommand(params, 'powershell'));
  }

  /**
   * "Create a system disk snapshot": runs the Create Snapshot command, then follows the tree's
   * updates of the region (no polling of its own) until the snapshot settles, fails or goes.
   * Whatever happens — cancel, failure, a throw, a session change — the form ends usable.
   */
  private async createSnapshot(): Promise<void> {
    if (this.snapshotRunning) return;
    this.snapshotRunning = true;
    const signal = this.work.signal;
    const regionId = this.target.regionId;
    let final: Extract<HostMessage, { type: 'snapshotState' }> = { type: 'snapshotState', state: 'done' };
    try {
      const data = this.deps.cachedRegion(regionId) ?? (await abortable(this.deps.loadRegion(regionId, { signal }), signal));
      const server = data.instances.find((i) => i.instanceId === this.target.instanceId);
      const disk = server?.disks.find((d) => String(d.diskType).toLowerCase() === 'system');
      if (!disk) {
        final = { type: 'snapshotState', state: 'failed', message: this.t('systemSnapshot.none') };
        return;
      }
      this.post({ type: 'snapshotState', state: 'creating' });
      const requested = await abortable(
        this.deps.createSnapshot({ regionId, instanceId: this.target.instanceId, diskId: disk.diskId }),
        signal,
      );
      if (!requested) return;
      const outcome = settledOutcome(requested.status) ?? (await waitForSnapshot(this.deps, regionId, requested.snapshotId, signal));
      if (outcome === 'aborted') return;
      const now = this.deps.cachedRegion(regionId);
      if (now) this.setContext(now);
      if (outcome === 'failed') final = { type: 'snapshotState', state: 'failed', message: this.t('systemSnapshot.failedState') };
      else if (outcome === 'gone') final = { type: 'snapshotState', state: 'failed', message: this.t('systemSnapshot.gone') };
      else if (outcome === 'timeout') final = { type: 'snapshotState', state: 'failed', message: this.t('systemSnapshot.slow') };
    } catch (e) {
      if (signal.aborted) return;
      const detail = isSwasError(e) ? e.code : e instanceof Error ? e.message : String(e);
      this.deps.logger.warn(`Create Custom Image: the system disk snapshot failed: ${detail}`);
      final = { type: 'snapshotState', state: 'failed', message: this.t('systemSnapshot.error', detail) };
    } finally {
      this.snapshotRunning = false;
      this.post(final);
      if (!this.disposed) this.ui.reveal();
    }
  }

  dispose(): void {
    this.disposed = true;
    this.work.abort();
  }
}
