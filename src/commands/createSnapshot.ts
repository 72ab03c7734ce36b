// SWAS: Create Snapshot… — pick the disk, name it (validated), create it, and follow its
// progress until it settles, the deadline passes, the user cancels or the session changes
// (src/core/snapshotWait.ts). Resolves to the snapshot (used by the Create Custom Image form);
// undefined when the session changed meanwhile. Its Activity row (src/activity/resourceOperations.ts)
// runs from the call to the outcome.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { diskType } from '../core/enums';
import type { Disk, DiskType, Snapshot } from '../core/model';
import { lookupSnapshotById, waitForSnapshot } from '../core/snapshotWait';
import type { CreatedSnapshot, Services } from '../services';
import { instanceState } from '../tree/contextValue';
import { diskTypeLabel } from '../tree/labels';
import { orCancel } from './runner';
import { defaultSnapshotName, validateSnapshotName } from './snapshotName';
import { asRef, resolveInstance, textArg } from './targets';

function nameMessage(name: string): string | undefined {
  switch (validateSnapshotName(name)) {
    case 'url':
      return vscode.l10n.t('The name must not start with http:// or https://.');
    case 'length':
      return vscode.l10n.t('Use 2 to 50 characters.');
    case 'start':
      return vscode.l10n.t('The name must start with a letter.');
    case 'chars':
      return vscode.l10n.t('Use only letters, digits, ":", "_", "." and "-".');
    default:
      return undefined;
  }
}

async function pickDisk(disks: Disk[], preferred: { diskId?: string; diskType?: DiskType }, title: string): Promise<Disk> {
  const byId = preferred.diskId ? disks.find((d) => d.diskId === preferred.diskId) : undefined;
  if (byId) return byId;
  const type = preferred.diskType;
  const match = type && type !== 'unknown' ? disks.filter((d) => d.diskType === type) : [];
  if (match.length === 1 && match[0]) return match[0];
  const pick = await vscode.window.showQuickPick(
    disks.map((d) => ({
      label:
        d.diskType === 'System'
          ? vscode.l10n.t('System disk')
          : d.diskType === 'Data'
            ? vscode.l10n.t('Data disk')
            : diskTypeLabel(d.diskType, d.raw?.diskType),
      description: `${d.category} · ${d.sizeGiB} GiB · ${d.diskId}`,
      detail: d.device || undefined,
      disk: d,
    })),
    { title, placeHolder: vscode.l10n.t('Select the disk to snapshot'), ignoreFocusOut: true },
  );
  return orCancel(pick).disk;
}

function findSnapshot(services: Services, regionId: string, snapshotId: string): Snapshot | undefined {
  const data = services.regions.get(regionId);
  if (!data) return undefined;
  for (const list of data.snapshotsByInstance.values()) {
    const s = list.find((x) => x.snapshotId === snapshotId);
    if (s) return s;
  }
  return undefined;
}

export async function createSnapshot(services: Services, target?: unknown): Promise<CreatedSnapshot | undefined> {
  const title = vscode.l10n.t('SWAS: Create Snapshot');
  const instance = await resolveInstance(services, target, title, (i) => instanceState(i.status) !== 'disabled');
  if (instance.disks.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Server "{0}" has no disks to snapshot.', instance.instanceName));
    return undefined;
  }
  const ref = asRef(target);
  const disk = await pickDisk(
    instance.disks,
    { diskId: textArg(ref.diskId), diskType: ref.diskType === undefined ? undefined : diskType(ref.diskType) },
    title,
  );
  const given = textArg((target as { snapshotName?: unknown } | undefined)?.snapshotName);
  const snapshotName =
    given !== undefined && !nameMessage(given)
      ? given
      : orCancel(
          await vscode.window.showInputBox({
            title,
            prompt: vscode.l10n.t(
              'Snapshot name for the {0} disk of "{1}"',
              diskTypeLabel(disk.diskType, disk.raw?.diskType),
              instance.instanceName,
            ),
            value: defaultSnapshotName(disk.diskType, new Date()),
            ignoreFocusOut: true,
            validateInput: nameMessage,
          }),
        );
  const api = services.api();
  if (!api) return undefined;
  const regionId = instance.regionId;
  const clientToken = randomUUID();
  const forImage = (target as { forImage?: unknown } | undefined)?.forImage === true;
  const row = services.resourceOps.startSnapshot({
    regionId,
    instanceId: instance.instanceId,
    instanceName: instance.instanceName,
    diskId: disk.diskId,
    snapshotName,
    clientToken,
    forImage,
  });
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating snapshot "{0}"', snapshotName), cancellable: true },
    async (progress, token) => {
      const { snapshotId, requestId } = await api
        .createSnapshot({ regionId, diskId: disk.diskId, snapshotName, clientToken })
        .catch((e: unknown) => {
          services.resourceOps.callFailed(row.id, e);
          throw e;
        });
      services.logger.info(`Snapshot ${snapshotId} requested (RequestId ${requestId})`);
      services.resourceOps.requested(row.id, 'snapshot', snapshotId, requestId);
      // From here on the snapshot exists: a failed read means "still being created", not a failure.
      const stop = new AbortController();
      let sessionChanged = false;
      const subs = [
        token.onCancellationRequested(() => stop.abort()),
        services.session.onDidChange(() => {
          sessionChanged = true;
          stop.abort();
        }),
      ];
      try {
        await services.explorer.reloadRegion(regionId).catch((e: unknown) => {
          services.logger.warn(`Reading ${regionId} after CreateSnapshot failed: ${e instanceof Error ? e.message : String(e)}`);
        });
        let last = 0;
        const outcome = await waitForSnapshot({
          signal: stop.signal,
          // The tree's copy while it has one (the poller keeps it current); otherwise by ID.
          lookup: async (signal) => findSnapshot(services, regionId, snapshotId) ?? lookupSnapshotById(api, regionId, snapshotId, signal),
          onProgress: (s) => {
            services.resourceOps.observe(row.id, s);
            const pct = s?.progress ?? 0;
            progress.report({ increment: Math.max(0, pct - last), message: `${pct}%` });
            last = Math.max(last, pct);
          },
        });
        const created = (status: string): CreatedSnapshot => ({
          regionId,
          instanceId: instance.instanceId,
          snapshotId,
          status,
          activityId: row.id,
        });
        switch (outcome.kind) {
          case 'settled':
            if (outcome.snapshot.status === 'Failed') {
              void vscode.window.showErrorMessage(vscode.l10n.t('Snapshot "{0}" failed.', snapshotName));
            } else {
              void vscode.window.showInformationMessage(vscode.l10n.t('Snapshot "{0}" is ready.', snapshotName));
            }
            return created(outcome.snapshot.status);
          case 'cancelled':
            if (sessionChanged) {
              void vscode.window.showInformationMessage(
                vscode.l10n.t('Stopped following snapshot "{0}": the signed-in profile changed.', snapshotName),
              );
              return undefined;
            }
            void vscode.window.showInformationMessage(
              vscode.l10n.t('Snapshot "{0}" is still being created; the tree shows its progress.', snapshotName),
            );
            return created(outcome.snapshot?.status ?? 'Progressing');
          case 'timeout':
          case 'unreadable':
            if (outcome.kind === 'unreadable') {
              services.logger.warn(
                `Reading snapshot ${snapshotId} failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`,
              );
            }
            services.resourceOps.stopFollowing(row.id);
            void vscode.window.showInformationMessage(
              vscode.l10n.t('Snapshot "{0}" is still being created; the tree shows its progress.', snapshotName),
            );
            return created(outcome.snapshot?.status ?? 'Progressing');
        }
      } finally {
        for (const d of subs) d.dispose();
      }
    },
  );
}
