// The API leaves the description's limits open (swas-api.md §3.10: UNCONFIRMED). The form
// borrows ECS's image-description rules — at most 256 characters, not starting with http:// or
// https:// — as advice only (guess): they never block a submit.
import type { RuleCode } from './ruleCodes';

export const DESCRIPTION_MAX = 256;

export function validateDescription(description: string): RuleCode | undefined {
  if (description.length > DESCRIPTION_MAX) return 'description.tooLong';
  if (/^https?:\/\//i.test(description)) return 'description.url';
  return undefined;
}
