// The ONE module that knows about @vscode/webview-ui-toolkit (archived upstream; its successor
// is @vscode-elements/elements). Everything else creates controls through these functions and
// reads them through `FieldElement`, so swapping the library changes only this file (and the
// table of tags and focus targets in toolkitParts.ts, which the webview tests share).
//
// Accessibility: the toolkit's text fields, text areas and buttons are FAST elements whose
// focusable <input>/<textarea>/<button> lives in a shadow root. FAST copies some aria-*
// attributes from the host to that inner element, but an aria-describedby IDREF copied there
// points into the shadow root, where the help and error paragraphs are not: the description
// is lost, and aria-required is not copied at all. So this wrapper keeps each control's
// accessible state (label, help, error, invalid, required) itself and applies it to the
// element that takes focus: descriptions as ARIA element references
// (`ariaDescribedByElements`, which may point from a shadow root out to the document),
// invalid/required as attributes there, the label as the host's aria-label (which FAST
// forwards) — re-applied on every connect, after the toolkit's own connect code, which
// overwrites a missing visible label with "Text field". Where element references are not
// implemented (Chromium before 135, so VS Code 1.100's Electron; browsers running
// code-server), the same text goes in as `aria-description`, refreshed on every change.
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
import type { ControlKind } from './toolkitParts';
import { CONTROL_TAGS, FOCUS_TARGET } from './toolkitParts';

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

interface AccessibleState {
  /** Accessible name set by us (no visible label), else the toolkit's label stands. */
  label: string | undefined;
  described: HTMLElement[];
  error: HTMLElement | undefined;
  invalid: boolean;
  required: boolean;
}

const accessible = new WeakMap<HTMLElement, AccessibleState>();
const KIND_BY_TAG = new Map<string, ControlKind>(
  (Object.keys(FOCUS_TARGET) as ControlKind[]).map((k) => [CONTROL_TAGS[k].toUpperCase(), k]),
);

/** The FAST controller of a toolkit element: behaviours added to it are bound on every connect. */
interface FastHost {
  $fastController?: { addBehaviors(behaviors: Array<{ bind(source: unknown): void; unbind(): void }>): void };
}

/** The element inside a control that takes focus, once the control has rendered. */
function focusTarget(el: HTMLElement): HTMLElement | null {
  const kind = KIND_BY_TAG.get(el.tagName);
  if (!kind) return null;
  const inner = FOCUS_TARGET[kind];
  return inner ? (el.shadowRoot?.querySelector<HTMLElement>(inner) ?? null) : el;
}

function applyAccessible(el: HTMLElement): void {
  const s = accessible.get(el);
  const target = focusTarget(el);
  if (!s || !target) return;
  if (s.label !== undefined && el.getAttribute('aria-label') !== s.label) el.setAttribute('aria-label', s.label);
  const described = [...s.described, ...(s.invalid && s.error ? [s.error] : [])];
  if ('ariaDescribedByElements' in Element.prototype) {
    target.ariaDescribedByElements = described.length ? described : null;
  } else {
    const text = described.map((d) => d.textContent?.trim() ?? '').filter(Boolean).join(' ');
    if (text) target.setAttribute('aria-description', text);
    else target.removeAttribute('aria-description');
  }
  if (s.invalid) target.setAttribute('aria-invalid', 'true');
  else target.removeAttribute('aria-invalid');
  if (s.required) target.setAttribute('aria-required', 'true');
  else target.removeAttribute('aria-required');
  el.classList.toggle('invalid', s.invalid);
}

function stateOf(el: HTMLElement): AccessibleState {
  let s = accessible.get(el);
  if (!s) {
    s = { label: undefined, described: [], error: undefined, invalid: false, required: false };
    accessible.set(el, s);
    // FAST binds behaviours on connect after rendering the shadow root, but before the
    // toolkit's subclass finishes its connectedCallback (which resets aria-label): run after it.
    (el as FastHost).$fastController?.addBehaviors([{ bind: () => queueMicrotask(() => applyAccessible(el)), unbind: () => undefined }]);
  }
  return s;
}

function update(el: HTMLElement, change: Partial<AccessibleState>): void {
  Object.assign(stateOf(el), change);
  applyAccessible(el);
}

function make<T extends HTMLElement>(tag: string, id: string | undefined, classes: string[]): T {
  const el = document.createElement(tag) as T;
  if (id) el.id = id;
  if (classes.length) el.classList.add(...classes);
  const kind = KIND_BY_TAG.get(el.tagName);
  if (kind) {
    // The stylesheet addresses controls by kind, never by the toolkit's tag.
    el.classList.add(`control-${kind}`);
    stateOf(el);
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
  if (o.ariaLabel) update(el, { label: o.ariaLabel });
  if (o.placeholder) el.setAttribute('placeholder', o.placeholder);
  if (o.maxLength) el.setAttribute('maxlength', String(o.maxLength));
  return el;
}

export function textArea(o: TextOptions & { rows?: number }): FieldElement {
  const el = make<FieldElement>(CONTROL_TAGS.textArea, o.id, o.classes ?? []);
  if (o.label) el.textContent = o.label;
  if (o.ariaLabel) update(el, { label: o.ariaLabel });
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

export function button(o: { id?: string; classes?: string[]; label: string; ariaLabel?: string; appearance?: 'primary' | 'secondary' | 'icon' }): ButtonElement {
  const el = make<ButtonElement>(CONTROL_TAGS.button, o.id, o.classes ?? []);
  el.textContent = o.label;
  if (o.ariaLabel) update(el, { label: o.ariaLabel });
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
  update(el, { described: by });
}

export function setRequired(el: HTMLElement, required: boolean): void {
  update(el, { required });
}

/** Mark a control invalid (or valid); while invalid, `error` is read after its help. */
export function setInvalid(el: HTMLElement, error: HTMLElement, invalid: boolean): void {
  update(el, { error, invalid });
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
