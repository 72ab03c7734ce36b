import { ApiError, invalidParameter } from '../apiError';
import { required } from '../params';
import type { ActionDef } from './action';

export const modifyImageShareStatus: ActionDef = {
  name: 'ModifyImageShareStatus',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const id = required(params, 'ImageId');
    const op = required(params, 'Operation');
    if (op !== 'Share' && op !== 'UnShare') throw invalidParameter('Operation', 'it must be Share or UnShare');
    const img = store.findImage(accountId, regionId, id);
    if (!img) throw new ApiError(404, 'InvalidImageId.NotFound', `The specified ImageId "${id}" does not exist.`);
    if (op === 'Share' && img.status !== '1') {
      throw new ApiError(403, 'IncorrectImageStatus', 'Only an available custom image can be shared.');
    }
    img.inShare = op === 'Share';
    return {};
  },
};
