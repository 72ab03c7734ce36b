// The English sentence for each error code (the l10n key: errorMessages.ts passes it through
// vscode.l10n.t, and l10n/bundle.l10n.zh-cn.json translates it). Pure, so a unit test can check
// that every code the client can produce (src/core/errors.ts) has one, and a translation.
// Placeholders: {0} = the code, {1} = the HTTP status.
import { CLIENT_CODES, TRANSPORT_CODES, isDisabledKeyCode, isPermissionDeniedCode } from '../core/errors';

const DISABLED = 'This AccessKey is disabled. Enable it in the RAM console or use another AccessKey.';
const PERMISSION = 'This AccessKey is not allowed to do this ({0}). Grant the RAM policy AliyunSWASFullAccess or AliyunSWASReadOnlyAccess.';
const THROTTLING = 'Alibaba Cloud is limiting the request rate ({0}). Wait a minute and try again.';
const INTERNAL = 'Alibaba Cloud had an internal error ({0}). Try again later.';
const SIGNATURE = 'The AccessKey secret does not match the AccessKey ID. Check the secret and try again.';
const TOKEN_INVALID = 'The STS SecurityToken is not valid for this AccessKey ID ({0}).';
const NOT_FOUND = 'The resource no longer exists; it may have been released or deleted ({0}). Refresh the view.';

export const ERROR_SENTENCES: Readonly<Record<string, string>> = {
  // Raised by the client itself.
  [CLIENT_CODES.noCredentials]: 'You are not signed in. Run "SWAS: Sign In" first.',
  [CLIENT_CODES.credentialsUnavailable]: 'The saved AccessKey could not be read from the secret storage. Sign in again.',
  [CLIENT_CODES.invalidEndpoint]:
    'The "swas.endpoint" setting does not give a valid http(s) endpoint (scheme://host[:port]). Correct the setting and try again.',
  [CLIENT_CODES.untrustedEndpoint]:
    'Nothing was sent: the "swas.endpoint" host was not confirmed. Confirm it when asked, or clear the setting to use Alibaba Cloud.',
  [CLIENT_CODES.cancelled]: 'The request was cancelled.',
  [CLIENT_CODES.httpError]: 'The SWAS API answered HTTP {1} without an error code. Try again later.',
  [CLIENT_CODES.noSwasPermission]:
    'This AccessKey is valid but has no permission for Simple Application Server. Grant its RAM user the policy AliyunSWASReadOnlyAccess (to browse) or AliyunSWASFullAccess (to browse and create), then sign in again.',
  [CLIENT_CODES.invalidText]: 'Nothing was sent: a value holds a broken character (a lone UTF-16 surrogate). Retype or remove it.',
  [CLIENT_CODES.commandTooLong]:
    'Nothing was run: the script is longer than Cloud Assistant takes (16 KB after Base64 encoding, about 12 KB of text). Shorten it, or copy a file to the server and run that.',
  [TRANSPORT_CODES.timeout]: 'The SWAS API did not answer in time. Check your network or proxy, or raise "swas.requestTimeoutSeconds".',
  [TRANSPORT_CODES.refused]: 'Could not connect to the SWAS API (connection refused). Check the "swas.endpoint" setting and your network.',
  [TRANSPORT_CODES.reset]: 'The connection to the SWAS API was interrupted. Try again.',
  [TRANSPORT_CODES.dns]: 'Could not reach the SWAS API: the host name could not be resolved. Check your network connection, proxy or DNS.',
  [TRANSPORT_CODES.badResponse]: 'The SWAS API sent a response that could not be read. Try again later.',
  [TRANSPORT_CODES.other]: 'Could not reach the SWAS API. Check your network connection and proxy.',
  // Raised by the ssh config writer (src/core/ssh/sshConfig.ts SshConfigErrorCode): nothing was written.
  'SshConfig.UnbalancedSection':
    "The ssh config was not changed: its SWAS Explorer section has a start marker without an end marker (or the other way round). Fix or remove the section's marker lines, then try again.",
  'SshConfig.DuplicateSection': 'The ssh config was not changed: it holds more than one SWAS Explorer section. Keep one, then try again.',
  'SshConfig.InvalidAlias':
    'The ssh config was not changed: the server\'s name gives no usable Host alias (letters, digits, ".", "_" and "-" only).',
  'SshConfig.InvalidHostName': "The ssh config was not changed: the server's address is not an IP address or host name.",
  'SshConfig.InvalidUser': 'The ssh config was not changed: the login user is not a valid user name (letters, digits, ".", "_", "-").',
  'SshConfig.InvalidPort': 'The ssh config was not changed: the SSH port must be from 1 to 65535.',
  'SshConfig.InvalidIdentityFile':
    "The ssh config was not changed: the key file's path holds quotes or control characters. Move the key to a plain path.",
  'SshConfig.Changed': 'The ssh config changed while it was being updated, so nothing was written. Try again.',
  'SshConfig.Unreadable':
    'The ssh config file could not be read (it may be a folder, or not readable), so nothing was written. Check the file, or the "remote.SSH.configFile" setting.',
  'SshConfig.NotUtf8': 'The ssh config file is not UTF-8 text, so nothing was written. Save it as UTF-8, or add the host by hand.',
  // Sent by the API (src/core/errors.ts KNOWN_API_CODES).
  FirewallRuleAlreadyExist: 'The server already has a firewall rule for this port, protocol and source.',
  FirewallRuleLimitExceed: 'The server has as many firewall rules as it may have. Delete one first.',
  'InvalidAccessKeyId.NotFound': 'The AccessKey ID was not found. Check that you copied it completely.',
  'InvalidAccessKeyId.Inactive': DISABLED,
  'Forbidden.AccessKeyDisabled': DISABLED,
  SignatureDoesNotMatch: SIGNATURE,
  IncompleteSignature: SIGNATURE,
  SignatureNonceUsed: 'The request was rejected as a replay ({0}). Try again.',
  'InvalidSecurityToken.Expired': 'The STS SecurityToken has expired. Get a new token and sign in again.',
  'InvalidSecurityToken.Malformed': TOKEN_INVALID,
  'InvalidSecurityToken.MismatchWithAccessKey': TOKEN_INVALID,
  'InvalidTimeStamp.Expired':
    "This computer's clock differs from Alibaba Cloud's by more than 15 minutes. Correct the system time and try again.",
  'Forbidden.RAM': PERMISSION,
  NoPermission: PERMISSION,
  Throttling: THROTTLING,
  'Throttling.User': THROTTLING,
  'Throttling.Api': THROTTLING,
  InternalError: INTERNAL,
  ServiceUnavailable: INTERNAL,
  IdempotentParameterMismatch: 'The request was already sent with different values ({0}). Start a new request.',
  'InvalidRegionId.NotFound': 'Simple Application Server does not know this region ({0}).',
  'InvalidInstanceId.NotFound': NOT_FOUND,
  'InvalidDiskId.NotFound': NOT_FOUND,
  'InvalidSnapshotId.NotFound': NOT_FOUND,
  'InvalidImageId.NotFound': NOT_FOUND,
  CustomImageInShare: 'The image is shared to ECS. Unshare it before deleting it.',
  CustomImageQuotaLimit: 'The custom image quota of this region is reached. Delete an image first.',
  ImageNameAlreadyExist: 'A custom image with this name already exists in this region. Choose another name.',
  'IncorrectDiskStatus.CreatingSnapshot': 'A snapshot of this disk is already being created. Try again when it is done.',
  IncorrectInstanceStatus: 'The server is not in a state that allows this ({0}).',
  IncorrectStatus: 'The server or disk is not in a state that allows this ({0}). Wait until it has settled, then try again.',
  'IncorrectInstanceStatus.ResetDisk':
    'The server is not in a state that allows this disk operation ({0}). Wait until it is running or stopped, then try again.',
  'InvalidParam.OperationIllegal': 'The service does not accept this share operation ({0}).',
  'InvalidRemark.ValueNotSupported': 'The service does not accept this snapshot description ({0}). Change it and try again.',
  'InvalidRemark.Duplicate': 'The service reports this snapshot description as a duplicate ({0}). Change it and try again.',
};

/**
 * The sentence (l10n key) for a code, or undefined for a code the client knows nothing about
 * (shown with the API's own message). Families are matched before exact codes: any disabled-key
 * code gets the disabled advice (never "grant the RAM policy"), any permission code the policy
 * advice, any throttling code the wait advice.
 */
export function sentenceOf(code: string): string | undefined {
  if (isDisabledKeyCode(code)) return DISABLED;
  if (Object.hasOwn(ERROR_SENTENCES, code)) return ERROR_SENTENCES[code];
  if (isPermissionDeniedCode(code)) return PERMISSION;
  if (/throttling/i.test(code)) return THROTTLING;
  return undefined;
}
