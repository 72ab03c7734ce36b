// Typed access to the webview API VS Code injects (a stand-in in the webview tests).
import type { FormDraft, WebviewMessage } from '../src/protocol/createImageMessages';

/** What the webview keeps in its state across hide/show: the draft only, never a secret. */
export interface PersistedState {
  draft: FormDraft | null;
}

export interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PersistedState | undefined;
  setState(state: PersistedState): void;
}

declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
};

export function getVsCodeApi(): VsCodeApi {
  const api = acquireVsCodeApi();
  return {
    postMessage: (m) => api.postMessage(m),
    getState: () => {
      const s = api.getState();
      return s && typeof s === 'object' && 'draft' in s ? (s as PersistedState) : undefined;
    },
    setState: (s) => api.setState(s),
  };
}
