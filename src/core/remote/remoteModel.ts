// Types of the remote-access operations (firewall, Cloud Assistant, Workbench), normalised at the
// client boundary like the rest of src/core/model.ts: statuses are closed unions (case-insensitive
// on the way in, unknown values kept as 'unknown'), output is decoded text.

export type FirewallProtocol = 'TCP' | 'UDP' | 'TCP+UDP' | 'ICMP' | 'unknown';

export interface FirewallRule {
  ruleId: string;
  /** "22" or "1024/1055". */
  port: string;
  protocol: FirewallProtocol;
  sourceCidrIp: string;
  policy: 'accept' | 'drop' | 'unknown';
  remark: string;
}

export interface NewFirewallRule {
  port: string;
  protocol: Exclude<FirewallProtocol, 'unknown'>;
  sourceCidrIp: string;
  remark?: string;
}

export type InvocationStatus = 'Pending' | 'Running' | 'Success' | 'Failed' | 'Error' | 'Timeout' | 'Aborted' | 'Invalid' | 'unknown';

/** Statuses after which the run will not change any more. */
export const FINISHED_INVOCATION: ReadonlySet<InvocationStatus> = new Set(['Success', 'Failed', 'Error', 'Timeout', 'Aborted', 'Invalid']);

export interface InvocationResult {
  invokeId: string;
  instanceId: string;
  status: InvocationStatus;
  /** The raw status text when `status` is 'unknown'. */
  rawStatus: string;
  exitCode: number | undefined;
  /** Output, Base64-decoded (UTF-8). */
  output: string;
  errorCode: string;
  errorInfo: string;
}

export type CommandType = 'RunShellScript' | 'RunBatScript' | 'RunPowerShellScript';

export interface RunCommandParams {
  regionId: string;
  instanceId: string;
  commandContent: string;
  type: CommandType;
  timeoutSeconds: number;
  workingUser?: string;
  workingDir?: string;
  name?: string;
}
