// Tag rules: 0–20 tags; key non-empty, ≤ 64, no http:// or https://, not starting with
// `acs:` or `aliyun`; value may be empty, ≤ 64, no http:// or https://. All confirmed by the
// CreateCustomImage reference (they block). Unique keys: likely, not documented (advice).
import type { Tag } from '../model';
import type { RuleIssue } from './ruleCodes';
import { ruleIssue } from './ruleCodes';

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
  if (tags.length > MAX_TAGS) issues.push(ruleIssue('tags', 'tags.tooMany'));
  const seen = new Set<string>();
  tags.forEach((tag, index) => {
    const keyCode = validateTagKey(tag.key);
    if (keyCode) issues.push(ruleIssue('tagKey', keyCode, index));
    else if (seen.has(tag.key)) issues.push(ruleIssue('tagKey', 'tagKey.duplicate', index));
    seen.add(tag.key);
    const valueCode = validateTagValue(tag.value);
    if (valueCode) issues.push(ruleIssue('tagValue', valueCode, index));
  });
  return issues;
}
