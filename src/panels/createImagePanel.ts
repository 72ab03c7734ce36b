// VS Code side of the Create Custom Image form: one webview panel per server (opening it
// again reveals it), strict CSP with a fresh nonce, and the `ui` port for the controller.
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

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: CreateImageDeps,
    private readonly drafts: DraftStore = memoryDraftStore(),
  ) {}

  /** True (and revealed) when a panel for this server is already open. */
  revealExisting(target: CreateImageTarget): boolean {
    const existing = this.open.get(panelKey(target));
    if (!existing) return false;
    existing.controller.preselect(target.snapshotId);
    existing.panel.reveal();
    return true;
  }

  async show(target: CreateImageTarget, data: RegionData): Promise<void> {
    if (this.revealExisting(target)) return;
    const regionName = await this.regionName(target.regionId);
    if (this.revealExisting(target)) return; // opened meanwhile by a second invocation
    const key = panelKey(target);
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
    const controller = new CreateImageController(target, this.deps, this.ui(panel), this.drafts, regionName, data);
    const subs = [
      webview.onDidReceiveMessage((m: unknown) => void controller.handle(m)),
      panel.onDidDispose(() => {
        controller.dispose();
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
      copyCli: async (command) => {
        await vscode.env.clipboard.writeText(command);
        void vscode.window.showInformationMessage(vscode.l10n.t('Copied the aliyun CLI command to the clipboard.'));
      },
      showError: (message) => void vscode.window.showErrorMessage(message),
      describeError: (e) => errorSentence(e),
      reveal: () => panel.reveal(),
      close: () => panel.dispose(),
    };
  }

  dispose(): void {
    for (const { panel } of this.open.values()) panel.dispose();
    this.open.clear();
  }
}
