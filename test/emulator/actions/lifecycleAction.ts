// Start/Stop/Reboot, singular (InstanceId) and plural (InstanceIds, a JSON array of ≤ 100).
// The plural form is all-or-nothing: every server is checked before any changes (a guess: the
// API does not say whether it starts some servers and reports the others).
import { ApiError } from '../apiError';
import type { Params } from '../params';
import { bool, jsonIds, required } from '../params';
import type { LifecycleOp } from '../state/lifecycle';
import { begin, checkStatus } from '../state/lifecycle';
import type { InstanceRecord } from '../types';
import type { ActionContext, ActionDef } from './action';

function find(ctx: ActionContext, id: string): InstanceRecord {
  const inst = ctx.store.findInstance(ctx.accountId, ctx.regionId, id);
  if (!inst) throw new ApiError(404, 'InvalidInstanceId.NotFound', `The specified InstanceId "${id}" does not exist.`);
  return inst;
}

function pluralIds(p: Params): string[] {
  required(p, 'InstanceIds');
  const ids = jsonIds(p, 'InstanceIds', 100) ?? [];
  if (ids.length === 0)
    throw new ApiError(400, 'InvalidParameter', 'The specified parameter "InstanceIds" is not valid: at least one ID is required.');
  return [...new Set(ids)];
}

/** The optional boolean flag (ForceStop, ForceReboot) is validated; its effect is not modelled. */
export function lifecycleActions(op: LifecycleOp, singular: string, plural: string, flag?: string): [ActionDef, ActionDef] {
  const run = (ctx: ActionContext, ids: string[]): Record<string, unknown> => {
    if (flag) bool(ctx.params, flag);
    const list = ids.map((id) => find(ctx, id));
    for (const inst of list) checkStatus(inst, op);
    for (const inst of list) begin(inst, op, ctx.now);
    return {};
  };
  return [
    { name: singular, needsRegion: true, mutating: true, run: (ctx) => run(ctx, [required(ctx.params, 'InstanceId')]) },
    { name: plural, needsRegion: true, mutating: true, run: (ctx) => run(ctx, pluralIds(ctx.params)) },
  ];
}
