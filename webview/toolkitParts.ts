// What the rest of the project may know about the toolkit's markup, in one table: the tag of
// each kind of control and, inside it, the element that takes focus. Pure data (no DOM, no
// toolkit import), so that toolkit.ts builds controls from it and the webview tests build their
// locators from it: swapping the library changes toolkit.ts and this table, nothing else.

export type ControlKind = 'textField' | 'textArea' | 'dropdown' | 'button';

export const CONTROL_TAGS: Readonly<Record<ControlKind | 'option' | 'divider' | 'progressRing', string>> = {
  textField: 'vscode-text-field',
  textArea: 'vscode-text-area',
  dropdown: 'vscode-dropdown',
  button: 'vscode-button',
  option: 'vscode-option',
  divider: 'vscode-divider',
  progressRing: 'vscode-progress-ring',
};

/**
 * The element inside a control's (open) shadow root that takes focus and so is what a screen
 * reader announces; `''` when the host element itself is the focusable one (FAST's select is a
 * `role=combobox` host). A CSS selector relative to the host.
 */
export const FOCUS_TARGET: Readonly<Record<ControlKind, string>> = {
  textField: 'input',
  textArea: 'textarea',
  dropdown: '',
  button: 'button',
};

/** The shadow part that draws the frame of a text field or text area (styled via ::part). */
export const FRAME_PART: Readonly<Record<'textField' | 'textArea', string>> = {
  textField: 'root',
  textArea: 'control',
};
