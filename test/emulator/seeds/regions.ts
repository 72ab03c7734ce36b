// The 26 regions of a captured live ListRegions response (fact sheet §1.1).

export interface RegionInfo {
  regionId: string;
  zh: string;
  en: string;
}

export const REGIONS: readonly RegionInfo[] = [
  { regionId: 'cn-qingdao', zh: '华北1（青岛）', en: 'China (Qingdao)' },
  { regionId: 'cn-beijing', zh: '华北2（北京）', en: 'China (Beijing)' },
  { regionId: 'cn-zhangjiakou', zh: '华北3（张家口）', en: 'China (Zhangjiakou)' },
  { regionId: 'cn-huhehaote', zh: '华北5（呼和浩特）', en: 'China (Hohhot)' },
  { regionId: 'cn-wulanchabu', zh: '华北6（乌兰察布）', en: 'China (Ulanqab)' },
  { regionId: 'cn-hangzhou', zh: '华东1（杭州）', en: 'China (Hangzhou)' },
  { regionId: 'cn-shanghai', zh: '华东2（上海）', en: 'China (Shanghai)' },
  { regionId: 'cn-nanjing', zh: '华东5（南京-本地地域）', en: 'China (Nanjing - Local Region)' },
  { regionId: 'cn-fuzhou', zh: '华东6（福州-本地地域）', en: 'China (Fuzhou - Local Region)' },
  { regionId: 'cn-shenzhen', zh: '华南1（深圳）', en: 'China (Shenzhen)' },
  { regionId: 'cn-heyuan', zh: '华南2（河源）', en: 'China (Heyuan)' },
  { regionId: 'cn-guangzhou', zh: '华南3（广州）', en: 'China (Guangzhou)' },
  { regionId: 'cn-chengdu', zh: '西南1（成都）', en: 'China (Chengdu)' },
  { regionId: 'cn-wuhan-lr', zh: '华中1（武汉-本地地域）', en: 'China (Wuhan - Local Region)' },
  { regionId: 'cn-hongkong', zh: '中国香港', en: 'China (Hong Kong)' },
  { regionId: 'ap-southeast-1', zh: '新加坡', en: 'Singapore' },
  { regionId: 'ap-southeast-3', zh: '马来西亚（吉隆坡）', en: 'Malaysia (Kuala Lumpur)' },
  { regionId: 'ap-southeast-5', zh: '印度尼西亚（雅加达）', en: 'Indonesia (Jakarta)' },
  { regionId: 'ap-southeast-6', zh: '菲律宾（马尼拉）', en: 'Philippines (Manila)' },
  { regionId: 'ap-southeast-7', zh: '泰国（曼谷）', en: 'Thailand (Bangkok)' },
  { regionId: 'ap-northeast-1', zh: '日本（东京）', en: 'Japan (Tokyo)' },
  { regionId: 'ap-northeast-2', zh: '韩国（首尔）', en: 'South Korea (Seoul)' },
  { regionId: 'us-west-1', zh: '美国（硅谷）', en: 'US (Silicon Valley)' },
  { regionId: 'us-east-1', zh: '美国（弗吉尼亚）', en: 'US (Virginia)' },
  { regionId: 'eu-central-1', zh: '德国（法兰克福）', en: 'Germany (Frankfurt)' },
  { regionId: 'eu-west-1', zh: '英国（伦敦）', en: 'UK (London)' },
];

export function isKnownRegion(regionId: string): boolean {
  return REGIONS.some((r) => r.regionId === regionId);
}
