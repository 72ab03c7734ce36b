// Lint: strict TypeScript rules from the house style (no any, consistent type imports) and the
// type-aware promise rules (no-floating-promises, no-misused-promises, await-thenable) over every
// source: src/, webview/, test/ and the .mjs build and test tools (typed through tsconfig.tools.json).
import tseslint from 'typescript-eslint';

const PROMISE_RULES = {
  '@typescript-eslint/no-floating-promises': [
    'error',
    {
      allowForKnownSafeCalls: [
        { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
      ],
    },
  ],
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'dist-vsix/**',
      'test/e2e/hosts/**',
      '.demo/**',
      '.test-artifacts/**',
      'bench/**',
      '**/*.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'webview/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...PROMISE_RULES,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['*.mjs', 'test/tools/*.mjs'],
    languageOptions: { parserOptions: { project: './tsconfig.tools.json', tsconfigRootDir: import.meta.dirname } },
    rules: { ...PROMISE_RULES, '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core and src/protocol never import vscode.' }] }],
    },
  },
);
