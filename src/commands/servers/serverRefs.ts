// The server IDs a lifecycle command was invoked with: (node, selectedNodes) from the tree with
// canSelectMany, one node, or a { regionId, instanceId } object. Only the two ID strings are
// read from an argument; everything else in it (flags, names, "confirmed") is ignored. No
// `vscode` import, so it is unit-tested with hostile shapes.
export interface IdRef {
  regionId: string;
  instanceId: string;
}

function idString(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' && v.length <= 128 ? v : undefined;
}

export function idRef(arg: unknown): IdRef | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const r = arg as { regionId?: unknown; instanceId?: unknown };
  const regionId = idString(r.regionId);
  const instanceId = idString(r.instanceId);
  return regionId && instanceId ? { regionId, instanceId } : undefined;
}

/** ID references from (node, selectedNodes) arguments; the selection wins when it holds any. */
export function refsFromArgs(args: readonly unknown[]): IdRef[] {
  const [first, second] = args;
  const selected = Array.isArray(second)
    ? second
        .slice(0, 100)
        .map(idRef)
        .filter((x): x is IdRef => x !== undefined)
    : [];
  if (selected.length > 0) return selected;
  const one = idRef(first);
  return one ? [one] : [];
}
