// The panel's host-side brain, vscode-free: it validates every webview message (untrusted),
// answers requests, runs the submission with one ClientToken per submission (reused by
// Retry), and places errors. The VS Code adapter (createImagePanel.ts) supplies `ui`.
import { randomUUID } from 'node:crypto';
import { buildCliCommand } from '../core/cliCommand';
import { isPermissionDeniedCode, isSwasError } from '../core/errors';
import type { CreateCustomImageParams, RegionData } from '../core/model';
import { validateCreateImage } from '../core/rules/validateCreateImage';
import type { FormContext, FormDraft, HostMessage, SubmitState, WebviewMessage } from '../protocol/createImageMessages';
import { errorPlacement, isRetryableCode } from '../protocol/errorPlacement';
import type { FormStringKey, FormStrings } from '../protocol/formStrings';
import { fmt } from '../protocol/formStrings';
import { parseWebviewMessage } from '../protocol/validateWebviewMessage';
import type { CreateImageDeps, CreateImageTarget, DraftStore } from './createImageDeps';
import { panelKey } from './createImageDeps';
import { buildFormContext, createdImage, ruleContext } from './formContext';

export interface CreateImageUi {
  post(message: HostMessage): void;
  strings: FormStrings;
  locale: string;
  /** Progress notification around the API call. */
  withProgress<T>(imageName: string, task: () => Promise<T>): Promise<T>;
  /** Success notification; resolves true when the user chose "Reveal in Explorer". */
  notifyCreated(imageName: string, imageId: string): Promise<boolean>;
  copyCli(command: string): Promise<void>;
  showError(message: string): void;
  /** The host's localized sentence for an error the form has no string of its own for. */
  describeError?(e: unknown): string;
  /** Bring the panel to the front (after the snapshot command, the form comes back). */
  reveal(): void;
  close(): void;
}

interface Pending {
  key: string;
  params: CreateCustomImageParams;
}

export function draftToParams(regionId: string, instanceId: string, d: FormDraft, clientToken: string): CreateCustomImageParams {
  const p: CreateCustomImageParams = { regionId, instanceId, imageName: d.imageName, systemSnapshotId: d.systemSnapshotId, clientToken };
  if (d.dataSnapshotId) p.dataSnapshotId = d.dataSnapshotId;
  if (d.description) p.description = d.description;
  if (d.resourceGroupId) p.resourceGroupId = d.resourceGroupId;
  if (d.tags.length) p.tags = d.tags.map((t) => ({ key: t.key, value: t.value }));
  return p;
}

export class CreateImageController {
  private context: FormContext | undefined;
  private submitState: SubmitState = { phase: 'idle' };
  private pending: Pending | undefined;
  private busy = false;
  private ready = false;
  private disposed = false;
  private snapshotPoll: { timer: ReturnType<typeof setTimeout>; wake: () => void } | undefined;

  constructor(
    private readonly target: CreateImageTarget,
    private readonly deps: CreateImageDeps,
    private readonly ui: CreateImageUi,
    private readonly drafts: DraftStore,
    private regionName: string,
    data: RegionData,
  ) {
    this.context = buildFormContext(data, regionName, target.instanceId, target.snapshotId ?? '');
  }

  get serverName(): string {
    return this.context?.server.instanceName ?? this.target.instanceId;
  }

  /** The entry point was used again for this server (maybe with a snapshot chosen). */
  preselect(snapshotId: string | undefined): void {
    if (!snapshotId || !this.context) return;
    this.context = { ...this.context, preselectedSystemSnapshotId: snapshotId };
    const draft = this.drafts.get(panelKey(this.target));
    if (draft) this.drafts.set(panelKey(this.target), { ...draft, systemSnapshotId: snapshotId });
    if (this.ready) this.sendInit();
  }

  /** Entry for every message from the webview. Never throws. */
  async handle(raw: unknown): Promise<void> {
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

  private async dispatch(m: WebviewMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.sendInit();
        return;
      case 'draftChanged':
        this.drafts.set(panelKey(this.target), m.draft);
        return;
      case 'request':
        return this.checkName(m.id, m.params.name);
      case 'submit':
        this.drafts.set(panelKey(this.target), m.draft);
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

  private sendInit(): void {
    if (!this.context || this.disposed) return;
    const draft = this.drafts.get(panelKey(this.target)) ?? null;
    this.ui.post({ type: 'init', locale: this.ui.locale, strings: this.ui.strings, context: this.context, draft, submit: this.submitState });
  }

  private setSubmit(state: SubmitState): void {
    this.submitState = state;
    this.post({ type: 'submitState', state });
  }

  private async reloadContext(): Promise<void> {
    const data = await this.deps.loadRegion(this.target.regionId, { fresh: true });
    const ctx = buildFormContext(data, this.regionName, this.target.instanceId, this.context?.preselectedSystemSnapshotId ?? '');
    if (!ctx) return;
    this.context = ctx;
    this.post({ type: 'context', context: ctx });
  }

  /**
   * Is the name taken? Answered from the region's image list as loaded (the tree's cached
   * RegionData, which may be newer than the form's), never with a call: ListCustomImages is the
   * account's to spend, and the API rejects a duplicate anyway (ImageNameAlreadyExist, placed
   * under the name field by `fail`).
   */
  private checkName(id: number, name: string): void {
    const cached = this.deps.cachedRegion?.(this.target.regionId)?.images.map((i) => i.name) ?? [];
    const taken = [...(this.context?.imageNames ?? []), ...cached].includes(name);
    this.post({ type: 'response', id, kind: 'checkName', ok: true, result: { taken } });
  }

  private async submit(draft: FormDraft): Promise<void> {
    if (this.busy || this.submitState.phase === 'succeeded' || !this.context) {
      this.deps.logger.warn('Create Custom Image: ignored a submit while another is running or done');
      return;
    }
    const issues = validateCreateImage(draft, ruleContext(this.context));
    if (issues.length) {
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
    const api = this.deps.getApi();
    if (!pending) return;
    if (!api) {
      this.setSubmit({ phase: 'failed', code: 'NotSignedIn', requestId: '', placement: 'banner', retryable: false, message: this.t('error.NotSignedIn') });
      return;
    }
    this.busy = true;
    this.setSubmit({ phase: 'submitting' });
    try {
      const res = await this.ui.withProgress(pending.params.imageName, () => api.createCustomImage(pending.params));
      this.pending = undefined;
      this.drafts.set(panelKey(this.target), undefined);
      this.setSubmit({ phase: 'succeeded', imageId: res.imageId, requestId: res.requestId });
      // The quota line counts the new image at once. (The name is not added to the form's list:
      // the form would then flag its own, just-created name as taken.)
      if (this.context) {
        this.context = { ...this.context, imageCount: this.context.imageCount + 1 };
        this.post({ type: 'context', context: this.context });
      }
      // The response holds the ImageId: the tree shows the image (creating) without a re-read.
      if (this.deps.imageCreated) this.deps.imageCreated(this.target.regionId, createdImage(pending.params, res.imageId, this.context, new Date()));
      else this.deps.refreshImages(this.target.regionId);
      void this.ui.notifyCreated(pending.params.imageName, res.imageId).then((reveal) => {
        if (reveal) return this.deps.revealImage(this.target.regionId, res.imageId);
        return undefined;
      });
    } catch (e) {
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
    this.setSubmit({ phase: 'failed', code, requestId, placement: errorPlacement(code), retryable, message: this.errorMessage(code, detail, e) });
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
    if (code.startsWith('Transport.') || code === 'ServiceUnavailable') return this.t('error.transport', code);
    if (code.startsWith('Throttling')) return this.t('error.throttling');
    if (isPermissionDeniedCode(code)) return this.t('error.Forbidden.RAM');
    // Core's messages are English: let the host say it in the UI language when it can.
    if (e !== undefined && this.ui.describeError) return this.t('error.generic', this.ui.describeError(e));
    return this.t('error.generic', `${code}: ${detail}`);
  }

  private async copyCli(draft: FormDraft): Promise<void> {
    await this.ui.copyCli(buildCliCommand(draftToParams(this.target.regionId, this.target.instanceId, draft, '')));
  }

  private async createSnapshot(): Promise<void> {
    const data = await this.deps.loadRegion(this.target.regionId);
    const server = data.instances.find((i) => i.instanceId === this.target.instanceId);
    const disk = server?.disks.find((d) => d.diskType === 'System');
    if (!disk) {
      this.post({ type: 'snapshotState', state: 'failed', message: this.t('systemSnapshot.none') });
      return;
    }
    this.post({ type: 'snapshotState', state: 'creating' });
    const started = await this.deps.createSnapshot({ regionId: this.target.regionId, instanceId: this.target.instanceId, diskId: disk.diskId });
    if (!started) {
      this.post({ type: 'snapshotState', state: 'done' });
      this.ui.reveal();
      return;
    }
    await this.pollSnapshots(Date.now() + 15 * 60_000);
  }

  /** Refresh the form until the server has a usable system snapshot (or give up). */
  private async pollSnapshots(deadline: number): Promise<void> {
    if (this.disposed) return;
    await this.reloadContext();
    const usable = this.context?.snapshots.some((s) => s.sourceDiskType === 'System' && s.status === 'Accomplished');
    if (usable || Date.now() > deadline) {
      this.post({ type: 'snapshotState', state: 'done' });
      this.ui.reveal();
      return;
    }
    await new Promise<void>((wake) => (this.snapshotPoll = { timer: setTimeout(wake, 3000), wake }));
    return this.pollSnapshots(deadline);
  }

  dispose(): void {
    this.disposed = true;
    if (this.snapshotPoll) {
      clearTimeout(this.snapshotPoll.timer);
      this.snapshotPoll.wake();
    }
  }
}
