// Credentials from the environment (the variables the Alibaba Cloud SDKs and CLI read).
// Import only: the extension copies them into SecretStorage on the user's confirmation.
import type { Credentials } from '../model';

export const ENV_ACCESS_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_ACCESS_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_SECURITY_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';

export type EnvLike = Readonly<Record<string, string | undefined>>;

/** The credentials in `env`, or undefined unless both the AccessKey ID and secret are set. */
export function readEnvCredentials(env: EnvLike): Credentials | undefined {
  const accessKeyId = env[ENV_ACCESS_KEY_ID]?.trim();
  const accessKeySecret = env[ENV_ACCESS_KEY_SECRET]?.trim();
  if (!accessKeyId || !accessKeySecret) return undefined;
  const securityToken = env[ENV_SECURITY_TOKEN]?.trim();
  return securityToken ? { accessKeyId, accessKeySecret, securityToken } : { accessKeyId, accessKeySecret };
}

/** Which variables are set (never their values), to explain a partial environment. */
export function describeEnvCredentials(env: EnvLike): { accessKeyId: boolean; accessKeySecret: boolean; securityToken: boolean } {
  const set = (name: string): boolean => Boolean(env[name]?.trim());
  return { accessKeyId: set(ENV_ACCESS_KEY_ID), accessKeySecret: set(ENV_ACCESS_KEY_SECRET), securityToken: set(ENV_SECURITY_TOKEN) };
}
