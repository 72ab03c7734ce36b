// SWAS: Show Log
import type { Services } from '../services';

export function showLog(services: Services): void {
  services.logger.show();
}
