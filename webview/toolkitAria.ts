// The accessible side of the toolkit wrapper. The toolkit's text fields, text areas and
// buttons are FAST elements whose focusable <input>/<textarea>/<button> lives in a shadow root.
// FAST copies some aria-* attributes from the host to that inner element, but an
// aria-describedby IDREF copied there points into the shadow root, where the help and error
// paragraphs are not: the description is lost; aria-required is not copied at all; and the
// toolkit's own connect code names a text field without visible label "Text field".
// So each control's accessible state (label, help, error, invalid, required) is kept here and
// applied to the element that takes focus: descriptions as ARIA element references
// (`ariaDescribedByElements`, which may point from a shadow root out to the document),
// invalid/required as attributes there, the label as the host's aria-label (which FAST
// forwards). It is re-applied on every connect, after the toolkit's connect code. Where
// element references are not implemented (Chromium before 135, so VS Code 1.100's Electron;
// older browsers running code-server) the same text goes in as `aria-description`, refreshed on
// every change. Dropdowns (FAST select) are focusable hosts with role=combobox: the same state
// goes on the host itself.
import type { ControlKind } from './toolkitParts';
import { CONTROL_TAGS, FOCUS_TARGET } from './toolkitParts';

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

/** The kind of a toolkit control, or undefined for any other element. */
export function controlKind(el: Element): ControlKind | undefined {
  return KIND_BY_TAG.get(el.tagName);
}

/** The FAST controller of a toolkit element: behaviours added to it are bound on every connect. */
interface FastHost {
  $fastController?: { addBehaviors(behaviors: Array<{ bind(source: unknown): void; unbind(): void }>): void };
}

/** The element inside a control that takes focus, once the control has rendered. */
function focusTarget(el: HTMLElement): HTMLElement | null {
  const kind = controlKind(el);
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
    const text = described
      .map((d) => d.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
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

/** Start keeping a control's accessible state (applied on every connect from now on). */
export function trackAccessible(el: HTMLElement): void {
  stateOf(el);
}

/** Change part of a control's accessible state and apply it now if the control has rendered. */
export function updateAccessible(el: HTMLElement, change: Partial<AccessibleState>): void {
  Object.assign(stateOf(el), change);
  applyAccessible(el);
}
