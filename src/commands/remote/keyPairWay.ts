// "Attach as a SWAS key pair": the public key is imported to the account's key pairs of the
// server's region (once: an identical pair already there is reused) and bound to the server with
// AttachKeyPair. The confirmation says plainly what the API documents and what it does not: the
// pair replaces the one bound now (named, from ListKeyPairs), it is root's, it may need a restart,
// and some images may turn password login off (unconfirmed for SWAS). Whether SWAS takes ed25519
// keys is not documented: the client tries, and when the API refuses the key it says so and
// offers an RSA key or the Cloud Assistant way instead of guessing beforehand.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { isPermissionDeniedCode, isSwasError } from '../../core/errors';
import type { Instance } from '../../core/model';
import { boundPair, findImported, KeyPairServerError, keyPairNameFor } from '../../core/remote/keyPairs';
import type { KeyFile } from '../../core/ssh/sshKeys';
import type { Services } from '../../services';
import { Cancelled } from '../runner';

/** The API refused the public key itself (not the name, the quota, a permission or the network). */
export class KeyRejectedError extends Error {
  override readonly name = 'KeyRejectedError';
  constructor(
    readonly keyType: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isKeyRejection(e: unknown): e is { code: string; message: string } {
  if (!isSwasError(e) || e.isTransport || e.retryable) return false;
  const status = e.httpStatus ?? 0;
  return status >= 400 && status < 500 && !isPermissionDeniedCode(e.code) && !/Name|Exist|Quota|Limit|Throttl|Idempot|Region/i.test(e.code);
}

/** Imports (unless already there) and attaches the key; throws KeyRejectedError when SWAS refuses the key. */
export async function attachAsKeyPair(services: Services, instance: Instance, key: KeyFile): Promise<string> {
  const api = services.api();
  if (!api) throw new Cancelled();
  const name = instance.instanceName || instance.instanceId;
  const wanted = keyPairNameFor(basename(key.privatePath), key.publicKey);
  const pairs = await api.remote.listKeyPairs(instance.regionId);
  const imported = findImported(pairs, key.publicKey, wanted);
  const bound = boundPair(pairs, instance.instanceId);
  const pairName = imported?.name ?? wanted;
  const attach = vscode.l10n.t('Attach Key Pair');
  const detail = [
    !bound
      ? vscode.l10n.t('No key pair is bound to {0} now.', name)
      : bound.name === pairName
        ? vscode.l10n.t('It is bound to {0} already; attaching it again puts the key back.', name)
        : vscode.l10n.t('It replaces the key pair "{0}" bound to {1} now: that key will no longer log in.', bound.name, name),
    imported
      ? vscode.l10n.t('Your key pair "{0}" (same key) is reused.', pairName)
      : vscode.l10n.t('It is imported to your key pairs in {0} as "{1}" (at most 10 a region).', instance.regionId, pairName),
    vscode.l10n.t('It logs in as root and may take effect only after a restart (this extension does not restart).'),
    vscode.l10n.t('Some images may turn password login off (unconfirmed for SWAS).'),
  ].join('\n\n');
  const pick = await services.prompts.confirm(vscode.l10n.t('Attach the key pair "{0}" to {1}?', pairName, name), detail, [attach]);
  if (pick !== attach) throw new Cancelled();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Attaching the key pair "{0}" to {1}…', pairName, name) },
    async () => {
      if (!imported) {
        try {
          await api.remote.importKeyPair({
            regionId: instance.regionId,
            name: pairName,
            publicKey: `${key.publicKey.type} ${key.publicKey.base64}`,
            clientToken: randomUUID(),
          });
        } catch (e) {
          if (isKeyRejection(e)) throw new KeyRejectedError(key.publicKey.type, e.code, e.message);
          throw e;
        }
        services.logger.info(`key pair ${pairName} imported in ${instance.regionId}`);
      }
      try {
        await api.remote.attachKeyPair({
          regionId: instance.regionId,
          name: pairName,
          instanceIds: [instance.instanceId],
          clientToken: randomUUID(),
        });
      } catch (e) {
        if (!(e instanceof KeyPairServerError)) throw e;
        throw new Error(
          vscode.l10n.t(
            'The key pair "{0}" could not be attached to {1} ({2}).',
            pairName,
            name,
            e.failed.map((f) => `${f.code}: ${f.message}`).join('; '),
          ),
        );
      }
    },
  );
  services.logger.info(`key pair ${pairName} attached to ${instance.instanceId}`);
  return pairName;
}

export type AfterRejection = 'rsa' | 'cloudAssistant';

/** Says that SWAS refused the key and asks what to do instead. */
export async function askAfterRejection(services: Services, e: KeyRejectedError): Promise<AfterRejection> {
  const rsa = vscode.l10n.t('Use a New RSA Key');
  const ca = vscode.l10n.t('Use Cloud Assistant');
  const pick = await services.prompts.confirm(
    vscode.l10n.t('SWAS did not accept the {0} key as a key pair ({1}: {2}).', e.keyType, e.code, e.message),
    vscode.l10n.t('SWAS key pairs may have to be RSA. Use a new RSA key, or install your key through Cloud Assistant.'),
    e.keyType === 'ssh-rsa' ? [ca] : [rsa, ca],
  );
  if (pick === rsa) return 'rsa';
  if (pick === ca) return 'cloudAssistant';
  throw new Cancelled();
}
