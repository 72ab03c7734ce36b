// Where things are, computed from this file's place in the tree. Works both from the
// TypeScript sources (test/e2e/lib) and from the transpiled output (out/test/e2e/lib).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

function findRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'esbuild.mjs'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error(`cannot find the repository root above ${__dirname}`);
}

/** The repository root (holds package.json and esbuild.mjs). */
export const repoRoot = findRoot();

/** Folder for screenshots and logs of a test run: $SWAS_TEST_ARTIFACTS or .test-artifacts/. */
export function artifactsDir(): string {
  return process.env.SWAS_TEST_ARTIFACTS ?? join(repoRoot, '.test-artifacts');
}

export const hostsDir = join(repoRoot, 'test', 'e2e', 'hosts');
