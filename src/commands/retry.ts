// Internal command of an error node ("Couldn't load — retry").
import type { Services } from '../services';
import { ErrorNode } from '../tree/errorNode';

export function retry(services: Services, node?: unknown): void {
  if (node instanceof ErrorNode) services.explorer.retry(node);
  else void services.explorer.refresh();
}
