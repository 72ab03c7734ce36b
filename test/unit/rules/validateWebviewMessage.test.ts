import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWebviewMessage } from '../../../src/protocol/validateWebviewMessage';

const draft = {
  imageName: 'n1',
  systemSnapshotId: 's-1',
  dataSnapshotId: '',
  description: '',
  resourceGroupId: '',
  tags: [{ key: 'k', value: '' }],
};

test('accepts each well-formed message type', () => {
  for (const m of [
    { type: 'ready' },
    { type: 'retry' },
    { type: 'cancel' },
    { type: 'createSnapshot' },
    { type: 'submit', draft },
    { type: 'copyCli', draft },
    { type: 'draftChanged', draft },
    { type: 'request', id: 3, kind: 'checkName', params: { name: 'x' } },
  ]) {
    const r = parseWebviewMessage(m);
    assert.ok(r.ok, JSON.stringify(m));
    assert.deepEqual(r.message, m);
  }
});

test('rebuilds the draft instead of passing the webview object on', () => {
  const input = { type: 'submit', draft: { ...draft, tags: [{ key: 'k', value: 'v' }] } };
  const r = parseWebviewMessage(input);
  assert.ok(r.ok && r.message.type === 'submit');
  assert.notEqual(r.message.draft, input.draft);
  assert.notEqual(r.message.draft.tags[0], input.draft.tags[0]);
});

test('rejects unknown types, extra fields, wrong field types and oversized values with a reason', () => {
  for (const m of [
    { type: 'nope' },
    { type: 'ready', extra: 1 },
    { type: 'submit', draft: { ...draft, imageName: 5 } },
    { type: 'submit', draft: { ...draft, tags: Array.from({ length: 101 }, () => ({ key: 'k', value: '' })) } },
    { type: 'submit', draft: { ...draft, description: 'd'.repeat(4097) } },
    { type: 'request', id: 'x', kind: 'checkName', params: { name: 'a' } },
  ]) {
    const r = parseWebviewMessage(m);
    assert.equal(r.ok, false, JSON.stringify(m).slice(0, 80));
    assert.ok(!r.ok && r.reason.length > 0);
  }
});

test('property: never throws on arbitrary JSON-like input', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.anything(),
        fc.record({
          type: fc.constantFrom('submit', 'request', 'ready', 'copyCli'),
          draft: fc.anything(),
          id: fc.anything(),
          kind: fc.anything(),
          params: fc.anything(),
        }),
      ),
      (v) => {
        const r = parseWebviewMessage(v);
        return typeof r.ok === 'boolean';
      },
    ),
  );
});
