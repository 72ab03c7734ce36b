// Localised words for the Activity view (core keeps codes only).
import * as vscode from 'vscode';
import type { ActivityEntry, ActivityKind } from '../core/activity/activityLog';
import { ACTIVITY_KINDS } from '../core/activity/activityLog';
import { parseInstanceStatus } from '../core/enums';
import { instanceStatusLabel } from '../tree/labels';

export function activityKindLabel(kind: ActivityKind): string {
  switch (kind) {
    case 'start':
      return vscode.l10n.t('Start');
    case 'stop':
      return vscode.l10n.t('Stop');
    case 'reboot':
      return vscode.l10n.t('Reboot');
    case 'reset':
      return vscode.l10n.t('Reset System');
    case 'rename':
      return vscode.l10n.t('Rename');
    case 'createSnapshot':
      return vscode.l10n.t('Create Snapshot');
    case 'createImage':
      return vscode.l10n.t('Create Custom Image');
    case 'share':
      return vscode.l10n.t('Share to ECS');
    case 'unshare':
      return vscode.l10n.t('Unshare from ECS');
    case 'deleteImage':
      return vscode.l10n.t('Delete Custom Image');
    case 'runCommand':
      return vscode.l10n.t('Run Command');
  }
}

/** A step label is an API status (localised like the tree), an operation, or a plain code. */
export function stepLabel(label: string): string {
  if ((ACTIVITY_KINDS as readonly string[]).includes(label)) return activityKindLabel(label as ActivityKind);
  const parsed = parseInstanceStatus(label);
  return parsed.value === 'unknown' ? label : instanceStatusLabel(parsed.value);
}

export function outcomeLabel(e: ActivityEntry): string {
  if (e.errorCode === 'swas.stillCreating') return vscode.l10n.t('Still being created — see the tree');
  if (e.outcome === 'running' && e.machine?.phase === 'awaitingImage')
    return vscode.l10n.t('Snapshot ready: waiting for the form to be submitted');
  const exit =
    e.kind === 'runCommand' && typeof e.params?.exitCode === 'string' && e.outcome !== 'running'
      ? ` · ${vscode.l10n.t('exit code {0}', e.params.exitCode)}`
      : '';
  switch (e.outcome) {
    case 'running':
      return vscode.l10n.t('In progress');
    case 'succeeded':
      return vscode.l10n.t('Succeeded') + exit;
    case 'failed':
      return vscode.l10n.t('Failed') + exit;
  }
}

export function failureReason(e: ActivityEntry): string | undefined {
  switch (e.errorCode) {
    case undefined:
      return undefined;
    case 'swas.timeout':
      return vscode.l10n.t('The server did not reach the expected status in time.');
    case 'swas.unchanged':
      return vscode.l10n.t('The server stayed in its old status.');
    case 'swas.disabled':
      return vscode.l10n.t('The server became Disabled.');
    case 'swas.interrupted':
      return vscode.l10n.t('The window closed before the answer came: check the resource.');
    case 'swas.gone':
      if (e.target.kind === 'snapshot') return vscode.l10n.t('The snapshot no longer exists.');
      if (e.target.kind === 'image') return vscode.l10n.t('The custom image no longer exists.');
      return vscode.l10n.t('The server no longer exists.');
    case 'swas.failed':
      return e.target.kind === 'image'
        ? vscode.l10n.t('The custom image could not be created (creation failed).')
        : vscode.l10n.t('The snapshot failed.');
    case 'swas.unavailable':
      return vscode.l10n.t('The custom image is unavailable.');
    case 'swas.stillRunning':
      return vscode.l10n.t(
        'Still running when we stopped waiting; see it later in the Alibaba Cloud console (InvokeId {0})',
        String(e.params?.invokeId ?? ''),
      );
    case 'swas.stillCreating':
      return vscode.l10n.t('Still being created when the Activity view stopped following it: the tree shows its progress.');
    default:
      return e.errorMessage ?? e.errorCode;
  }
}

/** The plain-text details copied by "Copy Details" (no secret is ever stored in an entry). */
export function activityDetails(e: ActivityEntry): string {
  const lines = [
    `${activityKindLabel(e.kind)}: ${e.target.name} (${e.target.id}, ${e.target.regionId})`,
    `${vscode.l10n.t('Outcome')}: ${outcomeLabel(e)}`,
    `${vscode.l10n.t('Started')}: ${new Date(e.startedAt).toISOString()}`,
  ];
  if (e.finishedAt !== undefined) lines.push(`${vscode.l10n.t('Finished')}: ${new Date(e.finishedAt).toISOString()}`);
  if (e.steps.length > 1) lines.push(`${vscode.l10n.t('Steps')}: ${e.steps.map((s) => `${stepLabel(s.label)} [${s.state}]`).join(' → ')}`);
  if (typeof e.params?.invokeId === 'string') lines.push(`InvokeId: ${e.params.invokeId}`);
  if (e.requestId) lines.push(`RequestId: ${e.requestId}`);
  if (e.errorCode) lines.push(`${vscode.l10n.t('Error')}: ${e.errorCode}${e.errorMessage ? ` — ${e.errorMessage}` : ''}`);
  return lines.join('\n');
}
