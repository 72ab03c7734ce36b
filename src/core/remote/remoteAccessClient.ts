// Remote-access operations on top of the client's call pipeline (same limiter, retries, cache and
// log as every other call): firewall rules, Cloud Assistant RunCommand and its results, the
// agent's status, the Workbench login URL, and SSH key pairs (keyPairClient.ts). Writes carry a ClientToken where the API takes one.
import { arr, num, obj, str } from '../convert';
import type { CallOptions } from '../swasApi';
import { writeSpec as write } from '../callSpec';
import type { SwasCaller } from '../swasClient';
import type { KeyPairApi } from './keyPairClient';
import { createKeyPairApi } from './keyPairClient';
import type { FirewallProtocol, FirewallRule, InvocationResult, InvocationStatus, NewFirewallRule, RunCommandParams } from './remoteModel';

type Spec = Parameters<SwasCaller['call']>[0];

const PROTOCOLS: readonly FirewallProtocol[] = ['TCP', 'UDP', 'TCP+UDP', 'ICMP'];
const INVOCATION: readonly InvocationStatus[] = ['Pending', 'Running', 'Success', 'Failed', 'Error', 'Timeout', 'Aborted', 'Invalid'];

function oneOf<T extends string>(values: readonly T[], raw: string): T | 'unknown' {
  return values.find((v) => v.toLowerCase() === raw.trim().toLowerCase()) ?? 'unknown';
}

export function toFirewallRule(raw: unknown): FirewallRule {
  const o = obj(raw);
  const policy = str(o.Policy).toLowerCase();
  return {
    ruleId: str(o.RuleId),
    port: str(o.Port),
    protocol: oneOf(PROTOCOLS, str(o.RuleProtocol)),
    sourceCidrIp: str(o.SourceCidrIp) || '0.0.0.0/0',
    policy: policy === 'accept' || policy === 'drop' ? policy : policy === '' ? 'accept' : 'unknown',
    remark: str(o.Remark),
  };
}

export function toInvocationResult(raw: unknown): InvocationResult {
  const o = obj(raw);
  const rawStatus = str(o.InvocationStatus);
  const exit = o.ExitCode === undefined || o.ExitCode === null || o.ExitCode === '' ? undefined : num(o.ExitCode);
  let output = '';
  try {
    output = Buffer.from(str(o.Output), 'base64').toString('utf8');
  } catch {
    output = '';
  }
  return {
    invokeId: str(o.InvokeId),
    instanceId: str(o.InstanceId),
    status: oneOf(INVOCATION, rawStatus),
    rawStatus,
    exitCode: exit !== undefined && Number.isFinite(exit) ? exit : undefined,
    output,
    errorCode: str(o.ErrorCode),
    errorInfo: str(o.ErrorInfo),
  };
}

export interface RemoteAccessApi extends KeyPairApi {
  listFirewallRules(regionId: string, instanceId: string, opts?: CallOptions): Promise<FirewallRule[]>;
  createFirewallRules(
    params: { regionId: string; instanceId: string; rules: NewFirewallRule[]; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ ruleIds: string[]; requestId: string }>;
  modifyFirewallRule(
    params: { regionId: string; instanceId: string; ruleId: string; rule: NewFirewallRule; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ requestId: string }>;
  setFirewallRuleEnabled(
    params: { regionId: string; instanceId: string; ruleId: string; enabled: boolean; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ requestId: string }>;
  deleteFirewallRules(
    params: { regionId: string; instanceId: string; ruleIds: string[]; clientToken: string },
    opts?: CallOptions,
  ): Promise<{ requestId: string }>;
  runCommand(params: RunCommandParams, opts?: CallOptions): Promise<{ invokeId: string; requestId: string }>;
  invocationResult(regionId: string, instanceId: string, invokeId: string, opts?: CallOptions): Promise<InvocationResult>;
  /** true = the Cloud Assistant agent is online, per server. */
  cloudAssistantStatus(regionId: string, instanceIds: string[], opts?: CallOptions): Promise<Map<string, boolean>>;
  loginUrl(params: { regionId: string; instanceId: string; username?: string; port?: number }, opts?: CallOptions): Promise<string>;
}

const read = (action: string, regionId: string, params: Spec['params'], listKey?: string, idKey?: string): Spec => ({
  action,
  regionId,
  params: { RegionId: regionId, ...params },
  mutating: false,
  cacheable: false,
  listKey,
  idKey,
});

function ruleParams(r: NewFirewallRule): Record<string, string> {
  return { Port: r.port, RuleProtocol: r.protocol, SourceCidrIp: r.sourceCidrIp, Remark: r.remark ?? '' };
}

export function createRemoteAccessApi(caller: SwasCaller): RemoteAccessApi {
  return {
    ...createKeyPairApi(caller),
    async listFirewallRules(regionId, instanceId, opts) {
      const out: FirewallRule[] = [];
      for (let page = 1; page <= 20; page++) {
        const body = await caller.call(
          read('ListFirewallRules', regionId, { InstanceId: instanceId, PageNumber: page, PageSize: 100 }, 'FirewallRules', 'RuleId'),
          opts,
        );
        const items = arr(body.FirewallRules).map(toFirewallRule);
        out.push(...items);
        if (items.length < 100 || out.length >= num(body.TotalCount)) break;
      }
      return out;
    },
    async createFirewallRules(p, opts) {
      // The plural create is the only one that takes a source CIDR per rule (SDK 4.0.0).
      const body = await caller.call(
        write('CreateFirewallRules', p.regionId, p.clientToken, {
          InstanceId: p.instanceId,
          FirewallRules: JSON.stringify(p.rules.map(ruleParams)),
        }),
        opts,
      );
      return { ruleIds: arr(body.FirewallRuleIds).map((x) => str(x)), requestId: str(body.RequestId) };
    },
    async modifyFirewallRule(p, opts) {
      const body = await caller.call(
        write('ModifyFirewallRule', p.regionId, p.clientToken, { InstanceId: p.instanceId, RuleId: p.ruleId, ...ruleParams(p.rule) }),
        opts,
      );
      return { requestId: str(body.RequestId) };
    },
    async setFirewallRuleEnabled(p, opts) {
      const body = await caller.call(
        write(p.enabled ? 'EnableFirewallRule' : 'DisableFirewallRule', p.regionId, p.clientToken, {
          InstanceId: p.instanceId,
          RuleId: p.ruleId,
        }),
        opts,
      );
      return { requestId: str(body.RequestId) };
    },
    async deleteFirewallRules(p, opts) {
      const body = await caller.call(
        write('DeleteFirewallRules', p.regionId, p.clientToken, { InstanceId: p.instanceId, RuleIds: JSON.stringify(p.ruleIds) }),
        opts,
      );
      return { requestId: str(body.RequestId) };
    },
    async runCommand(p, opts) {
      // RunCommand takes no ClientToken: it is never retried after the request may have reached
      // the server (a second run of a script is a second side effect).
      const spec: Spec = {
        action: 'RunCommand',
        regionId: p.regionId,
        mutating: true,
        cacheable: false,
        resultKey: 'InvokeId',
        params: {
          RegionId: p.regionId,
          InstanceId: p.instanceId,
          CommandContent: p.commandContent,
          Type: p.type,
          Timeout: p.timeoutSeconds,
          WorkingUser: p.workingUser || undefined,
          WorkingDir: p.workingDir || undefined,
          Name: p.name || undefined,
        },
      };
      const body = await caller.call(spec, opts);
      return { invokeId: str(body.InvokeId), requestId: str(body.RequestId) };
    },
    async invocationResult(regionId, instanceId, invokeId, opts) {
      const body = await caller.call(read('DescribeInvocationResult', regionId, { InstanceId: instanceId, InvokeId: invokeId }), opts);
      return toInvocationResult(body.InvocationResult);
    },
    async cloudAssistantStatus(regionId, instanceIds, opts) {
      const out = new Map<string, boolean>();
      for (let i = 0; i < instanceIds.length; i += 100) {
        const body = await caller.call(
          read(
            'DescribeCloudAssistantStatus',
            regionId,
            { InstanceIds: JSON.stringify(instanceIds.slice(i, i + 100)), PageSize: 100 },
            'CloudAssistantStatus',
            'InstanceId',
          ),
          opts,
        );
        for (const s of arr(body.CloudAssistantStatus)) {
          const o = obj(s);
          out.set(str(o.InstanceId), o.Status === true || str(o.Status).toLowerCase() === 'true');
        }
      }
      return out;
    },
    async loginUrl(p, opts) {
      const body = await caller.call(
        read('LoginInstance', p.regionId, { InstanceId: p.instanceId, Username: p.username || undefined, Port: p.port }),
        opts,
      );
      return str(body.RedirectUrl);
    },
  };
}
