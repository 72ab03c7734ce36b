// ClientToken: same token + same parameters → the first result again; different parameters →
// IdempotentParameterMismatch. Tokens are remembered per (account, action) for 24 h (UNCONFIRMED).
import { ApiError } from '../apiError';
import type { ActionContext, ActionDef } from '../actions/action';

export const TOKEN_RETENTION_MS = 24 * 3600 * 1000;

export function fingerprint(params: Record<string, string>): string {
  return JSON.stringify(
    Object.keys(params)
      .filter((k) => k !== 'ClientToken')
      .sort()
      .map((k) => [k, params[k]]),
  );
}

export function runIdempotent(ctx: ActionContext, action: ActionDef): Record<string, unknown> {
  const token = ctx.params.ClientToken;
  if (token === undefined || token === '') return action.run(ctx);
  if (token.length > 64 || !/^[\x20-\x7e]+$/.test(token)) {
    throw new ApiError(400, 'InvalidParameter', 'The specified parameter "ClientToken" is not valid: at most 64 ASCII characters.');
  }
  const tokens = ctx.store.state.clientTokens;
  const key = `${ctx.accountId}|${action.name}|${token}`;
  const fp = fingerprint(ctx.params);
  const seen = tokens[key];
  if (seen && seen.at + TOKEN_RETENTION_MS > ctx.now) {
    if (seen.fingerprint !== fp) {
      throw new ApiError(
        400,
        'IdempotentParameterMismatch',
        'The specified parameters are different from before for the same ClientToken.',
      );
    }
    return { ...seen.result };
  }
  const result = action.run(ctx);
  const stored: Record<string, string> = {};
  for (const [k, v] of Object.entries(result)) if (typeof v === 'string') stored[k] = v;
  tokens[key] = { fingerprint: fp, result: stored, at: ctx.now };
  return result;
}
