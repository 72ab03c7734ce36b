// What one API call is, for the caller (src/core/swasClient.ts): its action, region, parameters and
// what its answer must hold. `writeSpec` builds every write's spec the same way (RegionId and the
// ClientToken in the parameters, never cached), for the SWAS client and the remote-access clients.
import type { ParamValue } from './popTransport';

export interface CallSpec {
  action: string;
  /** Region for the cache, the log and (unless endpointRegionId is set) the endpoint. */
  regionId: string;
  endpointRegionId?: string;
  params: Record<string, ParamValue>;
  mutating: boolean;
  clientToken?: string;
  cacheable: boolean;
  /** A list response must hold this array (of objects with `idKey`), or it is a bad response. */
  listKey?: string;
  idKey?: string;
  /** A write response must carry this field (e.g. ImageId), or it is a bad response. */
  resultKey?: string;
}

/** The spec of a write: RegionId and ClientToken sent, the token kept for retries, never cached. */
export function writeSpec(
  action: string,
  regionId: string,
  clientToken: string,
  params: Record<string, ParamValue>,
  resultKey?: string,
): CallSpec {
  return {
    action,
    regionId,
    params: { RegionId: regionId, ClientToken: clientToken, ...params },
    mutating: true,
    clientToken,
    cacheable: false,
    resultKey,
  };
}
