// UpdateInstanceAttribute: InstanceName and/or Password (a password takes effect after a reboot).
// Name: 2–50 characters, letters, digits, "_", "-", starting with a letter or digit, "domain
// names are supported" (so "." is allowed) [SDK]. Password: 8–30 characters, three of upper,
// lower, digit, special ()`~!@#$%^&*-_+=|{}[]:;\"<>,.?/ [SDK]. Codes are guesses (ECS style).
import { ApiError } from '../apiError';
import { optional, required } from '../params';
import type { ActionDef } from './action';

export const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,49}$/;
const SPECIALS = '()`~!@#$%^&*-_+=|{}[]:;\\"<>,.?/';

export function isValidPassword(pw: string, windows: boolean): boolean {
  if (pw.length < 8 || pw.length > 30) return false;
  if (windows && pw.startsWith('/')) return false;
  if ([...pw].some((c) => !/[A-Za-z0-9]/.test(c) && !SPECIALS.includes(c))) return false;
  const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  return kinds >= 3;
}

export const updateInstanceAttribute: ActionDef = {
  name: 'UpdateInstanceAttribute',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const id = required(params, 'InstanceId');
    const name = optional(params, 'InstanceName');
    const password = optional(params, 'Password');
    const inst = store.findInstance(accountId, regionId, id);
    if (!inst) throw new ApiError(404, 'InvalidInstanceId.NotFound', `The specified InstanceId "${id}" does not exist.`);
    if (name !== undefined && !INSTANCE_NAME.test(name)) {
      throw new ApiError(
        400,
        'InvalidInstanceName.Malformed',
        'The instance name must be 2-50 characters, start with a letter or digit, and contain only letters, digits, "_", "-" and ".".',
      );
    }
    if (password !== undefined && !isValidPassword(password, inst.image.osType.toLowerCase() === 'windows')) {
      throw new ApiError(
        400,
        'InvalidPassword.Malformed',
        'The password must be 8-30 characters and contain three of: uppercase letters, lowercase letters, digits, special characters.',
      );
    }
    if (name !== undefined) inst.instanceName = name;
    // The password is not stored: the emulator models no login.
    return {};
  },
};
