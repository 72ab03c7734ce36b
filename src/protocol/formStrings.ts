// The form's strings in English, by key. The host sends them localized on `ready`
// (vscode.l10n.t of each English text; zh-cn in l10n/bundle.l10n.zh-cn.json). `{0}`-style
// placeholders are filled by the webview. Rule codes map to `rule.<code>`, API error codes
// to `error.<code>`.
export const FORM_STRINGS_EN = {
  title: 'Create Custom Image',
  'section.server': 'Source server',
  'field.region': 'Region',
  'field.server': 'Server',
  'field.status': 'Status',
  'field.plan': 'Plan',
  'imageName.label': 'Image name',
  'imageName.help':
    '2–128 characters: letters (Chinese too), digits, colons (:), underscores (_) and hyphens (-). Starts with a letter or a digit. Must be unique in the region.',
  'imageName.checking': 'Checking whether the name is free…',
  'imageName.free': 'The name is free.',
  'systemSnapshot.label': 'System disk snapshot',
  'systemSnapshot.help':
    'The image is made from this snapshot of the server’s system disk. Accomplished snapshots come first, newest first.',
  'systemSnapshot.placeholder': 'Choose a system disk snapshot',
  'systemSnapshot.none': 'This server has no accomplished system disk snapshot yet.',
  'systemSnapshot.create': 'Create a system disk snapshot',
  'systemSnapshot.creating': 'Creating a system disk snapshot… The form updates when it is done.',
  'dataSnapshot.label': 'Data disk snapshot (optional)',
  'dataSnapshot.noneOption': 'None',
  'dataSnapshot.help': 'Without a data disk snapshot, the contents of the data disk are not in the image.',
  'snapshot.option': '{0} · {1}',
  'snapshot.reason.progressing': 'in progress ({0}%)',
  'snapshot.reason.failed': 'failed',
  'description.label': 'Description (optional)',
  'description.help':
    'Best kept to {0} characters, not starting with http:// or https:// (SWAS documents no limit; these are ECS’s rules).',
  'tags.label': 'Tags (optional)',
  'tags.help':
    'Up to {0} tags. Key: required, up to 64 characters, unique, not starting with “acs:” or “aliyun”. Value: up to 64 characters, may be empty. Neither may contain http:// or https://.',
  'tags.add': 'Add tag',
  'tags.key': 'Key',
  'tags.value': 'Value',
  'tags.remove': 'Remove',
  'tags.rowAria': 'Tag {0}',
  'tags.keyAria': 'Tag {0} key',
  'tags.valueAria': 'Tag {0} value',
  'tags.removeAria': 'Remove tag {0}',
  'resourceGroupId.label': 'Resource group ID (optional)',
  'resourceGroupId.help': 'Format: “rg-” followed by lowercase letters and digits, for example rg-aek2bti7cf7abcd.',
  'quota.line': 'Custom images in {0}: {1} of {2} ({3} × {4} servers here, at most {5}).',
  'quota.full':
    'By this reading the quota is full: the service will probably refuse a new image until you delete {0} custom image(s) in {1} (right-click an image under Custom Images → Delete Custom Image). You can still submit; the service decides.',
  'quota.reading':
    'This is our reading of the documented rule, counting this region only: the documents disagree on whether the quota counts one region or the whole account. The service decides.',
  'quota.fact': 'Custom images in {0}: {1}. The service says the quota is reached: “{2}”',
  'advice.label': 'Advice:',
  'error.permission':
    'Your AccessKey is not allowed to create custom images (it may be read-only). Ask the account owner to grant AliyunSWASFullAccess, or a policy with swas-open:CreateCustomImage, then retry.',
  'error.session': 'The session changed since this form opened. Sign in with profile {0} again to create this image.',
  'session.rebound': 'The keys or the endpoint of profile {0} changed; the form reloaded its data.',
  'session.closedSignedOut': 'Closed “Create Custom Image: {0}”: you signed out. The draft is kept for profile {1}.',
  'session.closedSwitched': 'Closed “Create Custom Image: {0}”: the profile changed from {1} to {2}. The draft is kept for profile {1}.',
  'systemSnapshot.failedState': 'The new snapshot failed. Create another one, or choose an existing snapshot.',
  'systemSnapshot.gone': 'The new snapshot is no longer listed; it may have been deleted.',
  'systemSnapshot.slow': 'The snapshot is still being created; the explorer keeps following it. Choose it here once it is accomplished.',
  'systemSnapshot.error': 'Could not create the snapshot: {0}',
  'note.released': 'The image is released together with its server if the server is released (expiry or refund).',
  'note.reset': 'Resetting a server or changing its image clears the disks of that server. Back up data first.',
  submit: 'Create Image',
  submitting: 'Creating…',
  // Server statuses as the tree shows them (the same texts, so the same translations).
  'instanceStatus.Pending': 'Pending',
  'instanceStatus.Starting': 'Starting',
  'instanceStatus.Running': 'Running',
  'instanceStatus.Stopping': 'Stopping',
  'instanceStatus.Stopped': 'Stopped',
  'instanceStatus.Resetting': 'Resetting',
  'instanceStatus.Upgrading': 'Upgrading',
  'instanceStatus.Disabled': 'Disabled',
  cancel: 'Cancel',
  copyCli: 'Copy as aliyun CLI command',
  retry: 'Retry',
  'result.success': 'The custom image is being created. It appears under Custom Images in the explorer.',
  'result.imageId': 'Image ID',
  'result.requestId': 'Request ID',
  requestId: 'Request ID: {0}',
  'invalid.summary': 'Fix the highlighted fields, then submit again.',
  'summary.one': '1 field needs attention: {0}.',
  'summary.many': '{0} fields need attention: {1}.',
  'rule.server.notReady':
    'A custom image is expected to work only while the server is Running or Stopped; the service may refuse it in the current state. You can still submit.',
  'rule.imageName.required': 'Enter an image name.',
  'rule.imageName.length': 'The name must be 2 to 128 characters long.',
  'rule.imageName.start': 'The name must start with a letter or a digit.',
  'rule.imageName.chars':
    'The documentation names only letters, digits, colons (:), underscores (_) and hyphens (-); the service may refuse other characters.',
  'rule.imageName.taken': 'A custom image with this name already exists in this region.',
  'rule.systemSnapshot.required': 'Choose a system disk snapshot.',
  'rule.systemSnapshot.notFound': 'This snapshot no longer exists. Choose another one.',
  'rule.systemSnapshot.notSystemDisk': 'This is not a system disk snapshot.',
  'rule.systemSnapshot.otherServer': 'This snapshot seems to belong to another server; the service will probably refuse it.',
  'rule.systemSnapshot.progressing': 'This snapshot is still being created; the service will probably refuse it until it is accomplished.',
  'rule.systemSnapshot.failed': 'This snapshot failed; the service will probably refuse it.',
  'rule.dataSnapshot.notFound': 'This snapshot no longer exists. Choose another one or None.',
  'rule.dataSnapshot.notDataDisk': 'This is not a data disk snapshot.',
  'rule.dataSnapshot.otherServer': 'This snapshot seems to belong to another server; the service will probably refuse it.',
  'rule.dataSnapshot.progressing': 'This snapshot is still being created; the service will probably refuse it until it is accomplished.',
  'rule.dataSnapshot.failed': 'This snapshot failed; the service will probably refuse it.',
  'rule.description.tooLong': 'Descriptions over {0} characters may be refused (SWAS does not document a limit).',
  'rule.description.url': 'A description starting with http:// or https:// may be refused (SWAS does not document this).',
  'rule.tags.tooMany': 'At most {0} tags.',
  'rule.tagKey.required': 'Enter a key.',
  'rule.tagKey.tooLong': 'The key can be at most 64 characters long.',
  'rule.tagKey.url': 'The key must not contain http:// or https://.',
  'rule.tagKey.reservedPrefix': 'The key must not start with “acs:” or “aliyun”.',
  'rule.tagKey.duplicate': 'This key is already used by another tag; the service will probably refuse duplicate keys.',
  'rule.tagValue.tooLong': 'The value can be at most 64 characters long.',
  'rule.tagValue.url': 'The value must not contain http:// or https://.',
  'rule.resourceGroupId.format':
    'Resource group IDs usually look like “rg-” followed by lowercase letters and digits. Check the ID; the service decides.',
  'rule.quota.full': 'By our reading, the custom image quota of this region is full.',
  'error.InvalidParam.DataSnapshotIdNotFound':
    'The data disk snapshot was not found. It may have been deleted: choose another one or None.',
  'error.InvalidParam.SystemSnapshotIdNotFound': 'The system disk snapshot was not found. It may have been deleted: choose another one.',
  'error.InvalidParam.IllegalImageName':
    'The service rejected this image name. Use 2–128 letters, digits, “:”, “_” or “-”, starting with a letter or digit.',
  'error.ImageNameAlreadyExist': 'A custom image with this name already exists. Choose another name.',
  'error.CustomImageQuotaLimit': 'The custom image quota of this region is reached. Delete a custom image, then try again.',
  'error.InvalidParam.SystemSnapshotIdNotSupport':
    'A custom image can’t be created from this system disk snapshot. Choose another snapshot.',
  'error.InternalError': 'The service had an internal error. Your input is kept: retry.',
  'error.IncorrectInstanceStatus':
    'The server’s current state doesn’t allow creating a custom image. Wait until it is running or stopped, then try again.',
  'error.InvalidInstanceId.NotFound': 'The server no longer exists. It may have been released.',
  'error.IncorrectStatus':
    'The server’s or a disk’s current state doesn’t allow creating a custom image. Wait until it has settled, then try again.',
  'error.Forbidden.RAM':
    'This AccessKey may not create custom images. Grant its RAM user the policy AliyunSWASFullAccess (AliyunSWASReadOnlyAccess only allows browsing), then try again.',
  'error.NoPermission':
    'This AccessKey may not create custom images. Grant its RAM user the policy AliyunSWASFullAccess (AliyunSWASReadOnlyAccess only allows browsing), then try again.',
  'error.NotSignedIn': 'You are signed out. Sign in again, then retry.',
  'error.transport': 'The service could not be reached ({0}). Your input is kept: retry.',
  'error.throttling': 'Too many requests right now. Wait a moment, then retry.',
  'error.generic': 'The request failed: {0}',
} as const;

export type FormStringKey = keyof typeof FORM_STRINGS_EN;
export type FormStrings = Record<FormStringKey, string>;

/** Fill `{0}`, `{1}`… placeholders. */
export function fmt(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const v = args[Number(i)];
    return v === undefined ? m : String(v);
  });
}
