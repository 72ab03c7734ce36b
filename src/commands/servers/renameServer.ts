// SWAS: Rename Server — an input box with the API's name rules (UpdateInstanceAttribute).
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { instanceNameProblem } from '../../core/operations/instanceName';
import type { Services } from '../../services';
import { orCancel } from '../runner';
import { resolveInstance } from '../targets';

function nameMessage(name: string): string | undefined {
  switch (instanceNameProblem(name)) {
    case 'length':
      return vscode.l10n.t('Use 2 to 50 characters.');
    case 'start':
      return vscode.l10n.t('The name must start with a letter or a digit.');
    case 'chars':
      return vscode.l10n.t('Use only letters, digits, "_", "-" and "." (domain names are allowed).');
    default:
      return undefined;
  }
}

export async function renameServer(services: Services, node?: unknown): Promise<void> {
  const title = vscode.l10n.t('SWAS: Rename Server');
  const server = await resolveInstance(services, node, title);
  const name = orCancel(
    await services.prompts.input({
      title,
      prompt: vscode.l10n.t('New name for server "{0}"', server.instanceName || server.instanceId),
      value: server.instanceName,
      ignoreFocusOut: true,
      validateInput: nameMessage,
    }),
  ).trim();
  if (name === server.instanceName || nameMessage(name)) return;
  const api = services.api();
  if (!api) return;
  const { requestId } = await api.updateInstanceAttribute({
    regionId: server.regionId,
    instanceId: server.instanceId,
    instanceName: name,
    clientToken: randomUUID(),
  });
  services.logger.info(`Renamed ${server.instanceId} to ${name} (RequestId ${requestId})`);
  services.explorer.showInstance(server.regionId, { ...server, instanceName: name });
}
