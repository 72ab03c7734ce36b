// RebootInstance / RebootInstances (ForceReboot on the plural form): Running → Stopping → Starting → Running.
import { lifecycleActions } from './lifecycleAction';

export const [rebootInstance, rebootInstances] = lifecycleActions('reboot', 'RebootInstance', 'RebootInstances', 'ForceReboot');
