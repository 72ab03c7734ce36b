// Image name rules (evidence per code in ruleCodes.ts RULE_SOURCES):
// - required, 2–128 characters, starts with a letter or a digit: confirmed (API reference and
//   Terraform agree) → these block. A Chinese first character is a letter (A6, Terraform regex).
// - the alphabet (letters, digits, `:`, `_`, `-`): the reference does not say which letters;
//   Terraform allows Chinese (A6, likely). Chinese passes; anything else outside ASCII letters,
//   digits and `: _ -` is advice only — the service decides.
import type { RuleCode } from './ruleCodes';

export const IMAGE_NAME_MIN = 2;
export const IMAGE_NAME_MAX = 128;

/** A letter or digit of any script (what "starts with a letter or a digit" can mean). */
const START = /^[\p{L}\p{N}]/u;
/** The documented alphabet plus the CJK range of Terraform's regex (\u4E00-\u9FA5). */
const CHARS = /^[A-Za-z0-9\u4e00-\u9fa5:_-]*$/;

/**
 * The first rule the name breaks, or undefined when it breaks none. Blocking codes (required,
 * start, length) come before the advice code (chars), so an undefined or advice answer means
 * the name may be submitted.
 */
export function validateImageName(name: string): RuleCode | undefined {
  if (name.length === 0) return 'imageName.required';
  if (!START.test(name)) return 'imageName.start';
  const length = [...name].length;
  if (length < IMAGE_NAME_MIN || length > IMAGE_NAME_MAX) return 'imageName.length';
  if (!CHARS.test(name)) return 'imageName.chars';
  return undefined;
}

/** True when a custom image with exactly this name already exists in the region. */
export function isImageNameTaken(name: string, existingNames: Iterable<string>): boolean {
  for (const n of existingNames) if (n === name) return true;
  return false;
}
