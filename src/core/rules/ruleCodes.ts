// Codes the rules return. Core never returns sentences: the host localizes these
// (and the webview shows the host's localized strings by code).

/** Form fields a rule issue can belong to. Tag issues carry the row index. */
export type FieldId =
  | 'server'
  | 'imageName'
  | 'systemSnapshot'
  | 'dataSnapshot'
  | 'description'
  | 'tags'
  | 'tagKey'
  | 'tagValue'
  | 'resourceGroupId'
  | 'quota';

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

export interface RuleIssue {
  field: FieldId;
  code: RuleCode;
  /** Tag row (0-based) for tagKey / tagValue issues. */
  index?: number;
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
