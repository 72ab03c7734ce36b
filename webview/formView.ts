// Builds the form's DOM once (its ids and classes are what the webview and e2e tests address:
// test/webview/formHarness.ts, test/e2e/lib/form.ts) and returns references to the live
// controls. Each control is described by its help paragraph and, while invalid, its error
// paragraph (see toolkit.ts for how that reaches the focusable element). The error paragraphs
// are not live regions: an invalid submit is announced once, by the summary.
import type { FormStrings } from '../src/protocol/formStrings';
import { h } from './dom';
import type { ButtonElement, FieldElement } from './toolkit';
import { button, describe, divider, dropdown, progressRing, setRequired, textArea, textField } from './toolkit';

export interface FormRefs {
  root: HTMLElement;
  serverInfo: HTMLElement;
  banner: HTMLElement;
  bannerText: HTMLElement;
  retry: ButtonElement;
  imageName: FieldElement;
  imageNameStatus: HTMLElement;
  systemSnapshot: FieldElement;
  systemSnapshotEmpty: HTMLElement;
  createSnapshot: ButtonElement;
  snapshotProgress: HTMLElement;
  dataSnapshot: FieldElement;
  description: FieldElement;
  tagRows: HTMLElement;
  addTag: ButtonElement;
  resourceGroupId: FieldElement;
  quota: HTMLElement;
  /** The one live region of an invalid submit: "2 fields need attention: …". */
  summary: HTMLElement;
  submit: ButtonElement;
  submitRing: HTMLElement;
  cancel: ButtonElement;
  copyCli: ButtonElement;
  result: HTMLElement;
  resultImageId: HTMLElement;
  resultRequestId: HTMLElement;
  errors: Record<string, HTMLElement>;
}

const ERROR_FIELDS = ['server', 'imageName', 'systemSnapshot', 'dataSnapshot', 'description', 'tags', 'resourceGroupId', 'quota'];

function errorEl(field: string): HTMLElement {
  return h('p', { id: `${field}-error`, class: 'error' });
}

function help(id: string, text: string): HTMLElement {
  return h('p', { id, class: 'help' }, text);
}

export function buildForm(t: FormStrings): FormRefs {
  const errors: Record<string, HTMLElement> = {};
  for (const f of ERROR_FIELDS) errors[f] = errorEl(f);
  const e = (f: string): HTMLElement => errors[f] as HTMLElement;

  const imageName = textField({ id: 'imageName', label: t['imageName.label'], maxLength: 200 });
  const imageNameHelp = help('imageName-help', t['imageName.help']);
  setRequired(imageName, true);
  describe(imageName, imageNameHelp);
  const imageNameStatus = h('p', { id: 'imageName-status', class: 'status', 'aria-live': 'polite' });

  const systemSnapshot = dropdown('systemSnapshot', 'systemSnapshot-label');
  const systemSnapshotHelp = help('systemSnapshot-help', t['systemSnapshot.help']);
  setRequired(systemSnapshot, true);
  describe(systemSnapshot, systemSnapshotHelp);
  const createSnapshot = button({ id: 'createSnapshot', label: t['systemSnapshot.create'], appearance: 'secondary' });
  const systemSnapshotEmpty = h(
    'div',
    { id: 'systemSnapshot-empty', class: 'empty', hidden: '' },
    h('p', {}, t['systemSnapshot.none']),
    createSnapshot,
  );
  const snapshotProgress = h(
    'p',
    { id: 'snapshot-progress', class: 'status', 'aria-live': 'polite', hidden: '' },
    t['systemSnapshot.creating'],
  );

  const dataSnapshot = dropdown('dataSnapshot', 'dataSnapshot-label');
  const dataSnapshotHelp = help('dataSnapshot-help', t['dataSnapshot.help']);
  describe(dataSnapshot, dataSnapshotHelp);
  const description = textArea({ id: 'description', label: t['description.label'], maxLength: 1000 });
  const descriptionHelp = help('description-help', '');
  describe(description, descriptionHelp);
  const tagRows = h('div', { id: 'tagRows' });
  const addTag = button({ id: 'addTag', label: t['tags.add'], appearance: 'secondary' });
  const resourceGroupId = textField({ id: 'resourceGroupId', label: t['resourceGroupId.label'], placeholder: 'rg-…' });
  const resourceGroupIdHelp = help('resourceGroupId-help', t['resourceGroupId.help']);
  describe(resourceGroupId, resourceGroupIdHelp);

  const retry = button({ id: 'retry', label: t.retry, appearance: 'secondary' });
  const bannerText = h('p', { id: 'banner-text' });
  const banner = h('div', { id: 'banner', class: 'banner', role: 'alert', tabindex: '-1', hidden: '' }, bannerText, retry);
  const quota = h('p', { id: 'quota', class: 'quota' });
  const summary = h('p', { id: 'form-summary', class: 'summary', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const submit = button({ id: 'submit', label: t.submit });
  const submitRing = progressRing('submit-progress');
  submitRing.hidden = true;
  const cancel = button({ id: 'cancel', label: t.cancel, appearance: 'secondary' });
  const copyCli = button({ id: 'copyCli', label: t.copyCli, appearance: 'secondary' });
  const resultImageId = h('code', { id: 'result-imageId' });
  const resultRequestId = h('code', { id: 'result-requestId' });
  const result = h(
    'div',
    { id: 'result', class: 'result', role: 'status', hidden: '' },
    h('p', { id: 'result-text' }, t['result.success']),
    h(
      'dl',
      {},
      h('dt', {}, t['result.imageId']),
      h('dd', {}, resultImageId),
      h('dt', {}, t['result.requestId']),
      h('dd', {}, resultRequestId),
    ),
  );
  const serverInfo = h('dl', { id: 'serverInfo', class: 'server-info' });

  const root = h(
    'main',
    { id: 'form', 'aria-labelledby': 'formTitle' },
    h('h1', { id: 'formTitle' }, t.title),
    h(
      'section',
      { class: 'server', 'aria-labelledby': 'serverHeading' },
      h('h2', { id: 'serverHeading' }, t['section.server']),
      serverInfo,
      e('server'),
    ),
    banner,
    h('div', { class: 'field' }, imageName, imageNameHelp, e('imageName'), imageNameStatus),
    h(
      'div',
      { class: 'field' },
      h('label', { id: 'systemSnapshot-label', for: 'systemSnapshot' }, t['systemSnapshot.label']),
      systemSnapshot,
      systemSnapshotHelp,
      systemSnapshotEmpty,
      snapshotProgress,
      e('systemSnapshot'),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { id: 'dataSnapshot-label', for: 'dataSnapshot' }, t['dataSnapshot.label']),
      dataSnapshot,
      dataSnapshotHelp,
      e('dataSnapshot'),
    ),
    h('div', { class: 'field' }, description, descriptionHelp, e('description')),
    h(
      'fieldset',
      { class: 'field tags', 'aria-describedby': 'tags-help' },
      h('legend', {}, t['tags.label']),
      help('tags-help', ''),
      tagRows,
      addTag,
      e('tags'),
    ),
    h('div', { class: 'field' }, resourceGroupId, resourceGroupIdHelp, e('resourceGroupId')),
    divider(),
    h('div', { class: 'field' }, quota, e('quota')),
    h('ul', { class: 'notes' }, h('li', {}, t['note.released']), h('li', {}, t['note.reset'])),
    summary,
    h('div', { class: 'actions' }, submit, submitRing, cancel, copyCli),
    result,
  );
  return {
    root,
    serverInfo,
    banner,
    bannerText,
    retry,
    imageName,
    imageNameStatus,
    systemSnapshot,
    systemSnapshotEmpty,
    createSnapshot,
    snapshotProgress,
    dataSnapshot,
    description,
    tagRows,
    addTag,
    resourceGroupId,
    quota,
    summary,
    submit,
    submitRing,
    cancel,
    copyCli,
    result,
    resultImageId,
    resultRequestId,
    errors,
  };
}

export interface TagRowRefs {
  row: HTMLElement;
  key: FieldElement;
  value: FieldElement;
  remove: ButtonElement;
  error: HTMLElement;
}

export function buildTagRow(t: FormStrings, index: number, fmtLabel: (tpl: string) => string): TagRowRefs {
  const key = textField({ classes: ['tag-key'], ariaLabel: fmtLabel(t['tags.keyAria']), placeholder: t['tags.key'], maxLength: 200 });
  const value = textField({
    classes: ['tag-value'],
    ariaLabel: fmtLabel(t['tags.valueAria']),
    placeholder: t['tags.value'],
    maxLength: 200,
  });
  const remove = button({
    classes: ['tag-remove'],
    label: t['tags.remove'],
    ariaLabel: fmtLabel(t['tags.removeAria']),
    appearance: 'secondary',
  });
  const error = h('p', { id: `tag-${index}-error`, class: 'error tag-error' });
  // Keys and values share the rules written under the legend.
  const rules = document.getElementById('tags-help');
  if (rules) for (const el of [key, value]) describe(el, rules);
  const row = h('div', { class: 'tag-row', role: 'group', 'aria-label': fmtLabel(t['tags.rowAria']) }, key, value, remove, error);
  return { row, key, value, remove, error };
}
