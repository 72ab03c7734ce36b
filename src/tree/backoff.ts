// Backoff for polling nodes in a transitional state. Pure.
export const MAX_POLL_SECONDS = 60;

/** Next delay in ms: grows by half each time, from the first interval up to 60 s. */
export function nextPollDelay(previousMs: number | undefined, firstSeconds: number): number {
  const first = Math.max(1, firstSeconds) * 1000;
  if (previousMs === undefined) return Math.min(first, MAX_POLL_SECONDS * 1000);
  return Math.min(Math.round(previousMs * 1.5), MAX_POLL_SECONDS * 1000);
}
