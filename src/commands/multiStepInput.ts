// One input box that walks through several steps ("Step n of m" in its title, a Back button from
// step 2 on) instead of separate boxes. Escape (or hiding it) cancels the whole flow.
import * as vscode from 'vscode';
import { Cancelled } from './runner';

export interface InputStep {
  prompt: string;
  placeHolder?: string;
  password?: boolean;
  /** The value offered when the step is shown the first time. */
  value?: string;
  /** undefined when the value is fine, else the message (an error blocks, a warning does not). */
  validate?(value: string): string | vscode.InputBoxValidationMessage | undefined;
}

/** Runs the steps in order and resolves with the trimmed values, or throws Cancelled. */
export function multiStepInput(title: string, steps: readonly InputStep[]): Promise<string[]> {
  const box = vscode.window.createInputBox();
  const values = steps.map((s) => s.value ?? '');
  let i = 0;
  const show = (): void => {
    const step = steps[i];
    if (!step) return;
    box.title = title;
    box.step = i + 1;
    box.totalSteps = steps.length;
    box.prompt = step.prompt;
    box.placeholder = step.placeHolder ?? '';
    box.password = step.password === true;
    box.value = values[i] ?? '';
    box.buttons = i > 0 ? [vscode.QuickInputButtons.Back] : [];
    box.validationMessage = undefined;
    box.ignoreFocusOut = true;
  };
  return new Promise<string[]>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const finish = (fn: () => void): void => {
      for (const s of subs) s.dispose();
      box.dispose();
      fn();
    };
    const blocking = (v: string): boolean => {
      const m = steps[i]?.validate?.(v);
      box.validationMessage = m;
      return typeof m === 'string' || (m !== undefined && m.severity === vscode.InputBoxValidationSeverity.Error);
    };
    subs.push(
      box.onDidChangeValue((v) => void blocking(v)),
      box.onDidTriggerButton((b) => {
        if (b !== vscode.QuickInputButtons.Back || i === 0) return;
        values[i] = box.value;
        i--;
        show();
      }),
      box.onDidAccept(() => {
        if (blocking(box.value)) return;
        values[i] = box.value.trim();
        if (i === steps.length - 1) {
          finish(() => resolve(values));
          return;
        }
        i++;
        show();
      }),
      box.onDidHide(() => finish(() => reject(new Cancelled()))),
    );
    show();
    box.show();
  });
}
