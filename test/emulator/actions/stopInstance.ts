// StopInstance / StopInstances (ForceStop on the plural form): Running → Stopping → Stopped.
import { lifecycleActions } from './lifecycleAction';

export const [stopInstance, stopInstances] = lifecycleActions('stop', 'StopInstance', 'StopInstances', 'ForceStop');
