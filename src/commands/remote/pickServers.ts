// The servers a remote command acts on: the selected tree nodes (several with multi-select), the
// node it was invoked on, or — from the palette or an editor — a multi-pick in one region.
import type { Instance } from '../../core/model';
import type { Services } from '../../services';
import { orCancel } from '../runner';
import { refsFromArgs } from '../servers/serverRefs';
import { loadServers, pickServersInRegion } from '../servers/serverTargets';

/** Resolves servers from tree arguments (their IDs only), else asks; `accept` says which servers qualify. */
export async function pickServers(
  services: Services,
  node: unknown,
  nodes: unknown,
  title: string,
  accept: (i: Instance) => boolean,
): Promise<Instance[]> {
  const given = refsFromArgs([node, nodes]);
  if (given.length > 0) {
    const out = await loadServers(services, given);
    if (out.length > 0) return out;
  }
  return pickServersInRegion(services, title, accept);
}

/** A single server (Connect and friends act on one). */
export async function pickServer(services: Services, node: unknown, title: string, accept: (i: Instance) => boolean): Promise<Instance> {
  const [first] = await pickServers(services, node, undefined, title, accept);
  return orCancel(first);
}
