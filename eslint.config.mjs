import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The folder decides what code may import (DESIGN.md, "Layout").
const noElectron = {
  name: 'electron',
  message: 'Only src/main and src/preload may import electron (its binary may be absent).',
}
const restrict = (patterns, paths = [noElectron]) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
})
const ours = (...folders) =>
  folders.map((folder) => ({
    group: [`**/${folder}/**`, `**/${folder}`],
    message: `This folder may not import from src/${folder}.`,
  }))

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(ours('core', 'connector', 'main', 'preload', 'renderer', 'cli')),
  },
  { files: ['src/core/**'], rules: restrict(ours('main', 'preload', 'renderer', 'cli')) },
  {
    files: ['src/connector/**'],
    rules: restrict(ours('core', 'main', 'preload', 'renderer', 'cli')),
  },
  { files: ['src/cli/**'], rules: restrict(ours('main', 'preload', 'renderer')) },
  { files: ['src/main/**', 'src/preload/**'], rules: restrict(ours('renderer'), []) },
  {
    files: ['src/renderer/**'],
    rules: restrict(ours('core', 'connector', 'main', 'cli')),
  },
  { files: ['e2e/**', 'bench/**', 'test/**'], rules: restrict([]) },
  {
    // Plain Node scripts (launchers, the test runner, the CLI's bin shim).
    files: ['scripts/**/*.mjs', 'scripts/**/*.cjs', 'bin/**/*.cjs', '*.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
)
