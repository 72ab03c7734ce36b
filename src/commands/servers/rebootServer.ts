// SWAS: Reboot Server — asks once, naming the servers; Force Reboot is offered only there.
import type { Services } from '../../services';
import { runLifecycle } from './runLifecycle';

export const rebootServer = (services: Services, args: unknown[]): Promise<void> => runLifecycle(services, 'reboot', args);
