// Where the user's ssh client config is: the file Remote-SSH uses (`remote.SSH.configFile`), else
// ~/.ssh/config; and whether `ssh` needs `-F` to read it. Read by Connect (the lazy remote bundle)
// and by Forget Old Host Key after a reset (the main bundle), so it lives here, in the main one.
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** The ssh client config Remote-SSH uses (`remote.SSH.configFile`), else ~/.ssh/config. */
export function sshConfigPath(): string {
  const set = vscode.workspace.getConfiguration('remote.SSH').get<string>('configFile')?.trim();
  if (set) return set.startsWith('~') ? join(homedir(), set.slice(1)) : set;
  return join(homedir(), '.ssh', 'config');
}

/** The file `ssh` reads by itself: ~/.ssh/config of the account's home (OpenSSH ignores $HOME). */
function defaultConfigPath(): string {
  let home = homedir();
  try {
    home = userInfo().homedir || home;
  } catch {
    // no passwd entry: keep $HOME
  }
  return join(home, '.ssh', 'config');
}

/** The config file to pass to `ssh -F`: undefined when it is the one ssh reads by itself. */
export function sshConfigOverride(): string | undefined {
  const file = sshConfigPath();
  return file === defaultConfigPath() ? undefined : file;
}
