// The whole form in one call: run by the webview as you type and by the host before any API
// call. Returns issues in form order (the first one is the field to focus).
import type { Tag } from '../model';
import { validateDescription } from './description';
import { isImageNameTaken, validateImageName } from './imageName';
import { imageQuota } from './quota';
import { validateResourceGroupId } from './resourceGroupId';
import type { RuleIssue } from './ruleCodes';
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

/** Server states in which an image can be made (others get IncorrectInstanceStatus). */
export const IMAGE_READY_STATUSES: readonly string[] = ['Running', 'Stopped'];

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
  if (!IMAGE_READY_STATUSES.includes(ctx.instanceStatus)) issues.push({ field: 'server', code: 'server.notReady' });
  const nameCode = validateImageName(input.imageName);
  if (nameCode) issues.push({ field: 'imageName', code: nameCode });
  else if (isImageNameTaken(input.imageName, ctx.existingImageNames)) issues.push({ field: 'imageName', code: 'imageName.taken' });

  if (input.systemSnapshotId === '') {
    issues.push({ field: 'systemSnapshot', code: 'systemSnapshot.required' });
  } else {
    const s = ctx.snapshots.find((x) => x.snapshotId === input.systemSnapshotId);
    const code = s ? snapshotIneligibility(s, 'system', ctx.instanceId) : 'systemSnapshot.notFound';
    if (code) issues.push({ field: 'systemSnapshot', code });
  }
  if (input.dataSnapshotId !== '') {
    const s = ctx.snapshots.find((x) => x.snapshotId === input.dataSnapshotId);
    const code = s ? snapshotIneligibility(s, 'data', ctx.instanceId) : 'dataSnapshot.notFound';
    if (code) issues.push({ field: 'dataSnapshot', code });
  }

  const descCode = validateDescription(input.description);
  if (descCode) issues.push({ field: 'description', code: descCode });
  issues.push(...validateTags(input.tags));
  const rgCode = validateResourceGroupId(input.resourceGroupId);
  if (rgCode) issues.push({ field: 'resourceGroupId', code: rgCode });
  if (imageQuota(ctx.serverCount, ctx.imageCount).full) issues.push({ field: 'quota', code: 'quota.full' });
  return issues;
}
