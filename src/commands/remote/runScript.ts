// Runs a script on servers through Cloud Assistant: one modal that names the servers and shows
// the script's start (a command argument can choose targets and script, never skip this), the
// timeout and the working user (asked with defaults, remembered), then a live report document
// with each server's status, exit code and output. Each server's run is a row of the Activity view.
// Everything from the script or the server is shown neutralised (control characters as visible
// tokens: core/remote/commandText.ts).
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import { COMMAND_CONTENT_LIMIT, commandTooLong, neutralise } from '../../core/remote/commandText';
import type { RunOutcome } from '../../core/remote/runOnServers';
import { runOnServers, validTimeout } from '../../core/remote/runOnServers';
import { sleep } from '../../core/retry';
import { describeError } from '../../platform/errorMessages';
import type { Services } from '../../services';
import { orCancel } from '../runner';
import { RunActivity } from '../../activity/runActivity';
import type { RunReportDocuments } from './runReportDocuments';

const LAST = 'swas.runCommand.last';

function preview(script: string): string {
  const lines = neutralise(script).split('\n');
  const head = lines.slice(0, 6).map((l) => (l.length > 120 ? `${l.slice(0, 117)}…` : l));
  return head.join('\n') + (lines.length > 6 ? `\n… (${vscode.l10n.t('{0} more lines', lines.length - 6)})` : '');
}

function statusText(o: RunOutcome): string {
  if (o.error && !o.result) return vscode.l10n.t('Not started: {0}', describeError(o.error));
  if (o.stillRunning)
    return vscode.l10n.t(
      'Still running when we stopped waiting; see it later in the Alibaba Cloud console (InvokeId {0})',
      o.invokeId ?? '',
    );
  if (!o.result) return vscode.l10n.t('Starting…');
  const r = o.result;
  const code = r.exitCode === undefined ? '' : ` · ${vscode.l10n.t('exit code {0}', r.exitCode)}`;
  const why = r.errorInfo ? ` · ${neutralise(r.errorInfo)}` : '';
  return neutralise(`${r.status === 'unknown' ? r.rawStatus : r.status}${code}${why}`);
}

export function renderReport(script: string, outcomes: readonly RunOutcome[], started: Date): string {
  const out: string[] = [
    vscode.l10n.t('Run Command — started {0}', started.toLocaleString()),
    '',
    vscode.l10n.t('Script:'),
    ...neutralise(script)
      .split('\n')
      .map((l) => `  ${l}`),
    '',
  ];
  for (const o of outcomes) {
    out.push(neutralise(`━━ ${o.target.instanceName || o.target.instanceId} (${o.target.instanceId}, ${o.target.regionId})`));
    out.push(`${vscode.l10n.t('Status')}: ${neutralise(statusText(o))}`);
    if (o.invokeId) out.push(neutralise(`InvokeId: ${o.invokeId}${o.requestId ? ` · RequestId: ${o.requestId}` : ''}`));
    if (o.result?.output) out.push('', neutralise(o.result.output).replace(/\s+$/, ''));
    out.push('');
  }
  return out.join('\n');
}

export async function runScript(
  services: Services,
  reports: RunReportDocuments,
  servers: Instance[],
  script: string,
  title: string,
): Promise<RunOutcome[] | undefined> {
  const api = services.api();
  if (!api) return undefined;
  if (script.trim() === '') {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is nothing to run.'));
    return undefined;
  }
  const size = commandTooLong(script);
  if (size !== undefined) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'The script is too long for Cloud Assistant: {0} bytes after Base64 encoding, at most {1}. Nothing was run.',
        size,
        COMMAND_CONTENT_LIMIT,
      ),
    );
    return undefined;
  }
  const names = servers.map((s) => s.instanceName || s.instanceId).join(', ');
  const run = vscode.l10n.t('Run');
  const ok = await vscode.window.showWarningMessage(
    vscode.l10n.t('Run this script on {0} server(s): {1}?', servers.length, names),
    {
      modal: true,
      detail: `${vscode.l10n.t('It runs through Cloud Assistant with the permissions of the user you choose next.')}\n\n${preview(script)}`,
    },
    run,
  );
  if (ok !== run) return undefined;
  const last = services.context.globalState.get<{ timeout?: number; user?: string }>(LAST) ?? {};
  const timeoutText = orCancel(
    await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Timeout in seconds (10 to 86400)'),
      value: String(last.timeout ?? 60),
      ignoreFocusOut: true,
      validateInput: (v) => (validTimeout(Number(v)) ? undefined : vscode.l10n.t('Enter a whole number of seconds from 10 to 86400.')),
    }),
  );
  const user = orCancel(
    await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Run as this user on the server'),
      value: last.user ?? 'root',
      ignoreFocusOut: true,
      validateInput: (v) =>
        /^[a-z_][a-z0-9_.-]{0,31}$/.test(v)
          ? undefined
          : vscode.l10n.t('Enter a user name of the server (lowercase letters, digits, "_", "-", ".").'),
    }),
  );
  const timeoutSeconds = Number(timeoutText);
  await services.context.globalState.update(LAST, { timeout: timeoutSeconds, user });
  const started = new Date();
  const uri = reports.create(names);
  const outcomes: RunOutcome[] = servers.map((s) => ({
    target: { regionId: s.regionId, instanceId: s.instanceId, instanceName: s.instanceName, osType: s.osType },
  }));
  reports.update(uri, renderReport(script, outcomes, started));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'log');
  await vscode.window.showTextDocument(doc, { preview: false });
  const rows = new RunActivity(
    services.activity,
    outcomes.map((o) => o.target),
  );
  const done = await Promise.resolve(
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Running on {0} server(s)…', servers.length),
        cancellable: true,
      },
      async (_p, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const result = await runOnServers(
          api.remote,
          outcomes.map((o) => o.target),
          script,
          {
            timeoutSeconds,
            workingUser: user,
            signal: abort.signal,
            onUpdate: (o) => {
              const i = outcomes.findIndex((x) => x.target.instanceId === o.target.instanceId);
              if (i >= 0) outcomes[i] = o;
              rows.update(o);
              reports.update(uri, renderReport(script, outcomes, started));
            },
          },
          { now: Date.now, sleep },
        );
        return result;
      },
    ),
  ).finally(() => rows.end(outcomes));
  reports.update(uri, renderReport(script, done, started));
  const failed = done.filter((o) => o.error || (o.result && o.result.status !== 'Success')).length;
  if (failed === 0) vscode.window.setStatusBarMessage(vscode.l10n.t('Run Command finished on {0} server(s)', done.length), 5000);
  else
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Run Command: {0} of {1} server(s) did not succeed; see the report.', failed, done.length),
    );
  return done;
}
