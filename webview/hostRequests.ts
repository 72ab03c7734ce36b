// Requests to the host with replies (by id), and the debounced "is this name free?" check.
import type { HostMessage } from '../src/protocol/createImageMessages';
import type { VsCodeApi } from './vscodeApi';

const NAME_CHECK_MS = 400;
const REQUEST_TIMEOUT_MS = 15000;

export class NameChecker {
  private nextId = 1;
  private readonly pending = new Map<number, (taken: boolean | undefined) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly api: VsCodeApi) {}

  /** Route a `response` from the host. */
  onResponse(m: Extract<HostMessage, { type: 'response' }>): void {
    const resolve = this.pending.get(m.id);
    this.pending.delete(m.id);
    resolve?.(m.ok ? m.result.taken : undefined);
  }

  /** After a pause in typing, ask the host; `done` gets true/false, or undefined if unknown. */
  schedule(name: string, started: () => void, done: (taken: boolean | undefined) => void): void {
    this.cancel();
    this.timer = setTimeout(() => {
      started();
      void this.ask(name).then(done);
    }, NAME_CHECK_MS);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  private ask(name: string): Promise<boolean | undefined> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.api.postMessage({ type: 'request', id, kind: 'checkName', params: { name } });
      setTimeout(() => {
        if (this.pending.delete(id)) resolve(undefined);
      }, REQUEST_TIMEOUT_MS);
    });
  }
}
