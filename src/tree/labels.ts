// Localized words for API enumerations shown in the tree. The values are already normalised
// (src/core/enums.ts); an 'unknown' one is shown as "unknown (<the API's text>)". Each switch
// is exhaustive: a new value in enums.ts is a compile error here until it has a word.
import * as vscode from 'vscode';
import type { CustomImageStatus, DiskType, InstanceStatus, OsType, SnapshotStatus } from '../core/enums';
import { imagePhase } from '../core/enums';

/** A value outside its union (a cast somewhere): shown as unknown; `never` keeps switches exhaustive. */
function outside(value: never, raw: string | undefined): string {
  return unknownLabel(raw ?? String(value));
}

/** "unknown (Weird)", or "unknown" when the API sent nothing. */
export function unknownLabel(raw: string | undefined): string {
  return raw ? vscode.l10n.t('unknown ({0})', raw) : vscode.l10n.t('unknown');
}

export function instanceStatusLabel(status: InstanceStatus, raw?: string): string {
  switch (status) {
    case 'Pending':
      return vscode.l10n.t('Pending');
    case 'Starting':
      return vscode.l10n.t('Starting');
    case 'Running':
      return vscode.l10n.t('Running');
    case 'Stopping':
      return vscode.l10n.t('Stopping');
    case 'Stopped':
      return vscode.l10n.t('Stopped');
    case 'Resetting':
      return vscode.l10n.t('Resetting');
    case 'Upgrading':
      return vscode.l10n.t('Upgrading');
    case 'Disabled':
      return vscode.l10n.t('Disabled');
    case 'unknown':
      return unknownLabel(raw);
    default:
      return outside(status, raw);
  }
}

export function snapshotStatusLabel(status: SnapshotStatus, raw?: string): string {
  switch (status) {
    case 'Accomplished':
      return vscode.l10n.t('Accomplished');
    case 'Progressing':
      return vscode.l10n.t('Progressing');
    case 'Failed':
      return vscode.l10n.t('Failed');
    case 'unknown':
      return unknownLabel(raw);
    default:
      return outside(status, raw);
  }
}

export function diskTypeLabel(type: DiskType, raw?: string): string {
  switch (type) {
    case 'System':
      return vscode.l10n.t('System');
    case 'Data':
      return vscode.l10n.t('Data');
    case 'unknown':
      return unknownLabel(raw);
    default:
      return outside(type, raw);
  }
}

export function osTypeLabel(os: OsType, raw?: string): string {
  switch (os) {
    case 'Linux':
      return 'Linux';
    case 'Windows':
      return 'Windows';
    case 'unknown':
      return raw ?? '';
    default:
      return outside(os, raw);
  }
}

export function imageStatusLabel(status: CustomImageStatus, raw?: string): string {
  const phase = imagePhase(status);
  switch (phase) {
    case 'copying':
      return vscode.l10n.t('Copying');
    case 'available':
      return vscode.l10n.t('Available');
    case 'unavailable':
      return vscode.l10n.t('Unavailable');
    case 'failed':
      return vscode.l10n.t('Failed');
    case 'creating':
      return vscode.l10n.t('Creating');
    case 'unknown':
      return unknownLabel(raw);
    default:
      return outside(phase, raw);
  }
}
