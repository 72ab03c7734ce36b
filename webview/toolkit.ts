// The ONE module that knows about @vscode/webview-ui-toolkit (archived upstream; its successor
// is @vscode-elements/elements). Everything else creates controls through these functions and
// reads them through `FieldElement`, so swapping the library changes only this file (and the
// table of tags and focus targets in toolkitParts.ts, which the webview tests share).
// How the controls' names, help and errors reach the element that takes focus: toolkitAria.ts.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDivider,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeProgressRing,
  vsCodeTextArea,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';
import { controlKind, trackAccessible, updateAccessible } from './toolkitAria';
import { CONTROL_TAGS } from './toolkitParts';

/** A control with a string value (text field, text area, dropdown). */
export type FieldElement = HTMLElement & { value: string; disabled: boolean };
export type ButtonElement = HTMLElement & { disabled: boolean };

let registered = false;
export function registerToolkit(): void {
  if (registered) return;
  registered = true;
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeDivider(),
    vsCodeDropdown(),
    vsCodeOption(),
    vsCodeProgressRing(),
    vsCodeTextArea(),
    vsCodeTextField(),
  );
}

function make<T extends HTMLElement>(tag: string, id: string | undefined, classes: string[]): T {
  const el = document.createElement(tag) as T;
  if (id) el.id = id;
  if (classes.length) el.classList.add(...classes);
  const kind = controlKind(el);
  if (kind) {
    // The stylesheet addresses controls by kind, never by the toolkit's tag.
    el.classList.add(`control-${kind}`);
    trackAccessible(el);
  }
  return el;
}

export interface TextOptions {
  id?: string;
  classes?: string[];
  /** Visible label (slotted into the control) — also its accessible name. */
  label?: string;
  /** Accessible name when there is no visible label. */
  ariaLabel?: string;
  placeholder?: string;
  maxLength?: number;
}

export function textField(o: TextOptions): FieldElement {
  const el = make<FieldElement>(CONTROL_TAGS.textField, o.id, o.classes ?? []);
  if (o.label) el.textContent = o.label;
  if (o.ariaLabel) updateAccessible(el, { label: o.ariaLabel });
  if (o.placeholder) el.setAttribute('placeholder', o.placeholder);
  if (o.maxLength) el.setAttribute('maxlength', String(o.maxLength));
  return el;
}

export function textArea(o: TextOptions & { rows?: number }): FieldElement {
  const el = make<FieldElement>(CONTROL_TAGS.textArea, o.id, o.classes ?? []);
  if (o.label) el.textContent = o.label;
  if (o.ariaLabel) updateAccessible(el, { label: o.ariaLabel });
  if (o.maxLength) el.setAttribute('maxlength', String(o.maxLength));
  el.setAttribute('rows', String(o.rows ?? 3));
  el.setAttribute('resize', 'vertical');
  return el;
}

export interface OptionSpec {
  value: string;
  label: string;
  disabled?: boolean;
}

export function dropdown(id: string, ariaLabelledBy: string): FieldElement {
  const el = make<FieldElement>(CONTROL_TAGS.dropdown, id, []);
  el.setAttribute('aria-labelledby', ariaLabelledBy);
  el.setAttribute('position', 'below');
  return el;
}

/** Replace the options of a dropdown and select `value` (when it is among them). */
export function setOptions(el: FieldElement, options: readonly OptionSpec[], value: string): void {
  el.replaceChildren(
    ...options.map((o) => {
      const opt = document.createElement(CONTROL_TAGS.option) as HTMLElement & { value: string };
      opt.setAttribute('value', o.value);
      opt.textContent = o.label;
      if (o.disabled) opt.setAttribute('disabled', '');
      if (o.value === value) opt.setAttribute('selected', '');
      return opt;
    }),
  );
  setValue(el, value);
}

export function button(o: {
  id?: string;
  classes?: string[];
  label: string;
  ariaLabel?: string;
  appearance?: 'primary' | 'secondary' | 'icon';
}): ButtonElement {
  const el = make<ButtonElement>(CONTROL_TAGS.button, o.id, o.classes ?? []);
  el.textContent = o.label;
  if (o.ariaLabel) updateAccessible(el, { label: o.ariaLabel });
  el.setAttribute('appearance', o.appearance ?? 'primary');
  return el;
}

export function progressRing(id: string): HTMLElement {
  return make<HTMLElement>(CONTROL_TAGS.progressRing, id, []);
}

export function divider(): HTMLElement {
  return make<HTMLElement>(CONTROL_TAGS.divider, undefined, []);
}

export function getValue(el: FieldElement): string {
  return typeof el.value === 'string' ? el.value : '';
}

export function setValue(el: FieldElement, value: string): void {
  if (getValue(el) === value) return;
  el.value = value;
  // A dropdown whose options were just replaced learns them on slotchange: try again then.
  if (getValue(el) !== value) requestAnimationFrame(() => (el.value = value));
}

export function setDisabled(el: FieldElement | ButtonElement, disabled: boolean): void {
  el.disabled = disabled;
  el.toggleAttribute('disabled', disabled);
}

/** The paragraphs (help texts) that describe a control, in reading order. */
export function describe(el: HTMLElement, ...by: HTMLElement[]): void {
  updateAccessible(el, { described: by });
}

export function setRequired(el: HTMLElement, required: boolean): void {
  updateAccessible(el, { required });
}

/** Mark a control invalid (or valid); while invalid, `error` is read after its help. */
export function setInvalid(el: HTMLElement, error: HTMLElement, invalid: boolean): void {
  updateAccessible(el, { error, invalid });
}

/** True for a single-line text control (where Enter submits the form). */
export function isTextField(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && el.tagName === CONTROL_TAGS.textField.toUpperCase();
}

/** Events: text controls fire `input` as you type; dropdowns fire `change`. */
export function onEdit(el: FieldElement, handler: () => void): void {
  el.addEventListener('input', handler);
  el.addEventListener('change', handler);
}

export function onClick(el: HTMLElement, handler: () => void): void {
  el.addEventListener('click', handler);
}
