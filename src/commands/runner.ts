// The one place where command errors and cancellation are handled: a cancelled pick or
// input ends the command quietly; any other error is logged and shown as one clear
// sentence with a "Show Log" button.
import * as vscode from 'vscode';
import type { Logger } from '../core/logger';
import { describeError } from '../platform/errorMessages';
import { NotSignedInError } from '../tree/regionStore';

/** Thrown (or returned through `cancelled()`) when the user backs out of a pick or input. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

export function orCancel<T>(value: T | undefined): T {
  if (value === undefined) throw new Cancelled();
  return value;
}

export type CommandHandler = (...args: unknown[]) => unknown;

export function runCommand(id: string, logger: Logger, handler: CommandHandler): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (e instanceof Cancelled || e instanceof vscode.CancellationError) return undefined;
      if (e instanceof NotSignedInError) {
        const signIn = vscode.l10n.t('Sign In');
        const pick = await vscode.window.showWarningMessage(vscode.l10n.t('Sign in to SWAS first.'), signIn);
        if (pick === signIn) await vscode.commands.executeCommand('swas.signIn');
        return undefined;
      }
      const message = describeError(e);
      logger.error(`${id}: ${message}`);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showErrorMessage(message, showLog).then((pick) => {
        if (pick === showLog) void vscode.commands.executeCommand('swas.showLog');
      });
      return undefined;
    }
  };
}
