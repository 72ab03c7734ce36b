import { REGIONS } from '../seeds/regions';
import type { ActionDef } from './action';

export const listRegions: ActionDef = {
  name: 'ListRegions',
  needsRegion: false,
  mutating: false,
  run({ params }) {
    const english = (params.AcceptLanguage ?? '').toLowerCase() === 'en-us';
    return {
      Regions: REGIONS.map((r) => ({
        RegionId: r.regionId,
        LocalName: english ? r.en : r.zh,
        RegionEndpoint: `swas.${r.regionId}.aliyuncs.com`,
      })),
    };
  },
};
