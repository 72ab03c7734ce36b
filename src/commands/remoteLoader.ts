// The remote-access commands (Connect, Run Command, Workbench, Firewall) live in a second bundle,
// dist/remote.js (see esbuild.lazy.mjs), that is loaded on the first run of one of them: their ids
// are registered at activation with thin handlers that load the bundle once and delegate.
import { join } from 'node:path';
import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { registerRemoteCommands } from './remote/registerRemote';
import type { CommandHandler } from './runner';

/** Every id registerRemoteCommands registers (checked on load and by a unit test). */
export const REMOTE_COMMAND_IDS = [
  'swas.openSshTerminal',
  'swas.connectNewWindow',
  'swas.connectCurrentWindow',
  'swas.openWorkbench',
  'swas.runCommand',
  'swas.runSelectionOnServer',
  'swas.runFileOnServer',
  'swas.addFirewallRule',
  'swas.editFirewallRule',
  'swas.enableFirewallRule',
  'swas.disableFirewallRule',
  'swas.deleteFirewallRule',
] as const;

/** The file of the lazy bundle, beside dist/extension.js. */
export const REMOTE_BUNDLE = 'remote.js';

interface RemoteModule {
  registerRemoteCommands: typeof registerRemoteCommands;
}

export function registerRemoteCommandsLazily(
  context: vscode.ExtensionContext,
  services: Services,
  register: (id: string, handler: CommandHandler) => void,
): void {
  let handlers: Map<string, CommandHandler> | undefined;
  const load = (): Map<string, CommandHandler> => {
    if (handlers) return handlers;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the lazy bundle, on first use
    const remote = require(join(__dirname, REMOTE_BUNDLE)) as RemoteModule;
    const loaded = new Map<string, CommandHandler>();
    remote.registerRemoteCommands(context, services, (id, handler) => loaded.set(id, handler));
    const missing = REMOTE_COMMAND_IDS.filter((id) => !loaded.has(id));
    const extra = [...loaded.keys()].filter((id) => !(REMOTE_COMMAND_IDS as readonly string[]).includes(id));
    if (missing.length > 0 || extra.length > 0)
      throw new Error(
        `${REMOTE_BUNDLE}: registered commands differ (missing ${missing.join(', ') || '-'}, unexpected ${extra.join(', ') || '-'})`,
      );
    handlers = loaded;
    services.logger.info(`loaded ${REMOTE_BUNDLE}`);
    return loaded;
  };
  for (const id of REMOTE_COMMAND_IDS) register(id, (...args) => load().get(id)?.(...args));
}
