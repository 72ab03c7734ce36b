// SWAS: Copy ID — of a server, snapshot or custom image.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { asRef, pickResource, textArg } from './targets';

export async function copyId(services: Services, node?: unknown): Promise<string> {
  const ref = asRef(node);
  let id = textArg(ref.snapshotId) ?? textArg(ref.imageId) ?? textArg(ref.instanceId);
  if (!id) {
    const res = await pickResource(services, vscode.l10n.t('SWAS: Copy ID'));
    id = res.kind === 'instance' ? res.instance.instanceId : res.kind === 'snapshot' ? res.snapshot.snapshotId : res.image.imageId;
  }
  await vscode.env.clipboard.writeText(id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', id), 3000);
  return id;
}
