// The clock and timers of the transition poller, injectable so that tests run on virtual time.
// Pure: no `vscode` import.

export interface PollScheduler {
  now(): number;
  /** Runs `fn` after `ms`; a returned promise is awaited by virtual schedulers (tests). */
  setTimeout(fn: () => unknown, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: PollScheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(() => void fn(), ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
