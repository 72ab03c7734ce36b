// A minimal local language pack for zh-cn (test/e2e/fixtures/zh-cn-language-pack): VS Code shows a
// display language only when a language pack for it is installed, and none can be downloaded
// here. The pack has no translations, so VS Code's own UI stays English while every extension
// (ours) runs with vscode.env.language = 'zh-cn' and its zh-cn bundles.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths';

const FIXTURE = join(repoRoot, 'test', 'e2e', 'fixtures', 'zh-cn-language-pack');
const OUT = join(repoRoot, 'out', 'vsix', 'swas-test-language-pack-zh-cn.vsix');

export function zhCnLanguagePackVsix(): string {
  if (existsSync(OUT)) return OUT;
  mkdirSync(join(repoRoot, 'out', 'vsix'), { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'swas-langpack-'));
  try {
    cpSync(FIXTURE, stage, { recursive: true });
    const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = spawnSync(
      process.execPath,
      [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', OUT],
      { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (r.status !== 0) throw new Error(`vsce package of the language pack failed (exit ${String(r.status)}):\n${r.stdout}\n${r.stderr}`);
    return OUT;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
