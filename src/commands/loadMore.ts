// Internal command of the "Load more…" node.
import type { Services } from '../services';
import { LoadMoreNode } from '../tree/loadMoreNode';

export async function loadMore(services: Services, node?: unknown): Promise<void> {
  if (node instanceof LoadMoreNode) await services.explorer.loadMore(node);
}
