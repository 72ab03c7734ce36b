// The form's strings in the UI language: each English text through vscode.l10n.t (the
// zh-cn translations live in l10n/bundle.l10n.zh-cn.json, keyed by the English text).
import * as vscode from 'vscode';
import type { FormStringKey, FormStrings } from '../protocol/formStrings';
import { FORM_STRINGS_EN } from '../protocol/formStrings';

export function localizedFormStrings(): FormStrings {
  const out = {} as FormStrings;
  for (const key of Object.keys(FORM_STRINGS_EN) as FormStringKey[]) {
    // No args: placeholders such as {0} stay for the webview to fill.
    out[key] = vscode.l10n.t(FORM_STRINGS_EN[key]);
  }
  return out;
}
