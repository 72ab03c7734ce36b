// Codes the rules return. Core never returns sentences: the host localizes these
// (and the webview shows the host's localized strings by code).

/** Form fields a rule issue can belong to. Tag issues carry the row index. */
export type FieldId =
  'server' | 'imageName' | 'systemSnapshot' | 'dataSnapshot' | 'description' | 'tags' | 'tagKey' | 'tagValue' | 'resourceGroupId' | 'quota';

export type RuleCode =
  | 'server.notReady'
  | 'imageName.required'
  | 'imageName.length'
  | 'imageName.start'
  | 'imageName.chars'
  | 'imageName.taken'
  | 'systemSnapshot.required'
  | 'systemSnapshot.notFound'
  | 'systemSnapshot.notSystemDisk'
  | 'systemSnapshot.otherServer'
  | 'systemSnapshot.progressing'
  | 'systemSnapshot.failed'
  | 'dataSnapshot.notFound'
  | 'dataSnapshot.notDataDisk'
  | 'dataSnapshot.otherServer'
  | 'dataSnapshot.progressing'
  | 'dataSnapshot.failed'
  | 'description.tooLong'
  | 'description.url'
  | 'tags.tooMany'
  | 'tagKey.required'
  | 'tagKey.tooLong'
  | 'tagKey.url'
  | 'tagKey.reservedPrefix'
  | 'tagKey.duplicate'
  | 'tagValue.tooLong'
  | 'tagValue.url'
  | 'resourceGroupId.format'
  | 'quota.full';

/**
 * How sure we are of a rule (fact sheet swas-api-2.md): `confirmed` = a primary source says it;
 * `likely` = strong indirect evidence; `guess` = nothing either way, or the sources disagree.
 */
export type Evidence = 'confirmed' | 'likely' | 'guess';

/**
 * What a broken rule does to the form: an `error` blocks the submit (confirmed rules only); an
 * `advice` is shown as a warning and the user may submit anyway — the API's answer decides.
 */
export type Severity = 'error' | 'advice';

export interface RuleIssue {
  field: FieldId;
  code: RuleCode;
  severity: Severity;
  /** Tag row (0-based) for tagKey / tagValue issues. */
  index?: number;
}

export interface RuleSource {
  evidence: Evidence;
  /** One line: where the rule comes from. */
  source: string;
}

const REF = 'CreateCustomImage-api-reference.txt';
/**
 * Every rule, with its evidence and its source. Only `confirmed` rules block (severity 'error');
 * `likely` and `guess` rules are advice. Keep this table next to the rules it describes.
 */
export const RULE_SOURCES: Record<RuleCode, RuleSource> = {
  'server.notReady': {
    evidence: 'guess',
    source: 'swas-api.md §3.10: no required server state is documented for CreateCustomImage (only IncorrectInstanceStatus exists)',
  },
  'imageName.required': { evidence: 'confirmed', source: `${REF}: ImageName is required` },
  'imageName.length': { evidence: 'confirmed', source: `${REF}: 2 to 128 characters; Terraform regex agrees` },
  'imageName.start': {
    evidence: 'confirmed',
    source: `${REF}: starts with a letter or a digit; Terraform regex agrees (a letter may be Chinese, A6)`,
  },
  'imageName.chars': {
    evidence: 'guess',
    source: 'swas-api-2.md A6: docs say letters, digits, ":", "_", "-"; Terraform also allows Chinese; other letters unknown',
  },
  'imageName.taken': {
    evidence: 'confirmed',
    source: `${REF}: ImageNameAlreadyExist (a name already in this region is in the account, whatever the scope)`,
  },
  'systemSnapshot.required': {
    evidence: 'confirmed',
    source: `${REF}: "only based on the system disk snapshot"; Terraform makes SystemSnapshotId Required`,
  },
  'systemSnapshot.notFound': { evidence: 'confirmed', source: `${REF}: InvalidParam.SystemSnapshotIdNotFound` },
  'systemSnapshot.notSystemDisk': { evidence: 'confirmed', source: `${REF}: a custom image is created only from a system disk snapshot` },
  'systemSnapshot.otherServer': {
    evidence: 'likely',
    source: 'swas-api.md §3.10: that the snapshot must belong to InstanceId is undocumented (very likely)',
  },
  'systemSnapshot.progressing': { evidence: 'guess', source: 'swas-api.md §3.10: that the snapshot must be Accomplished is undocumented' },
  'systemSnapshot.failed': { evidence: 'guess', source: 'swas-api.md §3.10: that the snapshot must be Accomplished is undocumented' },
  'dataSnapshot.notFound': { evidence: 'confirmed', source: `${REF}: InvalidParam.DataSnapshotIdNotFound` },
  'dataSnapshot.notDataDisk': {
    evidence: 'confirmed',
    source: `${REF}: "select a data disk snapshot in addition to a system disk snapshot"`,
  },
  'dataSnapshot.otherServer': {
    evidence: 'likely',
    source: 'swas-api.md §3.10: that the data snapshot must come from the same server is undocumented (very likely)',
  },
  'dataSnapshot.progressing': { evidence: 'guess', source: 'swas-api.md §3.10: that the snapshot must be Accomplished is undocumented' },
  'dataSnapshot.failed': { evidence: 'guess', source: 'swas-api.md §3.10: that the snapshot must be Accomplished is undocumented' },
  'description.tooLong': { evidence: 'guess', source: 'swas-api.md §3.10: description length UNCONFIRMED; 256 is borrowed from ECS' },
  'description.url': { evidence: 'guess', source: 'swas-api.md §3.10: undocumented for SWAS; borrowed from ECS image descriptions' },
  'tags.tooMany': { evidence: 'confirmed', source: `${REF}: "You can specify up to 20 tags"` },
  'tagKey.required': { evidence: 'confirmed', source: `${REF}: "The tag key cannot be an empty string"` },
  'tagKey.tooLong': { evidence: 'confirmed', source: `${REF}: tag key up to 64 characters` },
  'tagKey.url': { evidence: 'confirmed', source: `${REF}: tag key cannot contain http:// or https://` },
  'tagKey.reservedPrefix': { evidence: 'confirmed', source: `${REF}: tag key cannot start with acs: or aliyun` },
  'tagKey.duplicate': {
    evidence: 'likely',
    source: 'undocumented for CreateCustomImage; tag keys are unique per resource in Alibaba Cloud tagging',
  },
  'tagValue.tooLong': { evidence: 'confirmed', source: `${REF}: tag value up to 64 characters` },
  'tagValue.url': { evidence: 'confirmed', source: `${REF}: tag value cannot contain http:// or https://` },
  'resourceGroupId.format': { evidence: 'guess', source: `${REF}: only an example ("rg-aek2bti7cf7****"); no format is documented` },
  'quota.full': {
    evidence: 'guess',
    source: 'swas-api-2.md A3: 3 × servers, at most 15; account-wide in the docs, "in this region" in the error text',
  },
};

/** Confirmed rules block; the rest are advice. */
export function severityOf(code: RuleCode): Severity {
  return RULE_SOURCES[code].evidence === 'confirmed' ? 'error' : 'advice';
}

/** A rule issue with its severity taken from RULE_SOURCES. */
export function ruleIssue(field: FieldId, code: RuleCode, index?: number): RuleIssue {
  const issue: RuleIssue = { field, code, severity: severityOf(code) };
  if (index !== undefined) issue.index = index;
  return issue;
}

/** The issues that stop a submit (errors); advice never does. */
export function blockingIssues(issues: readonly RuleIssue[]): RuleIssue[] {
  return issues.filter((i) => i.severity === 'error');
}

/** Every code, for exhaustive localization checks. */
export const RULE_CODES: readonly RuleCode[] = [
  'server.notReady',
  'imageName.required',
  'imageName.length',
  'imageName.start',
  'imageName.chars',
  'imageName.taken',
  'systemSnapshot.required',
  'systemSnapshot.notFound',
  'systemSnapshot.notSystemDisk',
  'systemSnapshot.otherServer',
  'systemSnapshot.progressing',
  'systemSnapshot.failed',
  'dataSnapshot.notFound',
  'dataSnapshot.notDataDisk',
  'dataSnapshot.otherServer',
  'dataSnapshot.progressing',
  'dataSnapshot.failed',
  'description.tooLong',
  'description.url',
  'tags.tooMany',
  'tagKey.required',
  'tagKey.tooLong',
  'tagKey.url',
  'tagKey.reservedPrefix',
  'tagKey.duplicate',
  'tagValue.tooLong',
  'tagValue.url',
  'resourceGroupId.format',
  'quota.full',
];
