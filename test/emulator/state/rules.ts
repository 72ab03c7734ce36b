// The API's rules, implemented independently of src/core/rules (tests compare the two).

export const MAX_PER_ACCOUNT = 15;
export const PER_SERVER = 3;
export const SNAPSHOTS_PER_SERVER = 3;

/** Custom images allowed in a region: 3 × servers there, at most 15. */
export function imageQuota(servers: number): number {
  return Math.min(PER_SERVER * servers, MAX_PER_ACCOUNT);
}

/** Snapshots allowed in an account: 3 × servers, at most 15. */
export function snapshotQuota(servers: number): number {
  return Math.min(PER_SERVER * servers, MAX_PER_ACCOUNT);
}

/**
 * 2–128 chars; letters, Chinese characters (U+4E00–U+9FA5), digits, ':', '_', '-'; starts with a
 * letter, a Chinese character or a digit. A6: Terraform's regex (likely); the en docs' "letters"
 * say nothing about Chinese.
 */
export function isValidImageName(name: string): boolean {
  return /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5:_-]{1,127}$/.test(name);
}

/**
 * 2–50 chars; starts with a letter or a Chinese character; letters, Chinese, digits, ':', '_',
 * '.', '-'; not http(s)://. A5: the zh CreateSnapshot reference and Terraform (confirmed).
 */
export function isValidSnapshotName(name: string): boolean {
  return /^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5:_.-]{1,49}$/.test(name) && !/^https?:\/\//i.test(name);
}

/** ≤ 256 chars, not starting with http:// or https:// (UNCONFIRMED limits, ECS-style). */
export function isValidDescription(text: string): boolean {
  return text.length <= 256 && !/^https?:\/\//i.test(text);
}

/** Instance states that allow CreateCustomImage and CreateSnapshot (UNCONFIRMED). */
export const IMAGE_READY_STATES = new Set(['Running', 'Stopped']);
