// Key-pair operations of the SWAS API on the client's call pipeline: ListKeyPairs (all pages),
// ImportKeyPair, AttachKeyPair, DetachKeyPair (DeleteKeyPairs is left to the console: nothing here
// needs it yet). List parameters go as the official
// SDK sends them (`InstanceIds.1`, `InstanceIds.2`, …); per-server failures of Attach/Detach
// (HTTP 200 with FailCount > 0) become a KeyPairServerError.
import { arr, bool, num, obj, str } from '../convert';
import type { CallOptions } from '../swasApi';
import { writeSpec as write } from '../callSpec';
import type { SwasCaller } from '../swasClient';
import type { KeyPair, KeyPairAttachResult, KeyPairServerResult } from './keyPairs';
import { KeyPairServerError } from './keyPairs';

export interface KeyPairApi {
  listKeyPairs(regionId: string, opts?: CallOptions): Promise<KeyPair[]>;
  importKeyPair(
    p: { regionId: string; name: string; publicKey: string; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ name: string; requestId: string }>;
  /** Throws KeyPairServerError when the pair could not be bound to some of the servers. */
  attachKeyPair(
    p: { regionId: string; name: string; instanceIds: string[]; clientToken: string },
    opts?: CallOptions,
  ): Promise<KeyPairAttachResult>;
  detachKeyPair(
    p: { regionId: string; name: string; instanceIds: string[]; clientToken: string },
    opts?: CallOptions,
  ): Promise<KeyPairAttachResult>;
}

function indexed(name: string, values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v, i) => [`${name}.${i + 1}`, v]));
}

function ids(v: unknown): string[] {
  if (typeof v === 'string') {
    try {
      return ids(JSON.parse(v));
    } catch {
      return [];
    }
  }
  return arr(v)
    .map((x) => str(x))
    .filter(Boolean);
}

export function toKeyPair(raw: unknown): KeyPair {
  const o = obj(raw);
  return {
    name: str(o.KeyPairName),
    publicKey: str(o.PublicKey ?? o.PublicKeyBody),
    creationTime: str(o.CreationTime),
    instanceIds: ids(o.InstanceIds),
  };
}

export function toServerResults(action: 'AttachKeyPair' | 'DetachKeyPair', body: Record<string, unknown>): KeyPairAttachResult {
  const results: KeyPairServerResult[] = arr(body.Results).map((r) => {
    const o = obj(r);
    return {
      instanceId: str(o.InstanceId),
      success: o.Success === undefined ? true : bool(o.Success),
      code: str(o.Code),
      message: str(o.Message),
    };
  });
  const failed = results.filter((r) => !r.success);
  const failCount = Math.max(num(body.FailCount), failed.length);
  if (failCount > 0) throw new KeyPairServerError(action, failed);
  return { results, failCount, requestId: str(body.RequestId) };
}

export function createKeyPairApi(caller: SwasCaller): KeyPairApi {
  return {
    async listKeyPairs(regionId, opts) {
      const out: KeyPair[] = [];
      // PageSize stays at the documented default (10): the maximum is not documented.
      for (let page = 1; page <= 50; page++) {
        const body = await caller.call(
          {
            action: 'ListKeyPairs',
            regionId,
            params: { RegionId: regionId, PageNumber: page, PageSize: 10 },
            mutating: false,
            cacheable: false,
            listKey: 'KeyPairs',
            idKey: 'KeyPairName',
          },
          opts,
        );
        const items = arr(body.KeyPairs).map(toKeyPair);
        out.push(...items);
        if (items.length === 0 || out.length >= num(body.TotalCount)) break;
      }
      return out;
    },
    async importKeyPair(p, opts) {
      const body = await caller.call(
        write('ImportKeyPair', p.regionId, p.clientToken, { KeyPairName: p.name, PublicKeyBody: p.publicKey }),
        opts,
      );
      return { name: str(body.KeyPairName) || p.name, requestId: str(body.RequestId) };
    },
    async attachKeyPair(p, opts) {
      return toServerResults(
        'AttachKeyPair',
        await caller.call(
          write('AttachKeyPair', p.regionId, p.clientToken, { KeyPairName: p.name, ...indexed('InstanceIds', p.instanceIds) }),
          opts,
        ),
      );
    },
    async detachKeyPair(p, opts) {
      return toServerResults(
        'DetachKeyPair',
        await caller.call(
          write('DetachKeyPair', p.regionId, p.clientToken, { KeyPairName: p.name, ...indexed('InstanceIds', p.instanceIds) }),
          opts,
        ),
      );
    },
  };
}
