// The manifest decides what users are offered and which settings a workspace may change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
interface Menu {
  command: string;
  when?: string;
  group?: string;
}
interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported: unknown; restrictedConfigurations?: string[] }; virtualWorkspaces?: unknown };
  contributes: {
    configuration: { properties: Record<string, { scope?: string }> };
    menus: Record<string, Menu[]>;
    viewsWelcome: { when: string; contents: string }[];
  };
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

/** Evaluates a `viewItem =~ /…/` clause of a menu entry against a contextValue. */
function offered(menu: Menu, contextValue: string): boolean {
  const m = /viewItem =~ \/(.*)\/$/.exec(menu.when ?? '');
  assert.ok(m, `no viewItem regex in ${menu.when ?? ''}`);
  return new RegExp(m[1] ?? '').test(contextValue);
}

test('settings that decide where signed requests go are machine-scoped and restricted in untrusted workspaces', () => {
  assert.equal(pkg.contributes.configuration.properties['swas.endpoint']?.scope, 'machine');
  assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, 'limited');
  assert.deepEqual(pkg.capabilities?.untrustedWorkspaces?.restrictedConfigurations, ['swas.endpoint']);
  assert.equal(pkg.capabilities?.virtualWorkspaces, true);
});

test('the title-bar Refresh is its own command (VS Code passes the focused row to view-title commands)', () => {
  const title = pkg.contributes.menus['view/title'] ?? [];
  assert.ok(title.some((m) => m.command === 'swas.refreshAll'));
  assert.ok(!title.some((m) => m.command === 'swas.refresh'), 'swas.refresh refreshes the node it is given');
  assert.ok((pkg.contributes.menus['view/item/context'] ?? []).some((m) => m.command === 'swas.refresh'));
});

test('the welcome views wait until the session is known, and the environment offer goes once signed in', () => {
  for (const w of pkg.contributes.viewsWelcome) assert.match(w.when, /swas\.sessionKnown && !swas\.signedIn/);
  const env = pkg.contributes.viewsWelcome.find((w) => w.contents === '%viewsWelcome.environment%');
  assert.ok(env && /swas\.environmentKeys/.test(env.when));
});

test('Create Custom Image is not offered on a disabled server', () => {
  const onServer = (pkg.contributes.menus['view/item/context'] ?? []).filter(
    (m) => m.command === 'swas.createCustomImage' && /\^instance/.test(m.when ?? ''),
  );
  assert.equal(onServer.length, 1);
  const menu = onServer[0]!;
  assert.equal(offered(menu, 'instance running hasIp'), true);
  assert.equal(offered(menu, 'instance stopped'), true);
  assert.equal(offered(menu, 'instance disabled hasIp'), false);
});

test('the package is publishable: LICENSE matches `license`, a 128×128 PNG icon, repository, keywords', () => {
  const raw = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    license: string;
    icon?: string;
    repository?: { url?: string };
    keywords?: string[];
    categories?: string[];
  };
  assert.equal(raw.license, 'MIT');
  assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License\n/);
  assert.ok(raw.icon, 'icon');
  const png = readFileSync(join(root, raw.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128, 'icon width');
  assert.equal(png.readUInt32BE(20), 128, 'icon height');
  assert.match(raw.repository?.url ?? '', /^https:\/\//);
  for (const k of ['alibaba cloud', 'aliyun', 'simple application server', 'swas']) assert.ok(raw.keywords?.includes(k), `keyword ${k}`);
  assert.ok((raw.categories ?? []).length > 0);
});
