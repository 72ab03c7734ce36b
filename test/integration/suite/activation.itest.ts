// The first integration test: the extension is found in the real extension host and activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'swas-explorer.swas-explorer';

suite('Activation', () => {
  test('the extension is installed in the host and activates without error', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not known to the extension host`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('the manifest contributes the SWAS Explorer view', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const views = (ext?.packageJSON as { contributes?: { views?: Record<string, { id: string }[]> } } | undefined)?.contributes?.views;
    const ids = Object.values(views ?? {})
      .flat()
      .map((v) => v.id);
    assert.ok(ids.includes('swas.explorer'), `views: ${ids.join(', ')}`);
  });
});
