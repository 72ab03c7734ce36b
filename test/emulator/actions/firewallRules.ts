// Firewall rules of one server: ListFirewallRules, CreateFirewallRule(s), ModifyFirewallRule,
// EnableFirewallRule / DisableFirewallRule, DeleteFirewallRule(s). Evidence: state/firewall.ts.
import { ApiError, notFound } from '../apiError';
import { jsonIds, optional, page, paginate, required } from '../params';
import type { Params } from '../params';
import { FIREWALL_RULE_LIMIT_DEFAULT, cidr, portRange, protocol, rulesOf, peekRules } from '../state/firewall';
import type { Store } from '../state/store';
import type { FirewallRuleRecord, InstanceRecord, RegionState } from '../types';
import type { ActionDef } from './action';

function target(store: Store, accountId: string, regionId: string, params: Params): { region: RegionState; instance: InstanceRecord } {
  const instanceId = required(params, 'InstanceId');
  const region = store.regionForWrite(accountId, regionId);
  const instance = region.instances.find((i) => i.instanceId === instanceId);
  if (!instance) throw notFound('InvalidInstanceId.NotFound', 'InstanceId');
  return { region, instance };
}

function wire(r: FirewallRuleRecord): Record<string, unknown> {
  return {
    RuleId: r.ruleId,
    Port: r.port,
    RuleProtocol: r.ruleProtocol,
    SourceCidrIp: r.sourceCidrIp,
    Policy: r.policy,
    Remark: r.remark,
    Tags: r.tags,
  };
}

function remark(params: Params): string {
  const v = optional(params, 'Remark') ?? '';
  if (v.length > 64)
    throw new ApiError(
      400,
      'InvalidParameter',
      'The specified parameter Remark is not valid: at most 64 characters (GUESS: the limit is not documented).',
    );
  return v;
}

interface NewRule {
  port: string;
  ruleProtocol: string;
  sourceCidrIp: string;
  remark: string;
}

function add(store: Store, rules: FirewallRuleRecord[], wanted: NewRule[]): string[] {
  if (rules.length + wanted.length > FIREWALL_RULE_LIMIT_DEFAULT) {
    throw new ApiError(400, 'FirewallRuleLimitExceed', `A server can have at most ${FIREWALL_RULE_LIMIT_DEFAULT} firewall rules.`);
  }
  const ids: string[] = [];
  for (const w of wanted) {
    portRange(w.port, w.ruleProtocol);
    if (rules.some((r) => r.port === w.port && r.ruleProtocol === w.ruleProtocol && r.sourceCidrIp === w.sourceCidrIp)) {
      throw new ApiError(
        400,
        'FirewallRuleAlreadyExist',
        `A firewall rule for ${w.ruleProtocol} ${w.port} from ${w.sourceCidrIp} already exists.`,
      );
    }
    const rule: FirewallRuleRecord = {
      ruleId: store.newFirewallRuleId(),
      port: w.port,
      ruleProtocol: w.ruleProtocol,
      sourceCidrIp: w.sourceCidrIp,
      policy: 'accept',
      remark: w.remark,
      tags: [],
    };
    rules.push(rule);
    ids.push(rule.ruleId);
  }
  return ids;
}

function find(rules: FirewallRuleRecord[], ruleId: string): FirewallRuleRecord {
  const r = rules.find((x) => x.ruleId === ruleId);
  if (!r) throw notFound('InvalidFirewallRuleId.NotFound', 'RuleId');
  return r;
}

export const listFirewallRules: ActionDef = {
  name: 'ListFirewallRules',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const instanceId = required(params, 'InstanceId');
    const region = store.region(accountId, regionId);
    const instance = region.instances.find((i) => i.instanceId === instanceId);
    if (!instance) throw notFound('InvalidInstanceId.NotFound', 'InstanceId');
    const pg = page(params);
    const only = optional(params, 'FirewallRuleId');
    const all = peekRules(region, instance).filter((r) => !only || r.ruleId === only);
    return { PageNumber: pg.pageNumber, PageSize: pg.pageSize, TotalCount: all.length, FirewallRules: paginate(all, pg).map(wire) };
  },
};

export const createFirewallRule: ActionDef = {
  name: 'CreateFirewallRule',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const { region, instance } = target(store, accountId, regionId, params);
    const [id] = add(store, rulesOf(region, instance), [
      {
        port: required(params, 'Port'),
        ruleProtocol: protocol(required(params, 'RuleProtocol')),
        sourceCidrIp: '0.0.0.0/0',
        remark: remark(params),
      },
    ]);
    return { FirewallId: id };
  },
};

export const createFirewallRules: ActionDef = {
  name: 'CreateFirewallRules',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const { region, instance } = target(store, accountId, regionId, params);
    let parsed: unknown;
    try {
      parsed = JSON.parse(required(params, 'FirewallRules'));
    } catch {
      throw new ApiError(400, 'InvalidParameter', 'The specified parameter FirewallRules is not valid: it must be a JSON array of rules.');
    }
    if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > 20) {
      throw new ApiError(
        400,
        'InvalidParameter',
        'The specified parameter FirewallRules is not valid: 1 to 20 rules (GUESS: the maximum is not documented).',
      );
    }
    const wanted = parsed.map((x: unknown): NewRule => {
      const o = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
      const str = (k: string): string | undefined => (typeof o[k] === 'string' || typeof o[k] === 'number' ? String(o[k]) : undefined);
      const port = str('Port');
      if (!port)
        throw new ApiError(
          400,
          'MissingParameter',
          'The input parameter "FirewallRules.Port" that is mandatory for processing this request is not supplied.',
        );
      const rm = str('Remark') ?? '';
      return {
        port,
        ruleProtocol: protocol(str('RuleProtocol')),
        sourceCidrIp: cidr(str('SourceCidrIp') ?? '0.0.0.0/0'),
        remark: remark({ Remark: rm }),
      };
    });
    return { FirewallRuleIds: add(store, rulesOf(region, instance), wanted) };
  },
};

export const modifyFirewallRule: ActionDef = {
  name: 'ModifyFirewallRule',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const { region, instance } = target(store, accountId, regionId, params);
    const rules = rulesOf(region, instance);
    const rule = find(rules, required(params, 'RuleId'));
    const port = optional(params, 'Port') ?? rule.port;
    const next = {
      port,
      ruleProtocol: protocol(optional(params, 'RuleProtocol') ?? rule.ruleProtocol),
      sourceCidrIp: cidr(optional(params, 'SourceCidrIp') ?? rule.sourceCidrIp),
    };
    portRange(port, next.ruleProtocol);
    if (
      rules.some((r) => r !== rule && r.port === next.port && r.ruleProtocol === next.ruleProtocol && r.sourceCidrIp === next.sourceCidrIp)
    ) {
      throw new ApiError(
        400,
        'FirewallRuleAlreadyExist',
        `A firewall rule for ${next.ruleProtocol} ${next.port} from ${next.sourceCidrIp} already exists.`,
      );
    }
    Object.assign(rule, next, { remark: params.Remark !== undefined ? remark(params) : rule.remark });
    return {};
  },
};

function toggle(name: string, policy: 'accept' | 'drop'): ActionDef {
  return {
    name,
    needsRegion: true,
    mutating: true,
    run({ store, accountId, regionId, params }) {
      const { region, instance } = target(store, accountId, regionId, params);
      const rule = find(rulesOf(region, instance), required(params, 'RuleId'));
      rule.policy = policy;
      const src = optional(params, 'SourceCidrIp');
      if (src) rule.sourceCidrIp = cidr(src);
      if (params.Remark !== undefined) rule.remark = remark(params);
      return {};
    },
  };
}

export const enableFirewallRule = toggle('EnableFirewallRule', 'accept');
export const disableFirewallRule = toggle('DisableFirewallRule', 'drop');

function remove(rules: FirewallRuleRecord[], ids: string[]): void {
  for (const id of ids) find(rules, id);
  for (const id of ids)
    rules.splice(
      rules.findIndex((r) => r.ruleId === id),
      1,
    );
}

export const deleteFirewallRule: ActionDef = {
  name: 'DeleteFirewallRule',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const { region, instance } = target(store, accountId, regionId, params);
    remove(rulesOf(region, instance), [required(params, 'RuleId')]);
    return {};
  },
};

export const deleteFirewallRules: ActionDef = {
  name: 'DeleteFirewallRules',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const { region, instance } = target(store, accountId, regionId, params);
    const ids = jsonIds(params, 'RuleIds', 100);
    if (!ids?.length)
      throw new ApiError(
        400,
        'MissingParameter',
        'The input parameter "RuleIds" that is mandatory for processing this request is not supplied.',
      );
    remove(rulesOf(region, instance), ids);
    return {};
  },
};
