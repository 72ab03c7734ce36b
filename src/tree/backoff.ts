// Backoff for polling nodes in a transitional state. Pure.
export const MAX_POLL_SECONDS = 60;
/**
 * Custom images take minutes on the real service, so a creating image is first polled after
 * 10 s (or the setting, if larger), not after the setting's few seconds: fewer of the account's
 * ListCustomImages calls are spent before it can have changed.
 */
export const IMAGE_FIRST_POLL_SECONDS = 10;

/** Next delay in ms: grows by half each time, from the first interval up to 60 s. */
export function nextPollDelay(previousMs: number | undefined, firstSeconds: number): number {
  const first = Math.max(1, firstSeconds) * 1000;
  if (previousMs === undefined) return Math.min(first, MAX_POLL_SECONDS * 1000);
  return Math.min(Math.round(previousMs * 1.5), MAX_POLL_SECONDS * 1000);
}

/** The first interval for creating images: at least IMAGE_FIRST_POLL_SECONDS. */
export function imageFirstPollSeconds(settingSeconds: number): number {
  return Math.max(IMAGE_FIRST_POLL_SECONDS, settingSeconds);
}
