// Cloud Assistant: RunCommand, DescribeInvocations, DescribeInvocationResult,
// DescribeCloudAssistantStatus. The command really runs, confined to the server's disk folder
// (machines/sandbox.ts), and its output is returned Base64-encoded.
// Evidence (swas-api-2.md §B, SDK 4.0.0): parameter names, Type values, Timeout 10–86400 s with
// WorkingDir /root and WorkingUser root by default, statuses Pending/Running/Success/Failed/Error/
// Timeout, Base64 Output, `{{name}}` parameters — documented. The server must be Running with the
// agent online — documented. GUESSES: the error codes IncorrectInstanceStatus (not Running) and
// InvalidInvokeId.NotFound, the InvalidParameter code of the 16 KB CommandContent cap (the cap itself
// is documented: ROS ALIYUN::SWAS::RunCommand), 60 s default Timeout, the 24 KB output cap.
import { ApiError, notFound } from '../apiError';
import { jsonIds, optional, page, paginate, required } from '../params';
import type { InstanceRecord, InvocationRecord } from '../types';
import type { ActionDef } from './action';

const TYPES = ['RunShellScript', 'RunBatScript', 'RunPowerShellScript'];

/** Replaces {{name}} with Parameters[name] (names: letters, digits, _ and -; case-insensitive). */
function substitute(content: string, raw: string | undefined): string {
  if (raw === undefined) return content;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'InvalidParameter', 'The specified parameter Parameters is not valid: it must be a JSON object.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ApiError(400, 'InvalidParameter', 'The specified parameter Parameters is not valid: it must be a JSON object.');
  const values = new Map(Object.entries(parsed).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return content.replace(/\{\{\s*([A-Za-z0-9_-]{1,64})\s*\}\}/g, (whole, name: string) => values.get(name.toLowerCase()) ?? whole);
}

function agentOnline(i: InstanceRecord): boolean {
  return i.status === 'Running' && !i.cloudAssistantOffline;
}

function wire(inv: InvocationRecord): Record<string, unknown> {
  return {
    InvokeId: inv.invokeId,
    InstanceId: inv.instanceId,
    InvocationStatus: inv.status,
    InvokeRecordStatus: ['Pending', 'Running'].includes(inv.status) ? 'Running' : 'Finished',
    ExitCode: inv.exitCode ?? undefined,
    Output: inv.output,
    ErrorCode: inv.errorCode,
    ErrorInfo: inv.errorInfo,
    StartTime: inv.startTime,
    FinishedTime: inv.finishedTime,
    InvokeUser: inv.workingUser,
  };
}

export const runCommand: ActionDef = {
  name: 'RunCommand',
  needsRegion: true,
  mutating: true,
  run({ store, accountId, regionId, params }) {
    const instanceId = required(params, 'InstanceId');
    const content = required(params, 'CommandContent');
    const type = required(params, 'Type');
    if (!TYPES.includes(type))
      throw new ApiError(
        400,
        'InvalidParameter',
        'The specified parameter Type is not valid: RunShellScript, RunBatScript or RunPowerShellScript.',
      );
    // Documented (ROS ALIYUN::SWAS::RunCommand): content and parameters, Base64-encoded, ≤ 16 KB.
    const encoded =
      Buffer.from(content).toString('base64').length + Buffer.from(optional(params, 'Parameters') ?? '').toString('base64').length;
    if (encoded > 16 * 1024)
      throw new ApiError(
        400,
        'InvalidParameter',
        'The specified parameter CommandContent is not valid: at most 16 KB after Base64 encoding.',
      );
    const timeoutRaw = optional(params, 'Timeout') ?? '60';
    const timeout = Number(timeoutRaw);
    if (!/^\d+$/.test(timeoutRaw) || timeout < 10 || timeout > 86400)
      throw new ApiError(400, 'InvalidParameter', 'The specified parameter Timeout is not valid: 10 to 86400 seconds.');
    const workingUser = optional(params, 'WorkingUser') ?? 'root';
    if (!/^[a-z_][a-z0-9_.-]{0,31}$/.test(workingUser))
      throw new ApiError(400, 'InvalidParameter', 'The specified parameter WorkingUser is not valid.');
    const workingDir = optional(params, 'WorkingDir') ?? (workingUser === 'root' ? '/root' : `/home/${workingUser}`);
    const enable = /^true$/i.test(optional(params, 'EnableParameter') ?? '');
    const script = enable ? substitute(content, optional(params, 'Parameters')) : content;
    const region = store.regionForWrite(accountId, regionId);
    const instance = region.instances.find((i) => i.instanceId === instanceId);
    if (!instance) throw notFound('InvalidInstanceId.NotFound', 'InstanceId');
    if (!agentOnline(instance))
      throw new ApiError(
        403,
        'IncorrectInstanceStatus',
        'The state of the current instance does not support this operation (the server must be Running with Cloud Assistant online).',
      );
    const linux = instance.image.osType.toLowerCase() !== 'windows';
    if (linux !== (type === 'RunShellScript'))
      throw new ApiError(400, 'InvalidParameter', `The specified parameter Type is not valid for a ${linux ? 'Linux' : 'Windows'} server.`);
    const now = store.nowIso();
    const inv: InvocationRecord = {
      invokeId: store.newInvokeId(),
      instanceId,
      commandName: optional(params, 'Name') ?? '',
      commandContent: content,
      commandType: type,
      workingDir,
      workingUser,
      timeoutSeconds: timeout,
      status: 'Pending',
      exitCode: null,
      output: '',
      errorCode: '',
      errorInfo: '',
      creationTime: now,
      startTime: '',
      finishedTime: '',
    };
    (region.invocations ??= []).push(inv);
    if (region.invocations.length > 500) region.invocations.splice(0, region.invocations.length - 500);
    if (store.machines) store.machines.run(inv, instance, script);
    else Object.assign(inv, { status: 'Error', errorCode: 'InvocationException', errorInfo: 'The emulator has no machines.' });
    return { InvokeId: inv.invokeId };
  },
};

export const describeInvocationResult: ActionDef = {
  name: 'DescribeInvocationResult',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const instanceId = required(params, 'InstanceId');
    const invokeId = required(params, 'InvokeId');
    const inv = store.region(accountId, regionId).invocations?.find((i) => i.invokeId === invokeId && i.instanceId === instanceId);
    if (!inv) throw notFound('InvalidInvokeId.NotFound', 'InvokeId');
    return { InvocationResult: wire(inv) };
  },
};

export const describeInvocations: ActionDef = {
  name: 'DescribeInvocations',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const instanceId = required(params, 'InstanceId');
    const status = optional(params, 'InvokeStatus');
    const pg = page(params);
    const all = (store.region(accountId, regionId).invocations ?? [])
      .filter((i) => i.instanceId === instanceId && (!status || i.status.toLowerCase() === status.toLowerCase()))
      .reverse();
    return {
      PageNumber: pg.pageNumber,
      PageSize: pg.pageSize,
      TotalCount: all.length,
      Invocations: paginate(all, pg).map((i) => ({
        InvokeId: i.invokeId,
        InvocationStatus: i.status,
        InvokeStatus: ['Pending', 'Running'].includes(i.status) ? 'Running' : 'Finished',
        CommandContent: Buffer.from(i.commandContent).toString('base64'),
        CommandName: i.commandName,
        CommandType: i.commandType,
        CreationTime: i.creationTime,
        Timeout: i.timeoutSeconds,
        WorkingDir: i.workingDir,
        WorkingUser: i.workingUser,
        InvocationResults: [wire(i)],
      })),
    };
  },
};

export const describeCloudAssistantStatus: ActionDef = {
  name: 'DescribeCloudAssistantStatus',
  needsRegion: true,
  mutating: false,
  run({ store, accountId, regionId, params }) {
    const ids = jsonIds(params, 'InstanceIds', 100);
    if (!ids?.length)
      throw new ApiError(
        400,
        'MissingParameter',
        'The input parameter "InstanceIds" that is mandatory for processing this request is not supplied.',
      );
    const pg = page(params);
    const found = store.region(accountId, regionId).instances.filter((i) => ids.includes(i.instanceId));
    return {
      PageNumber: pg.pageNumber,
      PageSize: pg.pageSize,
      TotalCount: found.length,
      CloudAssistantStatus: paginate(found, pg).map((i) => ({ InstanceId: i.instanceId, Status: agentOnline(i) })),
    };
  },
};
