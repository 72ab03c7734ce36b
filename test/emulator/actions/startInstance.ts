// StartInstance / StartInstances: Stopped → Starting → Running.
import { lifecycleActions } from './lifecycleAction';

export const [startInstance, startInstances] = lifecycleActions('start', 'StartInstance', 'StartInstances');
