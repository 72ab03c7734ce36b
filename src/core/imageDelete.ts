// Deleting a custom image that was just unshared from ECS. Whether an unshare takes effect at once
// is not documented (swas-api-2.md A14: a guess either way), so a delete answered
// `CustomImageInShare` right after our own unshare is tried again, with the same ClientToken, for
// up to a minute (2 s, then ×1.5). Clock and sleep are injected.
import { isSwasError } from './errors';
import type { SwasApi } from './swasApi';

export interface DeleteDeps {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export async function deleteAfterUnshare(
  api: Pick<SwasApi, 'deleteCustomImage'>,
  params: { regionId: string; imageId: string; clientToken: string },
  deps: DeleteDeps,
  patienceMs = 60_000,
): Promise<{ requestId: string }> {
  const until = deps.now() + patienceMs;
  let wait = 2000;
  for (;;) {
    try {
      return await api.deleteCustomImage(params);
    } catch (e) {
      if (!(isSwasError(e) && e.code === 'CustomImageInShare') || deps.now() + wait > until) throw e;
      await deps.sleep(wait);
      wait = Math.round(wait * 1.5);
    }
  }
}
