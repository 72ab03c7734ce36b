// Matching of the server filter ("SWAS: Filter Servers…"): by name, ID, IP or status.
// Pure: no `vscode` import. Case-insensitive substring match; several words must all match.
import type { Instance } from '../core/model';

export type FilterableInstance = Pick<Instance, 'instanceName' | 'instanceId' | 'publicIpAddress' | 'innerIpAddress' | 'status'>;

export function normalizeFilter(text: string | undefined): string | undefined {
  const t = (text ?? '').trim().replace(/\s+/g, ' ');
  return t === '' ? undefined : t;
}

export function matchesFilter(instance: FilterableInstance, filter: string | undefined, localizedStatus?: string): boolean {
  const f = normalizeFilter(filter);
  if (f === undefined) return true;
  const haystack = [
    instance.instanceName,
    instance.instanceId,
    instance.publicIpAddress,
    instance.innerIpAddress,
    instance.status,
    localizedStatus ?? '',
  ]
    .join('\n')
    .toLowerCase();
  return f
    .toLowerCase()
    .split(' ')
    .every((word) => haystack.includes(word));
}
