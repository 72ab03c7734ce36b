// The API leaves the description length open; the form chooses 256 characters (the limit
// ECS uses for image descriptions) and says so next to the field.
import type { RuleCode } from './ruleCodes';

export const DESCRIPTION_MAX = 256;

export function validateDescription(description: string): RuleCode | undefined {
  return description.length > DESCRIPTION_MAX ? 'description.tooLong' : undefined;
}
