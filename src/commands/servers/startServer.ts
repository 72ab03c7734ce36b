// SWAS: Start Server — one or several stopped servers (no confirmation: nothing is lost).
import type { Services } from '../../services';
import { runLifecycle } from './runLifecycle';

export const startServer = (services: Services, args: unknown[]): Promise<void> => runLifecycle(services, 'start', args);
