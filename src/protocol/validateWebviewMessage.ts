// Runtime validation of everything the webview posts. The webview is untrusted input: the
// host accepts only well-formed messages of known types and drops the rest (it logs why).
import type { FormDraft, WebviewMessage } from './createImageMessages';

/** Generous caps: rules reject long values with a code; these only stop absurd payloads. */
const MAX_TEXT = 4096;
const MAX_TAG_ROWS = 100;

export type ParseResult = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_TEXT;
}

function onlyKeys(o: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

const DRAFT_KEYS = ['imageName', 'systemSnapshotId', 'dataSnapshotId', 'description', 'resourceGroupId', 'tags'] as const;

export function parseDraft(v: unknown): FormDraft | undefined {
  if (!isRecord(v) || !onlyKeys(v, DRAFT_KEYS)) return undefined;
  const { imageName, systemSnapshotId, dataSnapshotId, description, resourceGroupId, tags } = v;
  if (!isText(imageName) || !isText(systemSnapshotId) || !isText(dataSnapshotId)) return undefined;
  if (!isText(description) || !isText(resourceGroupId)) return undefined;
  if (!Array.isArray(tags) || tags.length > MAX_TAG_ROWS) return undefined;
  const parsedTags: FormDraft['tags'] = [];
  for (const t of tags as unknown[]) {
    if (!isRecord(t) || !onlyKeys(t, ['key', 'value']) || !isText(t.key) || !isText(t.value)) return undefined;
    parsedTags.push({ key: t.key, value: t.value });
  }
  // Rebuild: never pass the webview's own object (prototype tricks, extra fields) further.
  return { imageName, systemSnapshotId, dataSnapshotId, description, resourceGroupId, tags: parsedTags };
}

export function parseWebviewMessage(raw: unknown): ParseResult {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  const type = raw.type;
  if (typeof type !== 'string') return { ok: false, reason: 'no type' };
  const bad = (why: string): ParseResult => ({ ok: false, reason: `${type.slice(0, 40)}: ${why}` });
  switch (type) {
    case 'ready':
    case 'retry':
    case 'cancel':
    case 'createSnapshot':
      return onlyKeys(raw, ['type']) ? { ok: true, message: { type } } : bad('unexpected fields');
    case 'submit':
    case 'copyCli':
    case 'draftChanged': {
      if (!onlyKeys(raw, ['type', 'draft'])) return bad('unexpected fields');
      const draft = parseDraft(raw.draft);
      return draft ? { ok: true, message: { type, draft } } : bad('malformed draft');
    }
    case 'request': {
      if (!onlyKeys(raw, ['type', 'id', 'kind', 'params'])) return bad('unexpected fields');
      const { id, kind, params } = raw;
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return bad('bad id');
      if (kind !== 'checkName') return bad('unknown request kind');
      if (!isRecord(params) || !onlyKeys(params, ['name']) || !isText(params.name)) return bad('bad params');
      return { ok: true, message: { type: 'request', id, kind, params: { name: params.name } } };
    }
    default:
      return { ok: false, reason: `unknown type ${JSON.stringify(type.slice(0, 40))}` };
  }
}
