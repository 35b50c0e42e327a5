// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'out/**',
      'test/harness/**',
      'test/fixtures/**',
      'test/workspaces/**',
      'test/artifacts/**',
      '.vscode-test/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked, ...tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'import-x/no-cycle': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='exec']",
          message: 'Spawn child processes with an argument array (execFile/spawn), never a shell.',
        },
      ],
    },
  },
  {
    // The core is plain TypeScript: it is unit-tested in plain Node and reused by the CLI.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core and src/cli never import vscode.' }],
          patterns: [
            {
              group: ['**/features/**', '**/extension'],
              message: 'The core does not depend on the VS Code glue.',
            },
          ],
        },
      ],
    },
  },
  {
    // Unit tests run in plain Node: they may read pure modules of the glue, never vscode itself.
    files: ['test/unit/**/*.ts', 'bench/**/*.ts'],
    // bench/host/ runs inside the extension host, like the integration tests.
    ignores: ['bench/host/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'vscode', message: 'Unit tests run in plain Node, without vscode.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
