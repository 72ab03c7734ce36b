// Variants the client must survive: plausible behaviours of the real service that the evidence
// allows but does not confirm (swas-api-2.md §A). Each is a switch (`--variant a,b`, the admin API
// `PUT /variants`, or SWAS_EMULATOR_VARIANT); `hostile` turns on the hostile-but-plausible set.
import { ApiError } from './apiError';
import type { ActionContext } from './actions/action';
import { jsonIds, optional } from './params';

export const VARIANTS = [
  /** A1: Status of servers, disks and snapshots in lowercase (`accomplished`, `running`, `in_use`). */
  'lowercase-status',
  /** A1: casing mixed within and between responses (every other item lowercase, alternating per response). */
  'mixed-status',
  /** A4: ID filters naming released resources answer with an error instead of an empty list. */
  'released-id-errors',
  /** A3: the custom-image quota counts servers and images of the whole account, not the region. */
  'account-wide-quota',
  /** A14: UnShare takes effect `unshareSeconds` (virtual) later; InShare stays true until then. */
  'async-unshare',
  /** A10: ListInstances → Disks[].DiskType in lowercase (`system`, `data`). */
  'lowercase-disktype',
  /** Issue 12: ImportKeyPair accepts RSA public keys only (ssh-ed25519 and others are refused). */
  'rsa-only-key-pairs',
] as const;

export type Variant = (typeof VARIANTS)[number];

/** The hostile-but-plausible set (issue 10 §4). `mixed-status` is a separate switch. */
export const HOSTILE: readonly Variant[] = [
  'lowercase-status',
  'released-id-errors',
  'account-wide-quota',
  'async-unshare',
  'lowercase-disktype',
];

export const DEFAULT_UNSHARE_SECONDS = 30;

function isVariant(v: string): v is Variant {
  return (VARIANTS as readonly string[]).includes(v);
}

/** `a,b`, `hostile`, `none` or a list of those; throws Error naming the unknown ones. */
export function parseVariants(spec: string | readonly string[]): Variant[] {
  const parts = (typeof spec === 'string' ? spec.split(',') : [...spec]).map((s) => s.trim()).filter((s) => s !== '' && s !== 'none');
  const out = new Set<Variant>();
  for (const p of parts) {
    if (p === 'hostile') for (const v of HOSTILE) out.add(v);
    else if (isVariant(p)) out.add(p);
    else throw new Error(`--variant: unknown variant "${p}" (known: ${VARIANTS.join(', ')}, hostile, none)`);
  }
  return [...out];
}

type Item = Record<string, unknown>;

export class Variants {
  private on = new Set<Variant>();
  private responses = 0;
  unshareSeconds = DEFAULT_UNSHARE_SECONDS;

  constructor(initial: readonly Variant[] = []) {
    this.set(initial);
  }
  set(list: readonly Variant[], unshareSeconds?: number): void {
    this.on = new Set(list);
    if (unshareSeconds !== undefined) this.unshareSeconds = unshareSeconds;
    this.responses = 0;
  }
  has(v: Variant): boolean {
    return this.on.has(v);
  }
  list(): Variant[] {
    return VARIANTS.filter((v) => this.on.has(v));
  }

  /** Errors an action answers before it runs (A4). */
  beforeRun(action: string, ctx: ActionContext): void {
    if (!this.has('released-id-errors')) return;
    const released = ctx.store.state.released ?? {};
    if (action === 'ListInstances') {
      const ids = jsonIds(ctx.params, 'InstanceIds', 100) ?? [];
      if (ids.some((id) => released[id] === 'instance')) {
        throw new ApiError(500, 'InternalError', 'An error occurred while processing your request.');
      }
    }
    if (action === 'ListSnapshots') {
      const instanceId = optional(ctx.params, 'InstanceId');
      const diskId = optional(ctx.params, 'DiskId');
      const ids = jsonIds(ctx.params, 'SnapshotIds', 100) ?? [];
      if ((instanceId && released[instanceId] === 'instance') || ids.some((id) => released[id] === 'snapshotOfReleasedServer')) {
        throw new ApiError(404, 'InvalidInstanceId.NotFound', 'The specified InstanceId does not exist.');
      }
      if ((diskId && released[diskId] === 'disk') || ids.some((id) => released[id] === 'snapshot')) {
        throw new ApiError(404, 'InvalidDiskId.NotFound', 'The specified DiskId does not exist.');
      }
    }
  }

  /** Rewrites a successful response body (casing variants). */
  transform(action: string, body: Record<string, unknown>): Record<string, unknown> {
    const lower = this.has('lowercase-status');
    const mixed = this.has('mixed-status');
    const diskType = this.has('lowercase-disktype');
    if (!lower && !mixed && !diskType) return body;
    const turn = this.responses++;
    const status = (o: Item, index: number): void => {
      if (typeof o.Status !== 'string') return;
      if (lower || (mixed && (turn + index) % 2 === 1)) o.Status = o.Status.toLowerCase();
    };
    const each = (key: string, fn: (o: Item, i: number) => void): void => {
      const list = body[key];
      if (Array.isArray(list))
        list.forEach((o, i) => {
          if (typeof o === 'object' && o !== null) fn(o as Item, i);
        });
    };
    if (action === 'ListInstances') {
      each('Instances', (inst, i) => {
        status(inst, i);
        const disks = inst.Disks;
        if (!Array.isArray(disks)) return;
        disks.forEach((d: Item, j) => {
          status(d, i + j);
          if (diskType && typeof d.DiskType === 'string') d.DiskType = d.DiskType.toLowerCase();
        });
      });
    }
    if (action === 'ListInstanceStatus') each('InstanceStatuses', status);
    if (action === 'ListSnapshots') each('Snapshots', status);
    if (action === 'ListDisks') each('Disks', status);
    return body;
  }
}
