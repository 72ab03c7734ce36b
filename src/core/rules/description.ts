// The API leaves the description's limits open; the form chooses ECS's image-description rules:
// at most 256 characters, not starting with http:// or https:// (and says so next to the field).
import type { RuleCode } from './ruleCodes';

export const DESCRIPTION_MAX = 256;

export function validateDescription(description: string): RuleCode | undefined {
  if (description.length > DESCRIPTION_MAX) return 'description.tooLong';
  if (/^https?:\/\//i.test(description)) return 'description.url';
  return undefined;
}
