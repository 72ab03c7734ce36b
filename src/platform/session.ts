// The signed-in state: the active profile, and one SWAS client for it (re-created when the
// profile, endpoint or timeout changes). Sets the `swas.signedIn` context key. No API call
// is made here: the client is created lazily and calls nothing until the tree asks.
import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import type { Credentials } from '../core/model';
import type { SwasApi } from '../core/swasApi';
import type { Limiter, WaitEvent } from '../core/limiter';
import { createLimiter } from '../core/limiter';
import { createSwasClient } from '../core/swasClient';
import type { CredentialStore } from './credentialStore';
import type { EndpointTrust } from './endpointTrust';
import type { OutputLogger } from './outputLogger';
import type { Settings } from './settings';

export interface SessionState {
  profile: string;
  accessKeyId: string;
}

export class Session implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SessionState | undefined>();
  /** Fires when the active profile (or its credentials, or the endpoint settings) change. */
  readonly onDidChange = this.emitter.event;
  private active: { name: string; credentials: Credentials } | undefined;
  private client: SwasApi | undefined;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  private readonly subs: vscode.Disposable[] = [];
  private reloadFailureShown = false;
  /** One limiter for the extension host: rate control per (account, region, operation) across clients. */
  private readonly limiter: Limiter = createLimiter();

  constructor(
    private readonly store: CredentialStore,
    private readonly settings: Settings,
    private readonly logger: OutputLogger,
    private readonly trust: EndpointTrust,
  ) {
    this.subs.push(
      store.onDidChange(() => void this.reloadSafely()),
      settings.onDidChange((e) => {
        if (e.affectsConfiguration('swas.endpoint') || e.affectsConfiguration('swas.requestTimeoutSeconds')) {
          if (e.affectsConfiguration('swas.endpoint')) this.trust.reset();
          this.client = undefined;
          this.emitter.fire(this.state);
        }
      }),
    );
  }

  get state(): SessionState | undefined {
    return this.active ? { profile: this.active.name, accessKeyId: this.active.credentials.accessKeyId } : undefined;
  }

  get signedIn(): boolean {
    return this.active !== undefined;
  }

  /** False when a call of `action` would now wait for the per-account rate limiter. */
  canCallNow(action: string): boolean {
    return this.active ? this.limiter.waitTime(this.active.credentials.accessKeyId, action) === 0 : false;
  }

  /** Waits of more than ~2 s for the rate control (and their end); returns the unsubscribe function. */
  onWait(listener: (e: WaitEvent) => void): () => void {
    return this.limiter.onWait(listener);
  }

  /** The client for the active profile, or undefined when signed out. */
  api(): SwasApi | undefined {
    if (!this.active) return undefined;
    if (!this.client) {
      const s = this.settings.read();
      const profile = this.active.name;
      this.client = createSwasClient({
        endpointTemplate: s.endpointTemplate,
        timeoutMs: s.timeoutMs,
        logger: this.logger as Logger,
        limiter: this.limiter,
        endpointGate: (template) => this.trust.ensure(template),
        credentials: { getCredentials: async () => (this.active?.name === profile ? this.active.credentials : undefined) },
      });
    }
    return this.client;
  }

  /**
   * `reload()` for callers that cannot handle a failure (activation, secret-change events): a
   * SecretStorage that cannot be read is logged and shown once (not once per event), and
   * `swas.sessionKnown` is set either way so the welcome view can show.
   */
  async reloadSafely(): Promise<void> {
    try {
      await this.reload();
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      this.logger.error(`Reading the saved credentials failed: ${text}`);
      if (!this.reloadFailureShown) {
        this.reloadFailureShown = true;
        void vscode.window.showErrorMessage(
          vscode.l10n.t('SWAS Explorer could not read the saved credentials from secret storage: {0}', text),
        );
      }
    } finally {
      await vscode.commands.executeCommand('setContext', 'swas.sessionKnown', true);
    }
  }

  /** Re-reads SecretStorage. Serialized: bursts of secret changes end in one consistent state. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        await this.readOnce();
      } while (this.reloadAgain);
    })().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async readOnce(): Promise<void> {
    const next = await this.store.getActive();
    const prev = this.active;
    const same =
      prev?.name === next?.name &&
      prev?.credentials.accessKeyId === next?.credentials.accessKeyId &&
      prev?.credentials.accessKeySecret === next?.credentials.accessKeySecret &&
      prev?.credentials.securityToken === next?.credentials.securityToken;
    if (same && prev !== undefined) return;
    this.active = next;
    this.client = undefined;
    this.logger.redactValues([next?.credentials.accessKeySecret, next?.credentials.securityToken]);
    await vscode.commands.executeCommand('setContext', 'swas.signedIn', next !== undefined);
    if (!same) {
      this.logger.info(next ? `Active profile: ${next.name}` : 'Signed out');
      this.emitter.fire(this.state);
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.emitter.dispose();
  }
}
