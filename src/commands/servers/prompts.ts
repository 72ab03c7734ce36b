// The questions the server commands ask (modal confirmations, input boxes, picks), behind one
// small port so the integration tests can answer them like a user would (the e2e suite answers
// the real dialogs). The default implementation is plain vscode.window.
import * as vscode from 'vscode';

export interface ServerPrompts {
  /** A modal warning; resolves to the chosen button's title, undefined when cancelled. */
  confirm(message: string, detail: string, buttons: string[]): Promise<string | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions & { canPickMany?: false }): Promise<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Promise<T[] | undefined>;
  info(message: string, ...buttons: string[]): Promise<string | undefined>;
}

export const windowPrompts: ServerPrompts = {
  confirm: async (message, detail, buttons) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons),
  input: async (options) => vscode.window.showInputBox(options),
  pick: async (items, options) => vscode.window.showQuickPick(items, options),
  pickMany: async (items, options) => vscode.window.showQuickPick(items, { ...options, canPickMany: true }),
  info: async (message, ...buttons) => vscode.window.showInformationMessage(message, ...buttons),
};
