// A signed call straight through pop-core (no client checks in between), returning the HTTP
// status and the parsed body, for tests of what the emulator itself sends.
import RPCClient from '@alicloud/pop-core';
import type { Lab } from '../../reliability/lab';

interface PopEntry {
  response?: { statusCode?: number };
}

export async function signedFetch(lab: Lab, action: string, params: Record<string, string>): Promise<{ status: number; json: unknown }> {
  // The declared constructor omits pop-core's second argument (verbose: resolve [json, entry]).
  const Verbose = RPCClient as unknown as new (config: Record<string, string>, verbose: boolean) => RPCClient;
  const client = new Verbose(
    { endpoint: lab.em.endpoint, apiVersion: '2020-06-01', accessKeyId: lab.em.accessKeyId, accessKeySecret: lab.em.accessKeySecret },
    true,
  );
  const [json, entry] = (await client.request(action, params, { method: 'POST', timeout: 5000 })) as unknown as [unknown, PopEntry];
  return { status: entry.response?.statusCode ?? 0, json: JSON.parse(JSON.stringify(json)) };
}
