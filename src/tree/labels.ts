// Localized words for API enumerations shown in the tree.
import * as vscode from 'vscode';
import { imageState } from './contextValue';

export function instanceStatusLabel(status: string): string {
  switch (status.toLowerCase()) {
    case 'pending':
      return vscode.l10n.t('Pending');
    case 'starting':
      return vscode.l10n.t('Starting');
    case 'running':
      return vscode.l10n.t('Running');
    case 'stopping':
      return vscode.l10n.t('Stopping');
    case 'stopped':
      return vscode.l10n.t('Stopped');
    case 'resetting':
      return vscode.l10n.t('Resetting');
    case 'upgrading':
      return vscode.l10n.t('Upgrading');
    case 'disabled':
      return vscode.l10n.t('Disabled');
    default:
      return status;
  }
}

export function snapshotStatusLabel(status: string): string {
  switch (status.toLowerCase()) {
    case 'accomplished':
      return vscode.l10n.t('Accomplished');
    case 'progressing':
      return vscode.l10n.t('Progressing');
    case 'failed':
      return vscode.l10n.t('Failed');
    default:
      return status;
  }
}

export function diskTypeLabel(type: string): string {
  return type.toLowerCase() === 'system' ? vscode.l10n.t('System') : vscode.l10n.t('Data');
}

export function imageStatusLabel(status: string): string {
  if (status === '0') return vscode.l10n.t('Copying');
  switch (imageState(status)) {
    case 'available':
      return vscode.l10n.t('Available');
    case 'unavailable':
      return vscode.l10n.t('Unavailable');
    case 'failed':
      return vscode.l10n.t('Failed');
    default:
      return vscode.l10n.t('Creating');
  }
}
