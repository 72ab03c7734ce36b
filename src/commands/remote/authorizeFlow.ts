// "Authorize a key" in the Connect preflight: the user picks one of their ~/.ssh/*.pub keys or has
// a new one made (ssh-keygen, private file 0600; only its path and public half are ever kept), and
// chooses how it reaches the server — through Cloud Assistant into the login user's
// authorized_keys (recommended: idempotent, marked, nothing else changes; carried out by the core
// preflight, src/core/remote/connectPreflight.ts), or, for root, as a SWAS key pair (keyPairWay.ts,
// done here). The questions go through services.prompts so the integration tests can answer them;
// the e2e suite answers the real dialogs.
import * as vscode from 'vscode';
import type { Instance } from '../../core/model';
import type { AuthorizeChoice, SshConnection } from '../../core/remote/connectPreflight';
import { hostAlias } from '../../core/ssh/sshConfig';
import type { KeyFile, KeyKind } from '../../core/ssh/sshKeys';
import { freeKeyPath, generateKey, listKeys } from '../../core/ssh/sshKeys';
import type { Services } from '../../services';
import { Cancelled, orCancel } from '../runner';
import { askAfterRejection, attachAsKeyPair, KeyRejectedError } from './keyPairWay';

function newKey(instance: Instance, keyDir: string, kind: KeyKind): Promise<KeyFile> {
  const base = hostAlias(instance.instanceName, instance.instanceId).replace(/^swas-/, 'swas_');
  return freeKeyPath(keyDir, base, kind).then((p) => generateKey(p, `swas-explorer@${instance.instanceId}`, kind));
}

/** An existing key of `existing`, or 'new' for a new ed25519 key. */
export async function chooseKey(
  services: Services,
  instance: Instance,
  existing: readonly KeyFile[],
  keyDir: string,
): Promise<KeyFile | 'new'> {
  type Item = vscode.QuickPickItem & { key?: KeyFile };
  const items: Item[] = [
    {
      label: `$(add) ${vscode.l10n.t('Create a new key (ed25519)')}`,
      detail: vscode.l10n.t('Made with ssh-keygen in {0}, readable only by you', keyDir),
    },
    ...existing.map((k) => ({
      label: `$(key) ${k.privatePath.slice(keyDir.length + 1)}.pub`,
      description: k.publicKey.type,
      detail: k.comment,
      key: k,
    })),
  ];
  const pick = orCancel(
    await services.prompts.pick(items, {
      title: vscode.l10n.t('Key to authorise on {0}', instance.instanceName || instance.instanceId),
      ignoreFocusOut: true,
    }),
  );
  return pick.key ?? 'new';
}

async function asKeyPair(services: Services, instance: Instance, conn: SshConnection, keyDir: string): Promise<AuthorizeChoice> {
  const picked = await chooseKey(services, instance, await listKeys(keyDir), keyDir);
  let key = picked === 'new' ? await newKey(instance, keyDir, 'ed25519') : picked;
  for (let attempt = 0; ; attempt++) {
    try {
      await attachAsKeyPair(services, instance, key);
      return { way: 'done', conn: { ...conn, identityFile: key.privatePath, authorizedKey: key.publicKey.base64 } };
    } catch (e) {
      if (!(e instanceof KeyRejectedError) || attempt > 1) throw e;
      const next = await askAfterRejection(services, e);
      if (next === 'cloudAssistant') return { way: 'cloudAssistant', key };
      key = await newKey(instance, keyDir, 'rsa');
    }
  }
}

/** Asks how to authorise a key; the key-pair way is carried out here, Cloud Assistant by the core. */
export async function chooseAuthorizeWay(
  services: Services,
  instance: Instance,
  conn: SshConnection,
  keyDir: string,
): Promise<AuthorizeChoice> {
  const name = instance.instanceName || instance.instanceId;
  const viaAgent = vscode.l10n.t('Authorize a Key through Cloud Assistant (Recommended)');
  const viaPair = vscode.l10n.t('Attach as a SWAS Key Pair…');
  const root = conn.user === 'root';
  const agentDetail = vscode.l10n.t(
    'The public key is added to ~/.ssh/authorized_keys of {0} on the server through Cloud Assistant, marked so it can be removed later. Nothing else changes: no reboot, password login stays as it is.',
    conn.user,
  );
  const pairDetail = vscode.l10n.t('Or attach it as a SWAS key pair (root only): it replaces a pair bound there and may need a restart.');
  const pick = await services.prompts.confirm(
    vscode.l10n.t('No key of yours is authorised for {0}@{1} yet.', conn.user, name),
    root ? `${agentDetail}\n\n${pairDetail}` : agentDetail,
    root ? [viaAgent, viaPair] : [viaAgent],
  );
  if (pick === viaPair) return asKeyPair(services, instance, conn, keyDir);
  if (pick !== viaAgent) throw new Cancelled();
  return { way: 'cloudAssistant' };
}
