import { ApiError } from '../apiError';
import { required } from '../params';
import type { ActionDef } from './action';

export const updateSnapshotAttribute: ActionDef = {
  name: 'UpdateSnapshotAttribute',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const id = required(params, 'SnapshotId');
    const snap = store.findSnapshot(accountId, regionId, id);
    if (!snap) throw new ApiError(404, 'InvalidSnapshotId.NotFound', `The specified SnapshotId "${id}" does not exist.`);
    const remark = params.Remark ?? '';
    if (remark.length > 256)
      throw new ApiError(400, 'InvalidParameter', 'The specified parameter "Remark" is not valid: at most 256 characters.');
    snap.remark = remark;
    return {};
  },
};
