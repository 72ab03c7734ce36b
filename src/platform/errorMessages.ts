// Turns errors into clear, localized sentences. Core gives codes; the words are made here.
// Never returns "undefined" or an empty string, and never includes a secret (core messages
// are already scrubbed of URLs, AccessKey IDs, tokens and signatures).
import * as vscode from 'vscode';
import { isSwasError } from '../core/errors';

export function describeError(e: unknown): string {
  if (isSwasError(e)) {
    const base = sentenceFor(e.code, e.message);
    return e.requestId ? vscode.l10n.t('{0} (RequestId: {1})', base, e.requestId) : base;
  }
  if (e instanceof Error && e.message.trim() !== '' && e.message !== 'undefined') return e.message;
  if (typeof e === 'string' && e.trim() !== '') return e;
  return vscode.l10n.t('Something went wrong. See the SWAS log for details.');
}

function sentenceFor(code: string, message: string): string {
  if (code.startsWith('Throttling')) {
    return vscode.l10n.t('Alibaba Cloud is limiting the request rate ({0}). Wait a minute and try again.', code);
  }
  if (code.startsWith('Forbidden') || code === 'NoPermission' || code.startsWith('Forbidden.RAM')) {
    return vscode.l10n.t('This AccessKey is not allowed to do this ({0}). Grant the RAM policy AliyunSWASFullAccess or AliyunSWASReadOnlyAccess.', code);
  }
  switch (code) {
    case 'InvalidAccessKeyId.NotFound':
      return vscode.l10n.t('The AccessKey ID was not found. Check that you copied it completely.');
    case 'SignatureDoesNotMatch':
    case 'IncompleteSignature':
      return vscode.l10n.t('The AccessKey secret does not match the AccessKey ID. Check the secret and try again.');
    case 'InvalidAccessKeyId.Inactive':
      return vscode.l10n.t('This AccessKey is disabled. Enable it in the RAM console or use another AccessKey.');
    case 'InvalidSecurityToken.Expired':
      return vscode.l10n.t('The STS SecurityToken has expired. Get a new token and sign in again.');
    case 'InvalidSecurityToken.Malformed':
    case 'InvalidSecurityToken.MismatchWithAccessKey':
      return vscode.l10n.t('The STS SecurityToken is not valid for this AccessKey ID ({0}).', code);
    case 'InvalidTimeStamp.Expired':
      return vscode.l10n.t("This computer's clock differs from Alibaba Cloud's by more than 15 minutes. Correct the system time and try again.");
    case 'Config.UntrustedEndpoint':
      return vscode.l10n.t('Nothing was sent: the "swas.endpoint" host was not confirmed. Confirm it when asked, or clear the setting to use Alibaba Cloud.');
    case 'Transport.Timeout':
      return vscode.l10n.t('The SWAS API did not answer in time. Check your network or proxy, or raise "swas.requestTimeoutSeconds".');
    case 'Transport.ConnectionRefused':
      return vscode.l10n.t('Could not connect to the SWAS API (connection refused). Check the "swas.endpoint" setting and your network.');
    case 'Transport.ConnectionReset':
      return vscode.l10n.t('The connection to the SWAS API was interrupted. Try again.');
    case 'Transport.HostNotFound':
      return vscode.l10n.t('Could not reach the SWAS API: the host name could not be resolved. Check your network connection, proxy or DNS.');
    case 'Transport.BadResponse':
      return vscode.l10n.t('The SWAS API sent a response that could not be read. Try again later.');
    case 'Transport.Failed':
      return vscode.l10n.t('Could not reach the SWAS API. Check your network connection and proxy.');
    case 'InternalError':
    case 'ServiceUnavailable':
      return vscode.l10n.t('Alibaba Cloud had an internal error ({0}). Try again later.', code);
    case 'CustomImageInShare':
      return vscode.l10n.t('The image is shared to ECS. Unshare it before deleting it.');
    case 'CustomImageQuotaLimit':
      return vscode.l10n.t('The custom image quota of this region is reached. Delete an image first.');
    case 'IncorrectDiskStatus.CreatingSnapshot':
      return vscode.l10n.t('A snapshot of this disk is already being created. Try again when it is done.');
    case 'IncorrectInstanceStatus':
      return vscode.l10n.t('The server is not in a state that allows this ({0}).', code);
    default: {
      const m = message.trim();
      return m !== '' && m !== 'undefined' ? vscode.l10n.t('{0} ({1})', m, code) : vscode.l10n.t('The request failed with error {0}.', code);
    }
  }
}
