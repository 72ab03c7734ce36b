// SWAS: Stop Server — asks once, naming the servers; Force Stop is offered only there.
import type { Services } from '../../services';
import { runLifecycle } from './runLifecycle';

export const stopServer = (services: Services, args: unknown[]): Promise<void> => runLifecycle(services, 'stop', args);
