// Tag rules: 0–20 tags; key non-empty, ≤ 64, no http:// or https://, not starting with
// `acs:` or `aliyun`, unique; value may be empty, ≤ 64, no http:// or https://.
import type { Tag } from '../model';
import type { RuleIssue } from './ruleCodes';

export const MAX_TAGS = 20;
export const TAG_KEY_MAX = 64;
export const TAG_VALUE_MAX = 64;

const URL_MARK = /https?:\/\//i;
const RESERVED_PREFIX = /^(acs:|aliyun)/i;

export function validateTagKey(key: string): RuleIssue['code'] | undefined {
  if (key.length === 0) return 'tagKey.required';
  if (key.length > TAG_KEY_MAX) return 'tagKey.tooLong';
  if (URL_MARK.test(key)) return 'tagKey.url';
  if (RESERVED_PREFIX.test(key)) return 'tagKey.reservedPrefix';
  return undefined;
}

export function validateTagValue(value: string): RuleIssue['code'] | undefined {
  if (value.length > TAG_VALUE_MAX) return 'tagValue.tooLong';
  if (URL_MARK.test(value)) return 'tagValue.url';
  return undefined;
}

/** Issues for the whole tag list: one `tags.tooMany`, then at most one per key and value. */
export function validateTags(tags: readonly Tag[]): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (tags.length > MAX_TAGS) issues.push({ field: 'tags', code: 'tags.tooMany' });
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    const keyCode = validateTagKey(tag.key);
    if (keyCode) issues.push({ field: 'tagKey', code: keyCode, index });
    else if (seen.has(tag.key)) issues.push({ field: 'tagKey', code: 'tagKey.duplicate', index });
    seen.add(tag.key);
    const valueCode = validateTagValue(tag.value);
    if (valueCode) issues.push({ field: 'tagValue', code: valueCode, index });
  });
  return issues;
}
