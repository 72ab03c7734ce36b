// SWAS: Clear Filter
import type { Services } from '../services';

export function clearFilter(services: Services): void {
  services.explorer.setFilter(undefined);
}
