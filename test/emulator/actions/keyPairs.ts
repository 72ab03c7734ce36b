// SSH key pairs: ImportKeyPair, CreateKeyPair, ListKeyPairs, AttachKeyPair, DetachKeyPair,
// DeleteKeyPairs (rules and evidence in state/keyPairs.ts and test/emulator/README.md).
// Documented [SDK 4.x]: parameter and field names, the name syntax, ≤ 10 pairs a region, RSA 2048
// with a PKCS#8 private key returned once, ≤ 50 servers a call, per-server Results with FailCount,
// one pair a server (a new one overwrites), delete only after detach, Linux only.
// GUESSES: every error code, per-server failures (not a failed call) for unknown or Windows servers,
// detaching a pair that is not bound succeeds, duplicate public keys under two names are accepted.
import { ApiError, notFound } from '../apiError';
import { optional, page, paginate, required } from '../params';
import type { KeyPairRecord } from '../types';
import type { ActionContext, ActionDef } from './action';
import {
  checkKeyPairName,
  findPair,
  KEY_PAIRS_PER_REGION,
  listParam,
  md5Fingerprint,
  newRsaPair,
  parsePublicKeyBody,
  SERVERS_PER_CALL,
  writeAttachedKey,
} from '../state/keyPairs';

function addPair(ctx: ActionContext, name: string, publicKeyBody: string): KeyPairRecord {
  const region = ctx.store.regionForWrite(ctx.accountId, ctx.regionId);
  const pairs = (region.keyPairs ??= []);
  if (findPair(pairs, name)) throw new ApiError(400, 'KeyPair.AlreadyExist', `The key pair "${name}" already exists.`);
  if (pairs.length >= KEY_PAIRS_PER_REGION)
    throw new ApiError(400, 'QuotaExceed.KeyPair', `At most ${KEY_PAIRS_PER_REGION} key pairs are allowed in a region.`);
  const parsed = parsePublicKeyBody(publicKeyBody);
  if (parsed.type !== 'ssh-rsa' && ctx.variants.has('rsa-only-key-pairs')) {
    throw new ApiError(400, 'InvalidPublicKeyBody.Malformed', `The key type ${parsed.type} is not supported; import an RSA key (ssh-rsa).`);
  }
  const pair: KeyPairRecord = {
    keyPairName: name,
    publicKeyBody: `${parsed.type} ${parsed.base64}`,
    fingerprint: md5Fingerprint(parsed.blob),
    creationTime: ctx.store.nowIso(),
    instanceIds: [],
  };
  pairs.push(pair);
  return pair;
}

export const importKeyPair: ActionDef = {
  name: 'ImportKeyPair',
  needsRegion: true,
  mutating: true,
  run(ctx) {
    const name = checkKeyPairName(required(ctx.params, 'KeyPairName'));
    const body = required(ctx.params, 'PublicKeyBody');
    return { KeyPairName: addPair(ctx, name, body).keyPairName };
  },
};

export const createKeyPair: ActionDef = {
  name: 'CreateKeyPair',
  needsRegion: true,
  mutating: true,
  run(ctx) {
    const name = checkKeyPairName(required(ctx.params, 'KeyPairName'));
    const made = newRsaPair();
    addPair(ctx, name, made.publicLine);
    return { KeyPairName: name, PrivateKeyBody: made.privatePem };
  },
};

export const listKeyPairs: ActionDef = {
  name: 'ListKeyPairs',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const name = optional(params, 'KeyPairName');
    const pg = page(params);
    const all = (store.region(accountId, regionId).keyPairs ?? []).filter((k) => name === undefined || k.keyPairName === name);
    return {
      PageNumber: pg.pageNumber,
      PageSize: pg.pageSize,
      TotalCount: all.length,
      // CreationTime to the minute, as the SDK's example shows it ("2024-05-06T02:28Z").
      KeyPairs: paginate(all, pg).map((k) => ({
        KeyPairName: k.keyPairName,
        PublicKey: k.publicKeyBody,
        CreationTime: `${k.creationTime.slice(0, 16)}Z`,
        InstanceIds: [...k.instanceIds],
      })),
    };
  },
};

function serverIds(ctx: ActionContext): string[] {
  const ids = listParam(ctx.params, 'InstanceIds', SERVERS_PER_CALL);
  if (!ids?.length)
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "InstanceIds" that is mandatory for processing this request is not supplied.',
    );
  return [...new Set(ids)];
}

function pairToChange(ctx: ActionContext): KeyPairRecord {
  const name = checkKeyPairName(required(ctx.params, 'KeyPairName'));
  const pair = findPair(ctx.store.regionForWrite(ctx.accountId, ctx.regionId).keyPairs, name);
  if (!pair) throw notFound('InvalidKeyPairName.NotFound', `key pair "${name}"`);
  return pair;
}

type Outcome = { InstanceId: string; Success: 'true' | 'false'; Code: string; Message: string };

function perServer(ctx: ActionContext, apply: (instanceId: string) => Outcome | undefined): Record<string, unknown> {
  const region = ctx.store.regionForWrite(ctx.accountId, ctx.regionId);
  const results = serverIds(ctx).map((id): Outcome => {
    const instance = region.instances.find((i) => i.instanceId === id);
    if (!instance)
      return { InstanceId: id, Success: 'false', Code: 'InvalidInstanceId.NotFound', Message: 'The specified InstanceId does not exist.' };
    if (instance.image.osType.toLowerCase() === 'windows')
      return {
        InstanceId: id,
        Success: 'false',
        Code: 'OperationDenied.WindowsNotSupported',
        Message: 'Key pairs are for Linux servers only.',
      };
    return apply(id) ?? { InstanceId: id, Success: 'true', Code: '200', Message: 'success' };
  });
  return { TotalCount: results.length, FailCount: results.filter((r) => r.Success === 'false').length, Results: results };
}

export const attachKeyPair: ActionDef = {
  name: 'AttachKeyPair',
  needsRegion: true,
  mutating: true,
  run(ctx) {
    const pair = pairToChange(ctx);
    const region = ctx.store.regionForWrite(ctx.accountId, ctx.regionId);
    return perServer(ctx, (id) => {
      for (const other of region.keyPairs ?? []) other.instanceIds = other.instanceIds.filter((x) => x !== id);
      pair.instanceIds.push(id);
      const instance = region.instances.find((i) => i.instanceId === id);
      if (instance) writeAttachedKey(ctx.store, instance, pair);
      return undefined;
    });
  },
};

export const detachKeyPair: ActionDef = {
  name: 'DetachKeyPair',
  needsRegion: true,
  mutating: true,
  run(ctx) {
    const pair = pairToChange(ctx);
    const region = ctx.store.regionForWrite(ctx.accountId, ctx.regionId);
    return perServer(ctx, (id) => {
      if (!pair.instanceIds.includes(id)) return undefined;
      pair.instanceIds = pair.instanceIds.filter((x) => x !== id);
      const instance = region.instances.find((i) => i.instanceId === id);
      if (instance) writeAttachedKey(ctx.store, instance, undefined);
      return undefined;
    });
  },
};

export const deleteKeyPairs: ActionDef = {
  name: 'DeleteKeyPairs',
  needsRegion: true,
  mutating: true,
  run(ctx) {
    const names = listParam(ctx.params, 'KeyPairNames', 50);
    if (!names?.length)
      throw new ApiError(
        400,
        'MissingParameter',
        'The input parameter "KeyPairNames" that is mandatory for processing this request is not supplied.',
      );
    const region = ctx.store.regionForWrite(ctx.accountId, ctx.regionId);
    const pairs = names.map((n) => {
      const p = findPair(region.keyPairs, checkKeyPairName(n, 'KeyPairNames'));
      if (!p) throw notFound('InvalidKeyPairName.NotFound', `key pair "${n}"`);
      if (p.instanceIds.length)
        throw new ApiError(400, 'KeyPair.InUse', `The key pair "${n}" is still attached to ${p.instanceIds.join(', ')}; detach it first.`);
      return p;
    });
    region.keyPairs = (region.keyPairs ?? []).filter((k) => !pairs.includes(k));
    return {};
  },
};
