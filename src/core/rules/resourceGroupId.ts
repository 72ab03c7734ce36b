// Resource group IDs look like `rg-aek2bti7cf7xxxx`: `rg-` then lowercase letters and digits.
// Guess (advice only): the API reference gives this shape only as an example.
import type { RuleCode } from './ruleCodes';

export const RESOURCE_GROUP_ID = /^rg-[a-z0-9]{1,60}$/;

/** Optional field: empty is valid. */
export function validateResourceGroupId(id: string): RuleCode | undefined {
  if (id.length === 0) return undefined;
  return RESOURCE_GROUP_ID.test(id) ? undefined : 'resourceGroupId.format';
}
