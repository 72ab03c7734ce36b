// The whole form in one call: run by the webview as you type and by the host before any API
// call. Returns issues in form order (the first one is the field to focus), each with its
// severity: only 'error' issues (confirmed rules) stop a submit; 'advice' is shown and the
// user may submit anyway (see RULE_SOURCES in ruleCodes.ts for the evidence of each rule).
import type { Tag } from '../model';
import { validateDescription } from './description';
import { isImageNameTaken, validateImageName } from './imageName';
import { imageQuota } from './quota';
import { validateResourceGroupId } from './resourceGroupId';
import type { RuleIssue } from './ruleCodes';
import { ruleIssue } from './ruleCodes';
import type { SnapshotLike } from './snapshots';
import { snapshotIneligibility } from './snapshots';
import { validateTags } from './tags';

export interface CreateImageInput {
  imageName: string;
  systemSnapshotId: string;
  /** '' = none. */
  dataSnapshotId: string;
  description: string;
  resourceGroupId: string;
  tags: Tag[];
}

/**
 * Server states in which an image is expected to be possible (others may get
 * IncorrectInstanceStatus). Guess: no state is documented, so this is advice only.
 */
export const IMAGE_READY_STATUSES: readonly string[] = ['Running', 'Stopped'];

function isReadyStatus(status: string): boolean {
  const s = String(status).toLowerCase();
  return IMAGE_READY_STATUSES.some((r) => r.toLowerCase() === s);
}

export interface CreateImageRuleContext {
  instanceId: string;
  instanceStatus: string;
  snapshots: readonly SnapshotLike[];
  existingImageNames: readonly string[];
  /** Servers owned in the region (for the quota). */
  serverCount: number;
  /** Custom images in the region. */
  imageCount: number;
}

export function validateCreateImage(input: CreateImageInput, ctx: CreateImageRuleContext): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!isReadyStatus(ctx.instanceStatus)) issues.push(ruleIssue('server', 'server.notReady'));
  const nameCode = validateImageName(input.imageName);
  const name = nameCode ? ruleIssue('imageName', nameCode) : undefined;
  // One issue per field, the blocking one first: a malformed name, else a taken one, else advice.
  if (name?.severity === 'error') issues.push(name);
  else if (isImageNameTaken(input.imageName, ctx.existingImageNames)) issues.push(ruleIssue('imageName', 'imageName.taken'));
  else if (name) issues.push(name);

  if (input.systemSnapshotId === '') {
    issues.push(ruleIssue('systemSnapshot', 'systemSnapshot.required'));
  } else {
    const s = ctx.snapshots.find((x) => x.snapshotId === input.systemSnapshotId);
    const code = s ? snapshotIneligibility(s, 'system', ctx.instanceId) : 'systemSnapshot.notFound';
    if (code) issues.push(ruleIssue('systemSnapshot', code));
  }
  if (input.dataSnapshotId !== '') {
    const s = ctx.snapshots.find((x) => x.snapshotId === input.dataSnapshotId);
    const code = s ? snapshotIneligibility(s, 'data', ctx.instanceId) : 'dataSnapshot.notFound';
    if (code) issues.push(ruleIssue('dataSnapshot', code));
  }

  const descCode = validateDescription(input.description);
  if (descCode) issues.push(ruleIssue('description', descCode));
  issues.push(...validateTags(input.tags));
  const rgCode = validateResourceGroupId(input.resourceGroupId);
  if (rgCode) issues.push(ruleIssue('resourceGroupId', rgCode));
  if (imageQuota(ctx.serverCount, ctx.imageCount).full) issues.push(ruleIssue('quota', 'quota.full'));
  return issues;
}
