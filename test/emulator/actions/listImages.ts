import { invalidParameter } from '../apiError';
import { jsonIds, optional } from '../params';
import type { ActionDef } from './action';

export interface CatalogImage {
  ImageId: string;
  ImageName: string;
  ImageType: 'system' | 'app';
  Platform: string;
  Description: string;
}

export const CATALOG: CatalogImage[] = [
  {
    ImageId: 'a0e4a7c5e3f24f6e8b0d5c1e2f3a4b51',
    ImageName: 'Alibaba Cloud Linux 3.2104 LTS',
    ImageType: 'system',
    Platform: 'Linux',
    Description: 'Alibaba Cloud Linux 3',
  },
  {
    ImageId: 'b1f5b8d6f4a35a7f9c1e6d2f3a4b5c62',
    ImageName: 'Ubuntu 22.04',
    ImageType: 'system',
    Platform: 'Linux',
    Description: 'Ubuntu 22.04 LTS 64-bit',
  },
  {
    ImageId: 'c2a6c9e7a5b46b8a0d2f7e3a4b5c6d73',
    ImageName: 'Debian 12.5',
    ImageType: 'system',
    Platform: 'Linux',
    Description: 'Debian 12 64-bit',
  },
  {
    ImageId: 'd3b7d0f8b6c57c9b1e3a8f4b5c6d7e84',
    ImageName: 'CentOS Stream 9',
    ImageType: 'system',
    Platform: 'Linux',
    Description: 'CentOS Stream 9 64-bit',
  },
  {
    ImageId: 'e4c8e1a9c7d68d0c2f4b9a5c6d7e8f95',
    ImageName: 'Windows Server 2022',
    ImageType: 'system',
    Platform: 'Windows',
    Description: 'Windows Server 2022 Datacenter',
  },
  {
    ImageId: 'f5d9f2b0d8e79e1d3a5c0b6d7e8f9a06',
    ImageName: 'WordPress 6.4',
    ImageType: 'app',
    Platform: 'Linux',
    Description: 'WordPress on LNMP',
  },
  {
    ImageId: 'a6e0a3c1e9f80f2e4b6d1c7e8f9a0b17',
    ImageName: 'Docker 26',
    ImageType: 'app',
    Platform: 'Linux',
    Description: 'Docker CE on Alibaba Cloud Linux',
  },
  {
    ImageId: 'b7f1b4d2f0a91a3f5c7e2d8f9a0b1c28',
    ImageName: 'LAMP 8.2',
    ImageType: 'app',
    Platform: 'Linux',
    Description: 'Apache, MySQL, PHP',
  },
];

/** No paging. ImageType=custom lists this region's custom images (how Terraform polls). */
export const listImages: ActionDef = {
  name: 'ListImages',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const ids = jsonIds(params, 'ImageIds', 50);
    const type = optional(params, 'ImageType');
    if (type !== undefined && !['system', 'app', 'custom'].includes(type))
      throw invalidParameter('ImageType', 'it must be system, app or custom');
    const custom = store.region(accountId, regionId).images.map((i) => ({
      ImageId: i.imageId,
      ImageName: i.name,
      ImageType: 'custom',
      Platform: i.osType === 'Windows' ? 'Windows' : 'Linux',
      Description: i.description,
    }));
    const all = [...CATALOG, ...custom].filter((i) => (!type || i.ImageType === type) && (!ids || ids.includes(i.ImageId)));
    return { Images: all };
  },
};
