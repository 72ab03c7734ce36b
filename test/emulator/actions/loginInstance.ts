// LoginInstance: the Workbench (browser SSH/RDP) URL of a server. Evidence: the operation and its
// RedirectUrl are documented (swas-api-2.md §B); the URL's shape is not. The emulator answers with
// a page of its own admin server, so nothing outside 127.0.0.0/8 is ever opened. GUESS: the
// IncorrectInstanceStatus code for a server that is not Running.
import { ApiError, notFound } from '../apiError';
import { required } from '../params';
import type { ActionDef } from './action';

export const loginInstance: ActionDef = {
  name: 'LoginInstance',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const instanceId = required(params, 'InstanceId');
    const instance = store.findInstance(accountId, regionId, instanceId);
    if (!instance) throw notFound('InvalidInstanceId.NotFound', 'InstanceId');
    if (instance.status !== 'Running')
      throw new ApiError(403, 'IncorrectInstanceStatus', 'The state of the current instance does not support this operation.');
    const user = params.Username ?? 'root';
    return {
      RedirectUrl: `${store.adminUrl ?? 'http://127.0.0.1'}/workbench/${encodeURIComponent(regionId)}/${encodeURIComponent(instanceId)}?user=${encodeURIComponent(user)}`,
    };
  },
};
