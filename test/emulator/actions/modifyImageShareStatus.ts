import { ApiError } from '../apiError';
import { required } from '../params';
import type { ActionDef } from './action';

export const modifyImageShareStatus: ActionDef = {
  name: 'ModifyImageShareStatus',
  needsRegion: true,
  mutating: true,
  regionFromEndpoint: true,
  run({ store, accountId, regionId, params, now, variants }) {
    const id = required(params, 'ImageId');
    const op = required(params, 'Operation');
    if (op !== 'Share' && op !== 'UnShare')
      throw new ApiError(400, 'InvalidParam.OperationIllegal', 'The specified parameter Operation is illegal; use Share or UnShare.');
    const img = store.findImage(accountId, regionId, id);
    if (!img) throw new ApiError(404, 'InvalidImageId.NotFound', `The specified ImageId "${id}" does not exist.`);
    if (op === 'Share' && img.status !== '1') {
      throw new ApiError(403, 'IncorrectImageStatus', 'Only an available custom image can be shared.');
    }
    if (op === 'UnShare' && img.inShare && variants.has('async-unshare') && variants.unshareSeconds > 0) {
      img.unshareAt ??= now + variants.unshareSeconds * 1000;
      return {};
    }
    delete img.unshareAt;
    img.inShare = op === 'Share';
    return {};
  },
};
