// VS Code side of the Create Custom Image form: one webview panel per profile and server
// (opening it again reveals it), strict CSP with a fresh nonce, and the `ui` port for the
// controller. Panels follow the session: on each change every open form re-binds (same
// profile) or closes with a notification that says what changed.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { RegionData } from '../core/model';
import type { CreateImageDeps, CreateImageTarget, DraftStore } from './createImageDeps';
import { memoryDraftStore, panelKey } from './createImageDeps';
import type { CreateImageUi } from './createImageController';
import { CreateImageController } from './createImageController';
import { buildFormHtml } from './formHtml';
import { localizedFormStrings } from './localizedFormStrings';
import { errorSentence } from '../platform/errorMessages';

interface OpenPanel {
  panel: vscode.WebviewPanel;
  controller: CreateImageController;
}

export class CreateImagePanels implements vscode.Disposable {
  private readonly open = new Map<string, OpenPanel>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: CreateImageDeps,
    onSessionChange: vscode.Event<unknown>,
    private readonly drafts: DraftStore = memoryDraftStore(),
  ) {
    this.subscription = onSessionChange(() => this.sessionChanged());
  }

  private sessionChanged(): void {
    const profile = this.deps.profile();
    for (const { controller } of [...this.open.values()]) controller.sessionChanged(profile);
  }

  private keyFor(target: CreateImageTarget): string | undefined {
    const profile = this.deps.profile();
    return profile === undefined ? undefined : panelKey(profile, target);
  }

  /** The open forms, as `profile/region/server` keys (for tests and diagnostics). */
  openForms(): string[] {
    return [...this.open.keys()];
  }

  /** Hands a message to an open form exactly as its webview would (the integration tests' way in). */
  async deliver(key: string, message: unknown): Promise<void> {
    await this.open.get(key)?.controller.handle(message);
  }

  /** True (and revealed) when a panel for this server is already open. */
  revealExisting(target: CreateImageTarget): boolean {
    const key = this.keyFor(target);
    const existing = key === undefined ? undefined : this.open.get(key);
    if (!existing) return false;
    existing.controller.preselect(target.snapshotId);
    existing.panel.reveal();
    return true;
  }

  async show(target: CreateImageTarget, data: RegionData): Promise<void> {
    if (this.revealExisting(target)) return;
    const regionName = await this.regionName(target.regionId);
    if (this.revealExisting(target)) return; // opened meanwhile by a second invocation
    const profile = this.deps.profile();
    if (profile === undefined) return; // signed out meanwhile
    const key = panelKey(profile, target);
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const server = data.instances.find((i) => i.instanceId === target.instanceId);
    const title = vscode.l10n.t('Create Custom Image: {0}', server?.instanceName || target.instanceId);
    const panel = vscode.window.createWebviewPanel('swas.createCustomImage', title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [dist, media],
    });
    const webview = panel.webview;
    webview.html = buildFormHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'form.css')).toString(),
      lang: vscode.env.language,
      title,
    });
    const controller = new CreateImageController(target, this.deps, this.ui(panel), this.drafts, regionName, data, profile);
    const subs = [
      webview.onDidReceiveMessage((m: unknown) => void controller.handle(m)),
      panel.onDidDispose(() => {
        controller.dispose();
        this.deps.activity?.formClosed(target.regionId, target.instanceId);
        this.open.delete(key);
        for (const s of subs) s.dispose();
      }),
    ];
    this.open.set(key, { panel, controller });
  }

  private async regionName(regionId: string): Promise<string> {
    try {
      return (await this.deps.listRegions()).find((r) => r.regionId === regionId)?.localName || regionId;
    } catch {
      return regionId;
    }
  }

  private ui(panel: vscode.WebviewPanel): CreateImageUi {
    return {
      post: (m) => void panel.webview.postMessage(m),
      strings: localizedFormStrings(),
      locale: vscode.env.language,
      withProgress: async (imageName, task) =>
        vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating custom image "{0}"…', imageName) },
          task,
        ),
      notifyCreated: async (imageName, imageId) => {
        const reveal = vscode.l10n.t('Reveal in Explorer');
        const choice = await vscode.window.showInformationMessage(
          vscode.l10n.t('Custom image "{0}" ({1}) is being created.', imageName, imageId),
          reveal,
        );
        return choice === reveal;
      },
      copyCli: async (command, powerShell) => {
        // PowerShell on Windows (or as the terminal's shell), sh/bash/zsh elsewhere; one click for the other.
        const ps = process.platform === 'win32' || /pwsh|powershell/i.test(vscode.env.shell);
        await vscode.env.clipboard.writeText(ps ? powerShell : command);
        const other = ps ? vscode.l10n.t('Copy for bash / zsh') : vscode.l10n.t('Copy for PowerShell');
        const shown = ps
          ? vscode.l10n.t('Copied the aliyun CLI command for PowerShell to the clipboard.')
          : vscode.l10n.t('Copied the aliyun CLI command to the clipboard.');
        const pick = await vscode.window.showInformationMessage(shown, other);
        if (pick === other) await vscode.env.clipboard.writeText(ps ? command : powerShell);
      },
      describeError: (e) => errorSentence(e),
      reveal: () => panel.reveal(),
      close: () => panel.dispose(),
      closeForSession: (message) => {
        panel.dispose();
        void vscode.window.showInformationMessage(message);
      },
    };
  }

  dispose(): void {
    this.subscription.dispose();
    for (const { panel } of this.open.values()) panel.dispose();
    this.open.clear();
  }
}
