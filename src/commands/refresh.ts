// SWAS: Refresh — the whole tree (view title, palette) or one region / Custom Images node.
import type { Services } from '../services';
import { ExplorerNode } from '../tree/explorerNode';

export async function refresh(services: Services, node?: unknown): Promise<void> {
  await services.explorer.refresh(node instanceof ExplorerNode ? node : undefined);
}
