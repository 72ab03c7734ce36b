// Start / Stop / Reboot: resolve the servers, ask once (Stop and Reboot; "force" offered only
// in that dialog), then one plural call per region through ServerOperations.
import * as vscode from 'vscode';
import type { ServerOpKind } from '../../core/operations/serverOperation';
import type { Services } from '../../services';
import { resolveServers, serverNames } from './serverTargets';

type Kind = Exclude<ServerOpKind, 'reset'>;

function texts(
  kind: Kind,
  names: string,
  count: number,
): { title: string; message?: string; detail?: string; normal?: string; force?: string } {
  switch (kind) {
    case 'start':
      return { title: vscode.l10n.t('SWAS: Start Server') };
    case 'stop':
      return {
        title: vscode.l10n.t('SWAS: Stop Server'),
        message: count === 1 ? vscode.l10n.t('Stop server {0}?', names) : vscode.l10n.t('Stop {0} servers: {1}?', count, names),
        detail: vscode.l10n.t(
          'Programs on the server stop and connections drop. A force stop is like pulling the power cord: data not yet written to disk is lost.',
        ),
        normal: vscode.l10n.t('Stop'),
        force: vscode.l10n.t('Force Stop'),
      };
    case 'reboot':
      return {
        title: vscode.l10n.t('SWAS: Reboot Server'),
        message: count === 1 ? vscode.l10n.t('Reboot server {0}?', names) : vscode.l10n.t('Reboot {0} servers: {1}?', count, names),
        detail: vscode.l10n.t(
          'Programs on the server restart and connections drop. A force reboot is like pulling the power cord: data not yet written to disk is lost.',
        ),
        normal: vscode.l10n.t('Reboot'),
        force: vscode.l10n.t('Force Reboot'),
      };
  }
}

export async function runLifecycle(services: Services, kind: Kind, args: unknown[]): Promise<void> {
  const t = texts(kind, '', 0);
  const servers = await resolveServers(services, args, kind, t.title);
  const { message, detail, normal, force } = texts(kind, serverNames(servers), servers.length);
  let forced = false;
  if (message && detail && normal && force) {
    const answer = await services.prompts.confirm(message, detail, [normal, force]);
    if (answer !== normal && answer !== force) return;
    forced = answer === force;
  }
  await services.serverOps.run(kind, servers, { force: forced });
}
