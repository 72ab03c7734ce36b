// Image name rules from the CreateCustomImage reference: 2–128 characters; letters, digits,
// `:`, `_`, `-`; starts with a letter or a digit. "Letters" means ASCII letters here.
import type { RuleCode } from './ruleCodes';

export const IMAGE_NAME_MIN = 2;
export const IMAGE_NAME_MAX = 128;

const START = /^[A-Za-z0-9]/;
const CHARS = /^[A-Za-z0-9:_-]*$/;

/** The first rule the name breaks, or undefined when the format is valid. */
export function validateImageName(name: string): RuleCode | undefined {
  if (name.length === 0) return 'imageName.required';
  if (!START.test(name)) return 'imageName.start';
  if (!CHARS.test(name)) return 'imageName.chars';
  if (name.length < IMAGE_NAME_MIN || name.length > IMAGE_NAME_MAX) return 'imageName.length';
  return undefined;
}

/** True when a custom image with exactly this name already exists in the region. */
export function isImageNameTaken(name: string, existingNames: Iterable<string>): boolean {
  for (const n of existingNames) if (n === name) return true;
  return false;
}
