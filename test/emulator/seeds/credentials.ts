// Fake credentials (emulator only). Never anything shaped like a real key.
import type { CredentialRecord } from '../types';

export const DEMO_ACCESS_KEY_ID = 'EMULdemo0000000000000001';
export const DEMO_ACCESS_KEY_SECRET = 'emulator-demo-secret-0001';
export const STS_ACCESS_KEY_ID = 'STS.EMULdemo00000000001';
export const STS_ACCESS_KEY_SECRET = 'emulator-sts-secret-0001';
export const STS_TOKEN_VALID = 'emulator-sts-token-valid';
export const STS_TOKEN_EXPIRED = 'emulator-sts-token-expired';
export const DISABLED_ACCESS_KEY_ID = 'EMULdisabled00000000001';
export const DISABLED_ACCESS_KEY_SECRET = 'emulator-disabled-secret';
export const OTHER_ACCESS_KEY_ID = 'EMULother000000000000001';
export const OTHER_ACCESS_KEY_SECRET = 'emulator-other-secret-0001';

/** Same account as the demo key; RAM read-only (list/describe allowed, writes → Forbidden.RAM). */
export const READONLY_ACCESS_KEY_ID = 'EMULreadonly000000000001';
export const READONLY_ACCESS_KEY_SECRET = 'emulator-readonly-secret-0001';
/** Same account; no SWAS permission at all (only ListRegions, which needs none). */
export const NOPERM_ACCESS_KEY_ID = 'EMULnoperm00000000000001';
export const NOPERM_ACCESS_KEY_SECRET = 'emulator-noperm-secret-0001';

export const DEMO_ACCOUNT = 'demo';
export const OTHER_ACCOUNT = 'other';

export function seedCredentials(): CredentialRecord[] {
  return [
    { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET, accountId: DEMO_ACCOUNT },
    {
      accessKeyId: STS_ACCESS_KEY_ID,
      accessKeySecret: STS_ACCESS_KEY_SECRET,
      accountId: DEMO_ACCOUNT,
      securityTokens: [
        { token: STS_TOKEN_VALID, expiresAt: '2099-12-31T23:59:59Z' },
        { token: STS_TOKEN_EXPIRED, expiresAt: '2020-01-01T00:00:00Z' },
      ],
    },
    { accessKeyId: DISABLED_ACCESS_KEY_ID, accessKeySecret: DISABLED_ACCESS_KEY_SECRET, accountId: 'disabled', disabled: true },
    { accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET, accountId: OTHER_ACCOUNT },
    { accessKeyId: READONLY_ACCESS_KEY_ID, accessKeySecret: READONLY_ACCESS_KEY_SECRET, accountId: DEMO_ACCOUNT, permissions: 'readOnly' },
    { accessKeyId: NOPERM_ACCESS_KEY_ID, accessKeySecret: NOPERM_ACCESS_KEY_SECRET, accountId: DEMO_ACCOUNT, permissions: 'none' },
  ];
}
