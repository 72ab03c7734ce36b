// Every command of the extension, one line each. Errors and cancellation: see runner.ts.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { clearFilter } from './clearFilter';
import { copyId } from './copyId';
import { copyPublicIp } from './copyPublicIp';
import { createCustomImage } from './createCustomImage';
import { createSnapshot } from './createSnapshot';
import { deleteCustomImage } from './deleteCustomImage';
import { filter } from './filter';
import { dismissEnvironmentOffer, importCredentials, importEnvironmentCredentials } from './importCredentials';
import { loadMore } from './loadMore';
import { openInConsole } from './openInConsole';
import { refresh } from './refresh';
import { registerRemoteCommandsLazily } from './remoteLoader';
import { retry } from './retry';
import type { CommandHandler } from './runner';
import { runCommand } from './runner';
import { selectRegions } from './selectRegions';
import { shareImage } from './shareImage';
import { showLog } from './showLog';
import { signIn } from './signIn';
import { signOut } from './signOut';
import { switchProfile } from './switchProfile';
import { unshareImage } from './unshareImage';
import { applyImage } from './servers/applyImage';
import { rebootServer } from './servers/rebootServer';
import { renameServer } from './servers/renameServer';
import { resetServer } from './servers/resetServer';
import { startServer } from './servers/startServer';
import { stopServer } from './servers/stopServer';
import { copyActivityDetails } from './activity/copyActivityDetails';
import { retryActivity } from './activity/retryActivity';
import { revealActivity } from './activity/revealActivity';

export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  const register = (id: string, handler: CommandHandler): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(id, services.logger, handler)));
  };
  register('swas.signIn', () => signIn(services));
  register('swas.signOut', () => signOut(services));
  register('swas.switchProfile', () => switchProfile(services));
  register('swas.importCredentials', () => importCredentials(services));
  register('swas.importEnvironmentCredentials', () => importEnvironmentCredentials(services));
  register('swas.dismissEnvironmentOffer', () => dismissEnvironmentOffer(services));
  register('swas.refresh', (node) => refresh(services, node));
  register('swas.refreshAll', () => refresh(services));
  register('swas.loadMore', (node) => loadMore(services, node));
  register('swas.retry', (node) => retry(services, node));
  register('swas.selectRegions', () => selectRegions(services));
  register('swas.filter', (text) => filter(services, text));
  register('swas.clearFilter', () => clearFilter(services));
  register('swas.copyId', (node) => copyId(services, node));
  register('swas.copyPublicIp', (node) => copyPublicIp(services, node));
  register('swas.openInConsole', (node) => openInConsole(services, node));
  register('swas.createSnapshot', (target) => createSnapshot(services, target));
  register('swas.deleteCustomImage', (node) => deleteCustomImage(services, node));
  register('swas.shareImage', (node) => shareImage(services, node));
  register('swas.unshareImage', (node) => unshareImage(services, node));
  register('swas.showLog', () => showLog(services));
  registerRemoteCommandsLazily(context, services, register);
  // ── Create Custom Image (owned by the form engineer: src/commands/createCustomImage.ts) ──
  register('swas.createCustomImage', (node) => createCustomImage(services, node));
  // ── end Create Custom Image ──
  // ── servers (src/commands/servers) and the Activity view (src/commands/activity) ──
  register('swas.startServer', (...args) => startServer(services, args));
  register('swas.stopServer', (...args) => stopServer(services, args));
  register('swas.rebootServer', (...args) => rebootServer(services, args));
  register('swas.renameServer', (node) => renameServer(services, node));
  register('swas.resetSystem', (node) => resetServer(services, node));
  register('swas.applyImage', (node) => applyImage(services, node));
  register('swas.activity.reveal', (row) => revealActivity(services, row));
  register('swas.activity.retry', (row) => retryActivity(services, row));
  register('swas.activity.copyDetails', (row) => copyActivityDetails(services, row));
  register('swas.activity.clearFinished', () => services.activity.clearFinished());
  // ── end servers ──
}
